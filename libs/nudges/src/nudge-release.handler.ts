import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock, done, JobHandler, JobName, JobOutbox, KITH_CONFIG, skipped } from '@kith/platform';
import type { JobResult, KithConfig } from '@kith/platform';
import { NudgeChannel, ReminderSlot } from './nudge-kinds';
import { DEFAULT_PREFERENCES, decideNudge } from './nudge-policy';
import type { NudgePreferences } from './nudge-policy';
import { NudgeDeliveryRepository } from './nudge-delivery.repository';
import { deliveryJobs } from './nudge-dispatcher';
import { NudgeRepository } from './nudge.repository';
import type { DueNudgeRow } from './nudge.repository';

/** Planned nudges settled per run: one transaction, a handful of statements. */
export const RELEASE_BATCH = 1000;

function preferencesOf(row: DueNudgeRow): NudgePreferences {
  if (row.quietStart === null) return DEFAULT_PREFERENCES;
  return {
    channels: (row.channels ?? DEFAULT_PREFERENCES.channels) as NudgeChannel[],
    quietStart: row.quietStart,
    quietEnd: row.quietEnd ?? DEFAULT_PREFERENCES.quietEnd,
    weeklyLimit: row.weeklyLimit ?? DEFAULT_PREFERENCES.weeklyLimit,
    pausedUntil: row.pausedUntil,
    language: row.language ?? 'en',
    digestAt: row.digestAt,
  };
}

/** Which reminder a planned reminder is, from its key (`…:<slot>-<taken at>`). */
export function reminderSlotOf(key: string): ReminderSlot | null {
  const part = key.split(':').at(-1) ?? '';
  if (part.startsWith(`${ReminderSlot.DAY_BEFORE}-`)) return ReminderSlot.DAY_BEFORE;
  if (part.startsWith(`${ReminderSlot.TWO_HOURS}-`)) return ReminderSlot.TWO_HOURS;
  return null;
}

/**
 * Planned nudges whose time has come, in batches: each decided again with what holds now (the
 * place still held, the session still on, the member's preferences as they are now: quiet hours
 * may move it, a pause or the end of the reason drop it), then sent (the inbox at once, a
 * deliver job for each other channel), moved, or recorded as skipped with why. One transaction a
 * batch: rows taken with SKIP LOCKED, so several workers share the work and none sends twice.
 */
@Injectable()
export class NudgeReleaseHandler {
  constructor(
    private readonly nudges: NudgeRepository,
    private readonly deliveries: NudgeDeliveryRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.ReleaseDueNudges, { atomic: true })
  async release(): Promise<JobResult> {
    const now = this.clock.now();
    const rows = await this.nudges.claimDue(now, RELEASE_BATCH);
    if (rows.length === 0) return skipped('nothing planned is due');
    const sent: { nudgeId: string; channels: NudgeChannel[] }[] = [];
    const skippedRows: { id: string; reason: string; cancelled: boolean }[] = [];
    const moved: { id: string; at: Date }[] = [];
    for (const row of rows) {
      const stale = this.stale(row);
      if (stale) {
        skippedRows.push({ id: row.id, reason: stale, cancelled: true });
        continue;
      }
      const decision = decideNudge(
        {
          kind: row.kind,
          slot: reminderSlotOf(row.key),
          dueAt: row.dueAt,
          expiresAt: row.expiresAt,
        },
        { prefs: preferencesOf(row), promptsThisWeek: 0 },
        now,
      );
      if (!decision.send)
        skippedRows.push({ id: row.id, reason: decision.reason, cancelled: false });
      else if (decision.at.getTime() > now.getTime()) moved.push({ id: row.id, at: decision.at });
      else sent.push({ nudgeId: row.id, channels: decision.channels });
    }
    await this.nudges.settleDue(
      now,
      sent.map((s) => s.nudgeId),
      skippedRows,
      moved,
    );
    await this.deliveries.queueMany(sent, now);
    await this.outbox.scheduleMany(
      sent.flatMap(({ nudgeId, channels }) => deliveryJobs(nudgeId, channels)),
    );
    // A full batch: more may be due; the next run comes at once, not at the next poll.
    if (rows.length === RELEASE_BATCH)
      await this.outbox.schedule(
        JobName.ReleaseDueNudges,
        {},
        { key: `more-${now.getTime()}-${rows[rows.length - 1].id}` },
      );
    return sent.length > 0 ? done : skipped(`${rows.length} due, none to send now`);
  }

  /** Why a planned reminder no longer stands, if so (the place given up, the session off). */
  private stale(row: DueNudgeRow): string | undefined {
    if (row.bookingStatus === null) return undefined;
    if (row.bookingStatus !== 'BOOKED') return `the booking is ${row.bookingStatus}`;
    if (row.sessionCancelled) return 'the session was cancelled';
    // Left and taken again since: the new taking has reminders of its own.
    if (row.bookingTakenAt !== null && !row.key.endsWith(`-${row.bookingTakenAt}`))
      return 'the booking changed since the reminder was planned';
    return undefined;
  }
}

/**
 * In the worker: looks every poll interval whether a planned nudge is due (an index lookup),
 * and if so asks for a release run, one job per second at most, whichever worker asks first.
 */
@Injectable()
export class NudgeReleaseTrigger implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(NudgeReleaseTrigger.name);
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly nudges: NudgeRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), this.config.queue.outboxPollMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async tick(): Promise<boolean> {
    if (this.running) return false;
    this.running = true;
    try {
      const now = this.clock.now();
      if (!(await this.nudges.anyDue(now))) return false;
      return await this.outbox.schedule(
        JobName.ReleaseDueNudges,
        {},
        { key: `at-${Math.floor(now.getTime() / 1000)}` },
      );
    } catch (error) {
      this.logger.warn(`Could not look for due nudges: ${(error as Error).message}`);
      return false;
    } finally {
      this.running = false;
    }
  }
}
