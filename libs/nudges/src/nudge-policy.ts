import type { NudgeKind } from './nudge-kinds';
import { londonToUtc, londonWallTime, Problems } from '@kith/platform';
import { NUDGE_CLASS, NudgeChannel, ReminderSlot } from './nudge-kinds';

/**
 * The nudge policy: when, whether and where a nudge goes, as plain functions of plain data.
 * Times people set are Europe/London wall times (minutes from midnight); instants are UTC.
 */

export interface NudgePreferences {
  channels: readonly NudgeChannel[];
  /** Quiet hours, London wall time, minutes from midnight; the window may run past midnight. */
  quietStart: number;
  quietEnd: number;
  /** The most prompts a week (booking and service nudges are not counted). */
  weeklyLimit: number;
  pausedUntil: Date | null;
  language: string;
  /** A daily digest of prompts at this London wall time, or none. */
  digestAt: number | null;
}

export const LANGUAGES = ['en', 'es'] as const;

export const DEFAULT_PREFERENCES: NudgePreferences = {
  channels: [NudgeChannel.INBOX, NudgeChannel.EMAIL, NudgeChannel.PUSH],
  quietStart: 21 * 60,
  quietEnd: 9 * 60,
  weeklyLimit: 3,
  pausedUntil: null,
  language: 'en',
  digestAt: null,
};

export const MAX_WEEKLY_LIMIT = 50;
const DAY_MS = 24 * 3600 * 1000;
const MINUTE_MS = 60 * 1000;
/** A prompt decided this soon after the digest time goes with that day's digest. */
export const DIGEST_WINDOW_MINUTES = 30;
/** A day-before reminder kept out of the night goes this long before quiet hours begin. */
export const EVENING_BEFORE_MARGIN_MINUTES = 30;

/** What a member may send to change their preferences: only what is given changes. */
export interface NudgePreferencesInput {
  channels?: readonly string[] | null;
  quietHoursStart?: string | null;
  quietHoursEnd?: string | null;
  weeklyLimit?: number | null;
  pausedUntil?: Date | null;
  language?: string | null;
  /** Null stops the digest; absent leaves it as it is. */
  digestAt?: string | null;
}

const CHANNEL_BY_NAME = new Map<string, NudgeChannel>(
  Object.values(NudgeChannel).map((c) => [c as string, c]),
);

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function parseWallTime(text: string): number | undefined {
  const match = HH_MM.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

export function formatWallTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Whether a London wall-time minute falls in the quiet window (start inclusive, end exclusive). */
export function isQuietMinute(minute: number, start: number, end: number): boolean {
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

function wallMinute(instant: Date): number {
  const w = londonWallTime(instant);
  return w.hour * 60 + w.minute;
}

export function isQuiet(instant: Date, prefs: Pick<NudgePreferences, 'quietStart' | 'quietEnd'>) {
  return isQuietMinute(wallMinute(instant), prefs.quietStart, prefs.quietEnd);
}

/** The instant London clocks show `minute` on the London day `offset` days from `instant`'s. */
function onLondonDay(instant: Date, offset: number, minute: number): Date {
  const w = londonWallTime(instant);
  const day = new Date(Date.UTC(w.year, w.month - 1, w.day + offset));
  return londonToUtc(
    day.getUTCFullYear(),
    day.getUTCMonth() + 1,
    day.getUTCDate(),
    Math.floor(minute / 60),
    minute % 60,
  );
}

/** The first instant at or after `instant` at which London clocks show `minute`. */
export function nextWallTime(instant: Date, minute: number): Date {
  for (let offset = 0; offset <= 2; offset += 1) {
    const at = onLondonDay(instant, offset, minute);
    if (at.getTime() >= instant.getTime()) return at;
  }
  return onLondonDay(instant, 2, minute);
}

/** The last instant at or before `instant` at which London clocks showed `minute`. */
export function previousWallTime(instant: Date, minute: number): Date {
  for (let offset = 0; offset >= -2; offset -= 1) {
    const at = onLondonDay(instant, offset, minute);
    if (at.getTime() <= instant.getTime()) return at;
  }
  return onLondonDay(instant, -2, minute);
}

/**
 * Checks a change to the preferences and gives back the preferences it makes, or throws
 * BAD_USER_INPUT naming every bad field (nothing is stored by the caller then).
 */
export function applyPreferences(
  current: NudgePreferences,
  input: NudgePreferencesInput,
  now: Date,
): NudgePreferences {
  const problems = new Problems();
  const next: NudgePreferences = { ...current };
  if (input.channels !== undefined && input.channels !== null) {
    const chosen = new Set<NudgeChannel>();
    input.channels.forEach((text, i) => {
      const channel = CHANNEL_BY_NAME.get(text);
      if (problems.check(channel !== undefined, `channels.${i}`, `unknown channel ${text}`))
        chosen.add(channel as NudgeChannel);
    });
    // The inbox is always there: it is where the app shows every nudge.
    chosen.delete(NudgeChannel.INBOX);
    next.channels = [NudgeChannel.INBOX, ...chosen];
  }
  for (const [field, key] of [
    ['quietHoursStart', 'quietStart'],
    ['quietHoursEnd', 'quietEnd'],
  ] as const) {
    const text = input[field];
    if (text === undefined || text === null) continue;
    const minute = parseWallTime(text);
    if (problems.check(minute !== undefined, field, 'give a time as HH:MM, e.g. 21:00'))
      next[key] = minute as number;
  }
  if (next.quietStart === next.quietEnd)
    problems.add('quietHoursEnd', 'quiet hours must not start and end at the same time');
  if (input.weeklyLimit !== undefined && input.weeklyLimit !== null) {
    const limit = input.weeklyLimit;
    if (
      problems.check(
        Number.isInteger(limit) && limit >= 0 && limit <= MAX_WEEKLY_LIMIT,
        'weeklyLimit',
        `give a whole number from 0 to ${MAX_WEEKLY_LIMIT}`,
      )
    )
      next.weeklyLimit = limit;
  }
  if (input.pausedUntil !== undefined) {
    const until = input.pausedUntil;
    if (until === null) next.pausedUntil = null;
    else if (
      problems.check(
        until.getTime() > now.getTime() && until.getTime() <= now.getTime() + 366 * DAY_MS,
        'pausedUntil',
        'give a time in the coming year, or null to stop the pause',
      )
    )
      next.pausedUntil = until;
  }
  if (input.language !== undefined && input.language !== null) {
    if (
      problems.check(
        (LANGUAGES as readonly string[]).includes(input.language),
        'language',
        `choose one of ${LANGUAGES.join(', ')}`,
      )
    )
      next.language = input.language;
  }
  if (input.digestAt !== undefined) {
    if (input.digestAt === null) next.digestAt = null;
    else {
      const minute = parseWallTime(input.digestAt);
      if (problems.check(minute !== undefined, 'digestAt', 'give a time as HH:MM, e.g. 10:00'))
        next.digestAt = minute as number;
    }
  }
  if (
    next.digestAt !== null &&
    next.quietStart !== next.quietEnd &&
    isQuietMinute(next.digestAt, next.quietStart, next.quietEnd)
  )
    problems.add('digestAt', 'choose a digest time outside your quiet hours');
  problems.throwIfAny('Your nudge preferences were not changed');
  return next;
}

/** Why a nudge was not sent: recorded on the nudge, so nobody has to guess. */
export enum SkipReason {
  /** What it was about has passed (the session began, the offer was answered). */
  REASON_PASSED = 'REASON_PASSED',
  /** The member has had their week's prompts. */
  WEEKLY_LIMIT = 'WEEKLY_LIMIT',
  /** The member paused prompts. */
  PAUSED = 'PAUSED',
  /** A two-hour reminder whose only time outside quiet hours is after the session starts. */
  NO_TIME_OUTSIDE_QUIET_HOURS = 'NO_TIME_OUTSIDE_QUIET_HOURS',
}

export interface NudgeToDecide {
  kind: NudgeKind;
  /** When it would go, left to itself. */
  dueAt: Date;
  /** For a session reminder, which one. */
  slot?: ReminderSlot | null;
  /** When it stops being worth sending (the session's start for a reminder), if ever. */
  expiresAt?: Date | null;
}

export interface MemberState {
  prefs: NudgePreferences;
  /** Prompts sent (or due) to the member in the seven days before the nudge would go. */
  promptsThisWeek: number;
}

export type NudgeDecision =
  | {
      send: true;
      at: Date;
      channels: NudgeChannel[];
      /** Gathered into the daily digest rather than sent on its own. */
      digest: boolean;
      /** Moved from its due time, and why. */
      moved: 'QUIET_HOURS' | 'DIGEST' | null;
    }
  | { send: false; reason: SkipReason };

/**
 * Decides whether, when and where a nudge goes, at `now`. Booking and service nudges ignore the
 * weekly limit; everything keeps quiet hours: a day-before reminder falling at night goes the
 * evening before instead, a two-hour reminder goes when quiet hours end if that is still before
 * the session starts and is dropped otherwise, anything else waits for the morning. A pause
 * drops prompts and keeps the rest to the in-app inbox.
 */
export function decideNudge(nudge: NudgeToDecide, member: MemberState, now: Date): NudgeDecision {
  const { prefs } = member;
  const kindClass = NUDGE_CLASS[nudge.kind];
  const expiresAt = nudge.expiresAt ?? null;
  let at = new Date(Math.max(nudge.dueAt.getTime(), now.getTime()));
  if (expiresAt && at.getTime() >= expiresAt.getTime())
    return { send: false, reason: SkipReason.REASON_PASSED };
  const paused = prefs.pausedUntil !== null && prefs.pausedUntil.getTime() > at.getTime();
  if (kindClass === 'prompt') {
    if (paused) return { send: false, reason: SkipReason.PAUSED };
    if (member.promptsThisWeek >= prefs.weeklyLimit)
      return { send: false, reason: SkipReason.WEEKLY_LIMIT };
  }
  let moved: 'QUIET_HOURS' | 'DIGEST' | null = null;
  if (isQuiet(at, prefs)) {
    moved = 'QUIET_HOURS';
    const morning = nextWallTime(at, prefs.quietEnd);
    if (nudge.slot === ReminderSlot.DAY_BEFORE) {
      // The evening before the night it fell in, if that is still ahead; else the morning.
      const nightBegan = previousWallTime(at, prefs.quietStart);
      const evening = new Date(nightBegan.getTime() - EVENING_BEFORE_MARGIN_MINUTES * MINUTE_MS);
      at = evening.getTime() >= now.getTime() && !isQuiet(evening, prefs) ? evening : morning;
    } else at = morning;
    if (expiresAt && at.getTime() >= expiresAt.getTime()) {
      // News of a place (called off, or given) that the morning would be too late for goes now,
      // but quietly: the inbox, and email if chosen; nothing that buzzes at night.
      if (kindClass === 'booking' && !nudge.slot) {
        const quiet = prefs.channels.filter((c) => c === NudgeChannel.EMAIL);
        return {
          send: true,
          at: new Date(Math.max(nudge.dueAt.getTime(), now.getTime())),
          channels: [NudgeChannel.INBOX, ...quiet],
          digest: false,
          moved: null,
        };
      }
      return {
        send: false,
        reason:
          nudge.slot === ReminderSlot.TWO_HOURS
            ? SkipReason.NO_TIME_OUTSIDE_QUIET_HOURS
            : SkipReason.REASON_PASSED,
      };
    }
  }
  const digest = kindClass === 'prompt' && prefs.digestAt !== null;
  if (digest && prefs.digestAt !== null) {
    // Decided again a little after the digest time (the job that waited for it ran then): it
    // goes now, with that day's digest, not with tomorrow's.
    const digestTime = new Date(
      Math.max(
        nextWallTime(
          new Date(at.getTime() - DIGEST_WINDOW_MINUTES * MINUTE_MS),
          prefs.digestAt,
        ).getTime(),
        at.getTime(),
      ),
    );
    if (expiresAt && digestTime.getTime() >= expiresAt.getTime())
      return { send: false, reason: SkipReason.REASON_PASSED };
    at = digestTime;
    moved = 'DIGEST';
  }
  const channels =
    paused || digest
      ? [NudgeChannel.INBOX]
      : [NudgeChannel.INBOX, ...prefs.channels.filter((c) => c !== NudgeChannel.INBOX)];
  return { send: true, at, channels, digest, moved };
}
