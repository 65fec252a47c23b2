// A date, optionally a time with an offset or Z: what clients send, and nothing Date would guess.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

export const ISO_DATE_TIME_RULE = 'must be an ISO 8601 date-time such as 2026-12-01T10:00:00Z';

/**
 * The instant an ISO 8601 date-time names, or undefined for anything else: a day the calendar
 * does not have (2026-02-30 would roll into March), a free-form date Date would guess at.
 */
export function parseIsoDateTime(value: unknown): Date | undefined {
  if (typeof value !== 'string' || !ISO.test(value)) return undefined;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}
