import fc from 'fast-check';
import {
  londonDate,
  londonMidnight,
  londonOffsetMs,
  londonToUtc,
  londonWallTime,
} from '@kith/platform';

describe('London dates', () => {
  it('reads the date as London does: half past midnight in summer is already tomorrow', () => {
    expect(londonDate(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(londonDate(new Date('2027-01-31T23:30:00Z'))).toBe('2027-01-31');
    expect(londonMidnight('2027-07-01').toISOString()).toBe('2027-06-30T23:00:00.000Z');
    expect(londonMidnight('2027-01-31').toISOString()).toBe('2027-01-31T00:00:00.000Z');
  });

  it('gives back the date it was given, whatever the season', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true }),
        (instant) => {
          const date = londonDate(instant);
          expect(londonDate(londonMidnight(date))).toBe(date);
          expect(londonMidnight(date).getTime()).toBeLessThanOrEqual(instant.getTime());
        },
      ),
    );
  });
});

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

  it('agrees with Intl for any instant, either side of every clock change', () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    const spring = Date.parse('2026-03-29T01:00:00Z');
    const autumn = Date.parse('2026-10-25T01:00:00Z');
    const instants = fc.oneof(
      fc.integer({
        min: Date.parse('1990-01-01T00:00:00Z'),
        max: Date.parse('2060-01-01T00:00:00Z'),
      }),
      fc.integer({ min: spring - 2 * 3600_000, max: spring + 2 * 3600_000 }),
      fc.integer({ min: autumn - 2 * 3600_000, max: autumn + 2 * 3600_000 }),
    );
    fc.assert(
      fc.property(instants, (ms) => {
        const parts = Object.fromEntries(
          intl.formatToParts(new Date(ms)).map((p) => [p.type, p.value]),
        );
        const wall = londonWallTime(new Date(ms));
        expect(wall).toEqual({
          year: Number(parts.year),
          month: Number(parts.month),
          day: Number(parts.day),
          hour: Number(parts.hour),
          minute: Number(parts.minute),
          second: Number(parts.second),
          weekday: days.indexOf(parts.weekday) + 1,
        });
        const asUtc = Date.UTC(
          wall.year,
          wall.month - 1,
          wall.day,
          wall.hour,
          wall.minute,
          wall.second,
        );
        expect(londonOffsetMs(new Date(ms))).toBe(asUtc - Math.floor(ms / 1000) * 1000);
      }),
      { numRuns: 2000 },
    );
  });
});
