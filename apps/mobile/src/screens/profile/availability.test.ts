import { freeTimesOf, windowsFor, windowsOf } from './availability';

describe('free times as weekly windows', () => {
  it('stands for each weekday or weekend day at that part of the day', () => {
    expect(windowsOf('WEEKEND_MORNING')).toEqual([
      { weekday: 'SAT', start: '09:00', end: '12:00' },
      { weekday: 'SUN', start: '09:00', end: '12:00' },
    ]);
    expect(windowsOf('WEEKDAY_EVENING')).toHaveLength(5);
  });

  it('reads back only the choices saved in full', () => {
    const saved = [...windowsOf('WEEKDAY_AFTERNOON'), ...windowsOf('WEEKEND_MORNING').slice(0, 1)];
    expect(freeTimesOf(saved)).toEqual(['WEEKDAY_AFTERNOON']);
  });

  it('keeps windows set some other way, except those a chosen time overlaps', () => {
    const kept = { weekday: 'SUN' as const, start: '13:30', end: '14:30' };
    const covered = { weekday: 'MON' as const, start: '10:00', end: '11:00' };
    expect(windowsFor(['WEEKDAY_MORNING'], [kept, covered])).toEqual([
      kept,
      ...windowsOf('WEEKDAY_MORNING'),
    ]);
  });
});
