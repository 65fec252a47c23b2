import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { Clock } from '../clock/clock';
import { Db } from '../database/db';
import { MAX_RESCUES } from './job-defaults';
import { JobRepository } from './job.repository';
import type { ClaimedJobRow } from './job.repository';
import { checkJob, JOB_QUEUE, JobName } from './jobs';
import type { QueueName } from './jobs';
import { QueueRegistry } from './queue-registry';

const BATCH = 500;
/**
 * A job name this version does not know may be a newer version's, mid-rollout: its rows are left
 * for a relay that knows it, and failed only when none has taken them for this long.
 */
export const UNKNOWN_JOB_GRACE_MS = 10 * 60_000;
const KNOWN_JOB_NAMES: string[] = Object.values(JobName);
/** Batches one sweep may take, so a large backlog in Redis is renewed without starving the relay. */
const SWEEP_BATCHES = 20;
const REDIS_WRITE_TIMEOUT_MS = 5000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export interface SweepOutcome {
  /** Still in Redis (waiting behind others, delayed for a retry, running): lease renewed. */
  held: number;
  /** Lost by Redis and enqueued again under the same id. */
  rescued: number;
  /** Lost too often, or poison: failed for good. */
  failed: number;
}

interface Runnable {
  row: ClaimedJobRow;
  queue: QueueName;
}

/**
 * Moves due job rows into BullMQ, and rescues enqueued ones Redis lost. Safe in many processes at
 * once: rows are claimed with SKIP LOCKED, and a job keeps its deterministic id however often it
 * is enqueued.
 */
@Injectable()
export class JobRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;
  private lastSweep = 0;

  constructor(
    private readonly db: Db,
    private readonly jobs: JobRepository,
    private readonly queues: QueueRegistry,
    private readonly clock: Clock,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Relays one batch of due rows; returns how many rows it took (poison ones included). */
  async relayDue(limit = BATCH): Promise<number> {
    const rows = await this.jobs.claimDue(
      limit,
      this.config.queue.leaseMs,
      KNOWN_JOB_NAMES,
      this.clock.now(),
    );
    if (rows.length === 0) return 0;
    const runnable = await this.quarantinePoison(rows);
    try {
      await this.enqueue(runnable);
    } catch (error) {
      // Hand them back now rather than at the end of their lease; if Postgres is away too, the
      // sweeper finds them when the lease runs out.
      await this.jobs.release(runnable.map(({ row }) => row.id)).catch(() => undefined);
      throw error;
    }
    return rows.length;
  }

  /**
   * Enqueued jobs whose lease ran out: those Redis still holds keep going with a new lease; those
   * it lost are enqueued again under the same id (or failed, after MAX_RESCUES).
   */
  sweepExpired(limit = BATCH): Promise<SweepOutcome> {
    return this.db.transaction(async () => {
      const rows = await this.jobs.lockExpired(limit);
      const outcome: SweepOutcome = { held: 0, rescued: 0, failed: 0 };
      if (rows.length === 0) return outcome;
      const runnable = await this.quarantinePoison(rows);
      outcome.failed += rows.length - runnable.length;
      const held = await withTimeout(
        this.queues.holds(runnable.map(({ row, queue }) => ({ queue, jobId: row.jobId }))),
        REDIS_WRITE_TIMEOUT_MS,
        'Asking Redis for jobs',
      );
      const stillHeld = runnable.filter((_, index) => held[index] === 'open');
      // A finished job Redis still keeps under the id (an older version kept them for days)
      // would swallow a new enqueue as a duplicate: take it out first.
      const finished = runnable.filter((_, index) => held[index] === 'finished');
      const lost = runnable.filter((_, index) => held[index] !== 'open');
      const givenUp = lost.filter(({ row }) => row.rescues >= MAX_RESCUES);
      const rescued = lost.filter(({ row }) => row.rescues < MAX_RESCUES);
      await this.jobs.renewLeases(
        stillHeld.map(({ row }) => row.id),
        this.config.queue.leaseMs,
        false,
      );
      await this.jobs.quarantine(
        givenUp.map(({ row }) => ({
          id: row.id,
          reason: `lost by Redis or its worker ${row.rescues + 1} times; the worker may be crashing on it`,
        })),
      );
      await withTimeout(
        this.queues.removeFinished(finished.map(({ row, queue }) => ({ queue, jobId: row.jobId }))),
        REDIS_WRITE_TIMEOUT_MS,
        'Removing finished jobs from Redis',
      );
      await this.enqueue(rescued);
      await this.jobs.renewLeases(
        rescued.map(({ row }) => row.id),
        this.config.queue.leaseMs,
        true,
      );
      if (rescued.length > 0) {
        this.logger.warn(`Enqueued ${rescued.length} jobs again that Redis no longer held`);
      }
      outcome.held += stillHeld.length;
      outcome.rescued += rescued.length;
      outcome.failed += givenUp.length;
      return outcome;
    });
  }

  /** Fails pending rows no version has relayed for UNKNOWN_JOB_GRACE_MS; returns how many. */
  async failUnknown(): Promise<number> {
    const failed = await this.jobs.failUnknown(KNOWN_JOB_NAMES, UNKNOWN_JOB_GRACE_MS);
    for (const row of failed) {
      this.logger.warn(`Job ${row.id} failed for good: unknown job name "${row.jobName}"`);
    }
    return failed.length;
  }

  /** Fails rows that cannot run, each with its reason; returns the rest with their queues. */
  private async quarantinePoison(rows: ClaimedJobRow[]): Promise<Runnable[]> {
    const runnable: Runnable[] = [];
    const poison: { id: string; reason: string }[] = [];
    for (const row of rows) {
      const check = checkJob(row.jobName, row.payload);
      if (check.ok) runnable.push({ row, queue: JOB_QUEUE[check.name] });
      else poison.push({ id: row.id, reason: check.reason });
    }
    if (poison.length > 0) {
      await this.jobs.quarantine(poison);
      for (const bad of poison) this.logger.warn(`Job ${bad.id} failed for good: ${bad.reason}`);
    }
    return runnable;
  }

  private async enqueue(jobs: Runnable[]): Promise<void> {
    if (jobs.length === 0) return;
    const byQueue = new Map<QueueName, ClaimedJobRow[]>();
    for (const { row, queue } of jobs) {
      const batch = byQueue.get(queue);
      if (batch) batch.push(row);
      else byQueue.set(queue, [row]);
    }
    await withTimeout(
      Promise.all(
        [...byQueue].map(([queue, batch]) =>
          this.queues.get(queue).addBulk(
            batch.map((row) => ({
              name: row.jobName,
              data: row.payload,
              opts: { jobId: row.jobId },
            })),
          ),
        ),
      ),
      REDIS_WRITE_TIMEOUT_MS,
      'Enqueueing to Redis',
    );
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    const { outboxPollMs, leaseMs } = this.config.queue;
    let next = outboxPollMs;
    try {
      const relayed = await this.relayDue();
      // Leases are checked a few times per lease, so a lost job waits at most about 1.25 leases.
      if (Date.now() - this.lastSweep >= leaseMs / 4) {
        await this.failUnknown();
        for (let batch = 0; batch < SWEEP_BATCHES; batch += 1) {
          const swept = await this.sweepExpired();
          if (swept.held + swept.rescued + swept.failed < BATCH) break;
        }
        this.lastSweep = Date.now();
      }
      if (this.failures > 0) this.logger.log('Job relay recovered');
      this.failures = 0;
      if (relayed === BATCH) next = 0;
    } catch (error) {
      this.failures += 1;
      // Back off while Postgres or Redis is away, and say so once rather than every tick.
      if (this.failures === 1) this.logger.warn(`Job relay failed: ${String(error)}`);
      next = Math.min(outboxPollMs * 2 ** this.failures, 10_000);
    }
    this.schedule(next);
  }
}
