import { parseAvailability, parseClock } from './availability';
import { decodeCursor, distanceBand, encodeCursor } from '@kith/platform';
import { GOALS, INTEREST_GROUPS, INTERESTS, Weekday } from './taxonomy';

describe('availability windows', () => {
  it('parses and sorts valid windows', () => {
    const { windows, problems } = parseAvailability([
      { weekday: Weekday.TUE, start: '14:00', end: '16:30' },
      { weekday: Weekday.MON, start: '09:00', end: '12:00' },
      { weekday: Weekday.TUE, start: '09:00', end: '14:00' },
    ]);
    expect(problems).toEqual([]);
    expect(windows).toEqual([
      { weekday: 'MON', startMinute: 540, endMinute: 720 },
      { weekday: 'TUE', startMinute: 540, endMinute: 840 },
      { weekday: 'TUE', startMinute: 840, endMinute: 990 },
    ]);
  });

  it('names the window whose end is not after its start, or that overlaps, or is not a time', () => {
    const { problems } = parseAvailability([
      { weekday: Weekday.WED, start: '10:00', end: '09:00' },
      { weekday: Weekday.THU, start: '09:00', end: '12:00' },
      { weekday: Weekday.THU, start: '11:00', end: '13:00' },
      { weekday: Weekday.FRI, start: '9am', end: '25:00' },
    ]);
    expect(problems).toEqual([
      { path: 'availability.0.end', message: 'must be after the start' },
      { path: 'availability.3.start', message: 'use HH:MM, e.g. 09:30' },
      { path: 'availability.3.end', message: 'use HH:MM, e.g. 12:00' },
      { path: 'availability.2', message: 'overlaps another THU window' },
    ]);
  });

  it('reads 24:00 as the end of the day only', () => {
    expect(parseClock('24:00')).toBe(1440);
    expect(
      parseAvailability([{ weekday: Weekday.SUN, start: '24:00', end: '24:00' }]).problems[0].path,
    ).toBe('availability.0.start');
  });
});

describe('distance bands', () => {
  it.each([
    [0, 'under 500 m'],
    [499, 'under 500 m'],
    [500, 'under 1 km'],
    [1999, '1–2 km'],
    [4999, '2–5 km'],
    [5000, 'over 5 km'],
  ])('%d m is %s', (metres, band) => expect(distanceBand(metres)).toBe(band));
});

describe('cursors', () => {
  it('round-trips and refuses anything tampered with', () => {
    const cursor = encodeCursor('s', { startsAt: '2026-01-01T10:00:00.000Z', id: 'abc' });
    expect(decodeCursor('s', cursor)).toEqual({ startsAt: '2026-01-01T10:00:00.000Z', id: 'abc' });
    const [body, signature] = cursor.split('.');
    const forged = Buffer.from(
      JSON.stringify({ startsAt: '1999-01-01T00:00:00.000Z', id: 'abc' }),
    ).toString('base64url');
    expect(decodeCursor('s', `${forged}.${signature}`)).toBeUndefined();
    expect(decodeCursor('other', cursor)).toBeUndefined();
    expect(decodeCursor('s', `${body}`)).toBeUndefined();
    expect(decodeCursor('s', 'garbage')).toBeUndefined();
  });
});

describe('the shipped taxonomy', () => {
  it('has about 60 interests in about 10 groups with unique slugs', () => {
    expect(INTEREST_GROUPS).toHaveLength(10);
    expect(INTERESTS.length).toBeGreaterThanOrEqual(55);
    expect(new Set(INTERESTS.map((x) => x.slug)).size).toBe(INTERESTS.length);
    expect(INTERESTS.every((x) => /^[a-z]+(-[a-z]+)*$/.test(x.slug))).toBe(true);
    expect(GOALS.map((g) => g.slug)).toEqual(
      expect.arrayContaining([
        'meet-new-people',
        'get-active',
        'learn-something',
        'give-back',
        'get-out-more',
      ]),
    );
  });
});
