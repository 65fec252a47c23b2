import { parseExpression } from 'cron-parser';

export const SCHEDULE_TIME_ZONE = 'Europe/London';

/** The first slot of a Europe/London cron pattern strictly after `after`. */
export function nextSlot(pattern: string, after: Date): Date {
  return parseExpression(pattern, { currentDate: after, tz: SCHEDULE_TIME_ZONE }).next().toDate();
}

/** Problems with a pattern, or null when cron-parser takes it. */
export function patternProblem(pattern: string): string | null {
  try {
    parseExpression(pattern, { tz: SCHEDULE_TIME_ZONE });
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** A slot as a job key part: `20261202T031500Z`, letters and digits only. */
export function slotKey(slot: Date): string {
  return slot
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

export interface DueRun {
  /** The slot this run stands for: the schedule's next run as stored. */
  slot: Date;
  /** When the schedule is due next: the first slot after now, however many were missed. */
  next: Date;
}

/**
 * One run for a due schedule: a schedule missed for days (everything was down) runs once when it
 * comes back, not once per missed slot.
 */
export function dueRun(pattern: string, storedNext: Date, now: Date): DueRun {
  return { slot: storedNext, next: nextSlot(pattern, now) };
}
