import { dayRange } from './day-range';

describe('dayRange', () => {
  // Friday 4 December 2026, 11pm in London (GMT, the same as UTC in winter).
  const fridayNight = new Date('2026-12-04T23:00:00.000Z');

  it('gives today and tomorrow as London days', () => {
    expect(dayRange('today', fridayNight)).toEqual({
      from: '2026-12-04T00:00:00.000Z',
      to: '2026-12-05T00:00:00.000Z',
    });
    expect(dayRange('tomorrow', fridayNight)).toEqual({
      from: '2026-12-05T00:00:00.000Z',
      to: '2026-12-06T00:00:00.000Z',
    });
  });

  it('runs a week from Monday to Sunday', () => {
    expect(dayRange('thisWeek', fridayNight)).toEqual({
      from: '2026-12-04T00:00:00.000Z',
      to: '2026-12-07T00:00:00.000Z',
    });
    expect(dayRange('nextWeek', fridayNight)).toEqual({
      from: '2026-12-07T00:00:00.000Z',
      to: '2026-12-14T00:00:00.000Z',
    });
  });

  it('counts the day by the London clock in summer time', () => {
    // 11:30pm UTC on Sunday 5 July is already Monday 6 July in London (BST).
    const lateSunday = new Date('2026-07-05T23:30:00.000Z');
    expect(dayRange('today', lateSunday)).toEqual({
      from: '2026-07-05T23:00:00.000Z',
      to: '2026-07-06T23:00:00.000Z',
    });
    expect(dayRange('thisWeek', lateSunday).to).toBe('2026-07-12T23:00:00.000Z');
  });

  it('keeps a day whole across the clocks changing', () => {
    // Sunday 29 March 2026: London goes from GMT to BST at 1am.
    const changeDay = new Date('2026-03-29T12:00:00.000Z');
    expect(dayRange('today', changeDay)).toEqual({
      from: '2026-03-29T00:00:00.000Z',
      to: '2026-03-29T23:00:00.000Z',
    });
    expect(dayRange('tomorrow', new Date('2026-10-24T12:00:00.000Z'))).toEqual({
      from: '2026-10-24T23:00:00.000Z',
      to: '2026-10-26T00:00:00.000Z',
    });
  });
});
