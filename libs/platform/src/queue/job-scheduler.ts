import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { dueRun, nextSlot, patternProblem, slotKey } from './cron';
import { JobOutbox } from './job-outbox';
import { JobRepository } from './job.repository';
import { checkJob, isJobKey, JOB_QUEUE, JOB_SCHEDULES } from './jobs';
import type { JobSchedule } from './jobs';
import { Periodic } from './periodic';
import { QueueRegistry } from './queue-registry';

export class ScheduleError extends Error {}

/**
 * Repeating work, with Postgres as its record: each schedule's next run is a row, and each due
 * run becomes one job whose id holds the schedule's key and the slot. So a run is never doubled
 * across workers (the row is locked, the id unique) and never lost with Redis; a run missed while
 * everything was down happens once when it comes back.
 */
@Injectable()
export class JobScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobScheduler.name);
  private readonly loop: Periodic;
  /** The schedules this version runs; others in the table are a newer version's. */
  private keys = JOB_SCHEDULES.map((schedule) => schedule.key);

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRepository,
    private readonly outbox: JobOutbox,
    private readonly queues: QueueRegistry,
    @Inject(KITH_CONFIG) config: KithConfig,
  ) {
    this.loop = new Periodic(
      Math.max(config.queue.outboxPollMs, 1000),
      async () => void (await this.enqueueDue()),
      (error, failures) => {
        // Once per outage, not every second of it.
        if (failures === 1) this.logger.warn(`Could not enqueue scheduled runs: ${String(error)}`);
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.sync(JOB_SCHEDULES);
    this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * Brings `job_schedule` up to the code; a new or changed schedule is due at its next slot. Only
   * these schedules fire from this process.
   */
  async sync(schedules: JobSchedule[]): Promise<void> {
    const problems = schedules.flatMap((schedule) => {
      const pattern = patternProblem(schedule.pattern);
      const payload = checkJob(schedule.name, schedule.payload);
      return [
        ...(pattern ? [`schedule "${schedule.key}": pattern ${pattern}`] : []),
        ...(payload.ok ? [] : [`schedule "${schedule.key}": ${payload.reason}`]),
        ...(isJobKey(schedule.key)
          ? []
          : [`schedule "${schedule.key}": a key may hold only letters, digits, - and _`]),
      ];
    });
    if (problems.length > 0) throw new ScheduleError(problems.join('; '));
    this.keys = schedules.map((schedule) => schedule.key);
    const now = new Date();
    await this.db.transaction(() =>
      this.jobs.syncSchedules(
        schedules.map((schedule) => ({
          key: schedule.key,
          jobName: schedule.name,
          payload: schedule.payload,
          pattern: schedule.pattern,
          nextRunAt: nextSlot(schedule.pattern, now),
        })),
      ),
    );
    // Earlier versions kept schedules as BullMQ job schedulers; they would fire beside these.
    for (const schedule of schedules) {
      await this.queues.get(JOB_QUEUE[schedule.name]).removeJobScheduler(schedule.key);
    }
  }

  /** Turns every due schedule into its one job; returns how many runs were enqueued. */
  enqueueDue(): Promise<number> {
    return this.db.transaction(async () => {
      const due = await this.jobs.lockDueSchedules(this.keys);
      let enqueued = 0;
      for (const schedule of due) {
        const check = checkJob(schedule.jobName, schedule.payload);
        const run = dueRun(schedule.pattern, schedule.nextRunAt, schedule.now);
        if (!check.ok) {
          this.logger.warn(`Schedule "${schedule.key}" skipped its run: ${check.reason}`);
        } else {
          enqueued += await this.outbox.scheduleMany([
            {
              name: check.name,
              payload: check.payload,
              key: `${schedule.key}-${slotKey(run.slot)}`,
            },
          ]);
        }
        await this.jobs.advanceSchedule(schedule.key, run.slot, run.next);
      }
      return enqueued;
    });
  }
}
