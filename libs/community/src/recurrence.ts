import { Frequency, RRule } from 'rrule';
import { fromFloating, toFloating } from '@kith/platform';

export const MAX_SESSIONS_PER_EXPANSION = 200;
const ALLOWED_FREQ = new Set([
  Frequency.YEARLY,
  Frequency.MONTHLY,
  Frequency.WEEKLY,
  Frequency.DAILY,
]);
/**
 * The rule parts a recurring activity may use. The time of day comes from the first start, so
 * BYHOUR, BYMINUTE and BYSECOND are refused (they made sessions minutes apart); DTSTART and TZID
 * too (the first start and Europe/London are the activity's).
 */
export const RULE_PARTS = [
  'FREQ',
  'INTERVAL',
  'COUNT',
  'UNTIL',
  'BYDAY',
  'BYMONTHDAY',
  'BYMONTH',
  'BYSETPOS',
  'BYYEARDAY',
  'BYWEEKNO',
  'WKST',
];
const PARTS = new Set(RULE_PARTS);
const WEEKDAY = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const NUMBERS = /^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/;

export class RecurrenceError extends Error {}

/** A rule that passed the grammar: its text and the first start, in London wall time. */
export interface Recurrence {
  text: string;
  rule: RRule;
}

/**
 * Parses an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TU", an optional "RRULE:" prefix allowed) into
 * a rule anchored at the first start, in London wall time. Refuses, with a RecurrenceError that
 * says why, whatever is not a rule or is not one an activity may have. It does not expand the
 * rule: expanding an untrusted rule can take rrule seconds (RecurrenceEngine bounds that).
 */
export function parseRecurrence(rule: string, firstStartsAt: Date): Recurrence {
  const text = rule
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  if (text === '' || /[\n\r]/.test(text) || text.length > 300) {
    throw new RecurrenceError('give only the rule, e.g. FREQ=WEEKLY;BYDAY=TU');
  }
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    const [name, value, ...rest] = part.split('=');
    if (!name || value === undefined || value === '' || rest.length > 0) {
      throw new RecurrenceError(`not a valid RRULE: "${part}" is not NAME=VALUE`);
    }
    if (name === 'DTSTART' || name === 'TZID') {
      throw new RecurrenceError('give only the rule, e.g. FREQ=WEEKLY;BYDAY=TU');
    }
    if (!PARTS.has(name)) {
      throw new RecurrenceError(
        `${name} is not allowed here; use ${[...PARTS].join(', ')} (the time of day comes from the first start)`,
      );
    }
    if (parts.has(name)) throw new RecurrenceError(`${name} is given twice`);
    parts.set(name, value);
  }
  const byDay = parts.get('BYDAY');
  if (byDay !== undefined && !byDay.split(',').every((day) => WEEKDAY.test(day))) {
    throw new RecurrenceError('BYDAY takes days such as MO,TU or 1MO, -1FR');
  }
  for (const name of ['BYMONTHDAY', 'BYMONTH', 'BYSETPOS', 'BYYEARDAY', 'BYWEEKNO']) {
    const value = parts.get(name);
    if (value !== undefined && !NUMBERS.test(value)) {
      throw new RecurrenceError(`${name} takes whole numbers separated by commas`);
    }
  }
  const count = parts.get('COUNT');
  if (
    count !== undefined &&
    !(/^\d{1,4}$/.test(count) && Number(count) >= 1 && Number(count) <= 1000)
  ) {
    throw new RecurrenceError('COUNT must be a whole number from 1 to 1000');
  }
  const interval = parts.get('INTERVAL');
  if (interval !== undefined && !(/^\d{1,2}$/.test(interval) && Number(interval) >= 1)) {
    throw new RecurrenceError('INTERVAL must be a whole number from 1 to 99');
  }
  let parsed: RRule;
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined || !ALLOWED_FREQ.has(options.freq)) {
      throw new RecurrenceError('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
    }
    if (
      parts.has('BYSETPOS') &&
      options.freq !== Frequency.MONTHLY &&
      options.freq !== Frequency.YEARLY
    ) {
      throw new RecurrenceError('BYSETPOS is for MONTHLY or YEARLY rules');
    }
    // rrule reads times in UTC fields: give it London wall time, and read results back as such.
    parsed = new RRule({ ...options, dtstart: toFloating(firstStartsAt) });
  } catch (error) {
    if (error instanceof RecurrenceError) throw error;
    throw new RecurrenceError(
      `not a valid RRULE: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { text, rule: parsed };
}

/**
 * The starts of the occurrences from `from` to `until` (inclusive), as real instants: a weekly
 * 10:00 stays at 10:00 in London across the clock changes. Runs on this thread: only for rules
 * we wrote ourselves (the demo); an untrusted rule goes through RecurrenceEngine.
 */
export function occurrencesBetween(recurrence: Recurrence, from: Date, until: Date): Date[] {
  const starts: Date[] = [];
  recurrence.rule.between(toFloating(from), toFloating(until), true, (date) => {
    starts.push(fromFloating(date));
    return starts.length < MAX_SESSIONS_PER_EXPANSION;
  });
  return starts.filter((start) => start >= from && start <= until);
}

/** The shortest gap between consecutive starts, in minutes (Infinity with fewer than two). */
export function shortestGapMinutes(starts: Date[]): number {
  let shortest = Infinity;
  for (let i = 1; i < starts.length; i += 1) {
    shortest = Math.min(shortest, (starts[i].getTime() - starts[i - 1].getTime()) / 60_000);
  }
  return shortest;
}
