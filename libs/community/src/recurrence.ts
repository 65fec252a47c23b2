import { Frequency, RRule } from 'rrule';
import { fromFloating, toFloating } from './london-time';

export const MAX_SESSIONS_PER_EXPANSION = 200;
const ALLOWED = new Set([Frequency.YEARLY, Frequency.MONTHLY, Frequency.WEEKLY, Frequency.DAILY]);

export class RecurrenceError extends Error {}

/**
 * Parses an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TU", an optional "RRULE:" prefix allowed) into
 * a rule anchored at the first start, in London wall time. Sub-daily rules, DTSTART and TZID are
 * refused: the first start and Europe/London are given by the activity.
 */
export function parseRecurrence(rule: string, firstStartsAt: Date): RRule {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (text === '' || /DTSTART|TZID|\n/i.test(text)) {
    throw new RecurrenceError('give only the rule, e.g. FREQ=WEEKLY;BYDAY=TU');
  }
  let options;
  try {
    options = RRule.parseString(text);
  } catch (error) {
    throw new RecurrenceError(
      `not a valid RRULE: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (options.freq === undefined || !ALLOWED.has(options.freq)) {
    throw new RecurrenceError('FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY');
  }
  if (
    options.interval !== undefined &&
    (!Number.isInteger(options.interval) || options.interval < 1)
  ) {
    throw new RecurrenceError('INTERVAL must be a whole number of at least 1');
  }
  // rrule reads times in UTC fields: give it London wall time, and read results back as such.
  return new RRule({ ...options, dtstart: toFloating(firstStartsAt) });
}

/**
 * The starts of the occurrences from `from` to `until` (inclusive), as real instants: a weekly
 * 10:00 stays at 10:00 in London across the clock changes.
 */
export function occurrencesBetween(rule: RRule, from: Date, until: Date): Date[] {
  const starts: Date[] = [];
  rule.between(toFloating(from), toFloating(until), true, (date) => {
    starts.push(fromFloating(date));
    return starts.length < MAX_SESSIONS_PER_EXPANSION;
  });
  return starts.filter((start) => start >= from && start <= until);
}

/** Whether the rule yields any occurrence at all from the first start onwards. */
export function yieldsAny(rule: RRule): boolean {
  return rule.after(rule.options.dtstart, true) !== null;
}
