import { dayLabel, hourLabel, londonDays, londonInstant } from './when';

describe('London times for helpers', () => {
  it('turns a London wall time into the instant, winter and summer', () => {
    expect(londonInstant('2026-12-08', '10:00')).toBe('2026-12-08T10:00:00.000Z');
    expect(londonInstant('2026-07-08', '10:00')).toBe('2026-07-08T09:00:00.000Z');
  });

  it('lists days from London’s today, across a month end', () => {
    expect(londonDays(new Date('2026-11-30T23:30:00Z'), 3)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
    ]);
    expect(londonDays(new Date('2026-06-30T23:30:00Z'), 1)).toEqual(['2026-07-01']);
  });

  it('names days and hours plainly', () => {
    expect(dayLabel('2026-12-08', 'en')).toBe('Tuesday 8 December');
    expect(hourLabel('09:00', 'en')).toBe('9am');
    expect(hourLabel('12:00', 'en')).toBe('12 noon');
    expect(hourLabel('15:00', 'en')).toBe('3pm');
    expect(hourLabel('15:00', 'es')).toBe('15:00');
  });
});
