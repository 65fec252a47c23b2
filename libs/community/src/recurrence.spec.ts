import fc from 'fast-check';
import { occurrencesBetween, parseRecurrence, RecurrenceError, RULE_PARTS } from './recurrence';
import { londonWallTime } from '@kith/platform';

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

  it('refuses parts an activity may not have, naming them, and malformed values', () => {
    const first = new Date('2026-01-05T14:00:00Z');
    const refusals: [string, RegExp][] = [
      ['FREQ=DAILY;BYHOUR=10,11', /BYHOUR is not allowed/],
      ['FREQ=DAILY;BYMINUTE=0,5,10', /BYMINUTE is not allowed/],
      ['FREQ=WEEKLY;BYDAY=XX', /BYDAY takes days/],
      ['FREQ=WEEKLY;BYDAY=', /is not NAME=VALUE/],
      ['FREQ=WEEKLY;FREQ=DAILY', /FREQ is given twice/],
      ['FREQ=DAILY;BYSETPOS=5', /BYSETPOS is for MONTHLY or YEARLY/],
      ['FREQ=WEEKLY;COUNT=100000', /COUNT must be/],
      ['FREQ=WEEKLY;INTERVAL=1000', /INTERVAL must be/],
      ['FREQ=MONTHLY;BYMONTHDAY=1;;', /is not NAME=VALUE/],
      ['FREQ=YEARLY;BYEASTER=0', /BYEASTER is not allowed/],
    ];
    for (const [rule, message] of refusals) {
      expect(() => parseRecurrence(rule, first)).toThrow(message);
    }
  });

  it('refuses every string that is not a rule with a RecurrenceError, never another error', () => {
    const first = new Date('2026-01-05T14:00:00Z');
    const part = fc.oneof(fc.constantFrom(...RULE_PARTS, 'BYHOUR'), fc.string({ maxLength: 8 }));
    const value = fc.oneof(
      fc.constantFrom(
        'DAILY',
        'WEEKLY',
        'MONTHLY',
        'YEARLY',
        'MO',
        '1MO',
        '-1FR',
        'XX',
        '0',
        '-1',
        '366',
        '53',
        '20270101T000000Z',
      ),
      fc.integer({ min: -400, max: 400 }).map(String),
      fc.string({ maxLength: 8 }),
    );
    const rule = fc
      .array(fc.tuple(part, value), { minLength: 0, maxLength: 5 })
      .map((parts) => parts.map(([p, v]) => `${p}=${v}`).join(';'));
    fc.assert(
      fc.property(fc.oneof(rule, fc.string({ maxLength: 40 })), (text) => {
        try {
          parseRecurrence(text, first);
        } catch (error) {
          if (!(error instanceof RecurrenceError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
