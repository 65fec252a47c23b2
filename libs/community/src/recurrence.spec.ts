import { occurrencesBetween, parseRecurrence, RecurrenceError, yieldsAny } from './recurrence';
import { londonWallTime } from './london-time';

describe('recurrence', () => {
  it('keeps a weekly 10:00 at 10:00 London time across the March change', () => {
    const first = new Date('2026-03-17T10:00:00Z'); // Tuesday 10:00 GMT
    const rule = parseRecurrence('FREQ=WEEKLY;BYDAY=TU', first);
    const starts = occurrencesBetween(rule, first, new Date('2026-04-08T00:00:00Z'));
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-03-17T10:00:00.000Z',
      '2026-03-24T10:00:00.000Z',
      '2026-03-31T09:00:00.000Z', // after 29 March: BST
      '2026-04-07T09:00:00.000Z',
    ]);
    expect(
      starts.every((d) => londonWallTime(d).hour === 10 && londonWallTime(d).weekday === 2),
    ).toBe(true);
  });

  it('keeps a weekly 10:00 at 10:00 London time across the October change', () => {
    const first = new Date('2026-10-13T09:00:00Z'); // Tuesday 10:00 BST
    const starts = occurrencesBetween(
      parseRecurrence('RRULE:FREQ=WEEKLY', first),
      first,
      new Date('2026-11-04T00:00:00Z'),
    );
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-10-13T09:00:00.000Z',
      '2026-10-20T09:00:00.000Z',
      '2026-10-27T10:00:00.000Z', // after 25 October: GMT
      '2026-11-03T10:00:00.000Z',
    ]);
  });

  it('honours COUNT, UNTIL and INTERVAL', () => {
    const first = new Date('2026-01-05T14:00:00Z');
    const until = new Date('2026-06-01T00:00:00Z');
    expect(
      occurrencesBetween(parseRecurrence('FREQ=WEEKLY;COUNT=3', first), first, until),
    ).toHaveLength(3);
    expect(
      occurrencesBetween(
        parseRecurrence('FREQ=WEEKLY;INTERVAL=2;UNTIL=20260203T000000Z', first),
        first,
        until,
      ),
    ).toHaveLength(3);
  });

  it('starts from a later window without repeating earlier sessions', () => {
    const first = new Date('2026-01-05T14:00:00Z');
    const rule = parseRecurrence('FREQ=DAILY', first);
    const later = occurrencesBetween(
      rule,
      new Date('2026-01-10T00:00:00Z'),
      new Date('2026-01-12T23:59:59Z'),
    );
    expect(later.map((d) => d.toISOString())).toEqual([
      '2026-01-10T14:00:00.000Z',
      '2026-01-11T14:00:00.000Z',
      '2026-01-12T14:00:00.000Z',
    ]);
  });

  it('refuses rules that are not rules, are too frequent or name their own start or zone', () => {
    const first = new Date('2026-01-05T14:00:00Z');
    for (const bad of [
      '',
      'FREQ=BOGUS',
      'NONSENSE=1',
      'FREQ=HOURLY',
      'FREQ=MINUTELY',
      'DTSTART:20260101T000000Z\nRRULE:FREQ=DAILY',
      'FREQ=WEEKLY;TZID=Europe/Paris',
      'FREQ=WEEKLY;INTERVAL=0',
    ]) {
      expect(() => parseRecurrence(bad, first)).toThrow(RecurrenceError);
    }
  });

  it('tells a rule that yields nothing', () => {
    const first = new Date('2026-03-02T10:00:00Z');
    expect(yieldsAny(parseRecurrence('FREQ=WEEKLY', first))).toBe(true);
    expect(yieldsAny(parseRecurrence('FREQ=WEEKLY;UNTIL=20250101T000000Z', first))).toBe(false);
    expect(yieldsAny(parseRecurrence('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', first))).toBe(false);
  });
});
