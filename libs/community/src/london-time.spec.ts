import { londonToUtc, londonWallTime } from './london-time';

describe('London wall time', () => {
  it('is UTC in winter and one hour ahead in summer', () => {
    expect(londonToUtc(2026, 1, 13, 10, 0).toISOString()).toBe('2026-01-13T10:00:00.000Z');
    expect(londonToUtc(2026, 7, 14, 10, 0).toISOString()).toBe('2026-07-14T09:00:00.000Z');
    expect(londonWallTime(new Date('2026-07-14T09:00:00Z'))).toMatchObject({
      hour: 10,
      weekday: 2,
    });
  });

  it('gives the hour after for a time the spring change skips', () => {
    // 29 March 2026: 01:00 GMT becomes 02:00 BST.
    expect(londonToUtc(2026, 3, 29, 1, 30).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(londonWallTime(new Date('2026-03-29T01:30:00Z'))).toMatchObject({ hour: 2, minute: 30 });
  });

  it('gives the first of a time the autumn change shows twice', () => {
    // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice.
    expect(londonToUtc(2026, 10, 25, 1, 30).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
});
