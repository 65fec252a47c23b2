import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { isJobName, JOB_QUEUE } from './jobs';
import type { QueueName } from './jobs';
import { OutboxRepository } from './outbox.repository';
import type { OutboxRow } from './outbox.repository';
import { QueueRegistry } from './queue-registry';

const BATCH = 200;
const REDIS_WRITE_TIMEOUT_MS = 5000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Moves due outbox rows into BullMQ. Safe to run in many processes at once (SKIP LOCKED), and
 * safe to repeat: job ids are deterministic, so a row relayed twice is still one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;

  constructor(
    private readonly db: Db,
    private readonly outbox: OutboxRepository,
    private readonly queues: QueueRegistry,
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

  /** Relays one batch of due rows; returns how many went to Redis. */
  relayDue(limit = BATCH): Promise<number> {
    return this.db.transaction(async () => {
      const rows = await this.outbox.lockDue(limit);
      if (rows.length === 0) return 0;
      const byQueue = new Map<QueueName, OutboxRow[]>();
      for (const row of rows) {
        if (!isJobName(row.jobName)) {
          throw new Error(`Outbox row ${row.id} names an unknown job "${row.jobName}"`);
        }
        const queue = JOB_QUEUE[row.jobName];
        byQueue.set(queue, [...(byQueue.get(queue) ?? []), row]);
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
      await this.outbox.markDispatched(rows.map((row) => row.id));
      return rows.length;
    });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => (this.running = undefined));
    }, delayMs);
  }

  private async tick(): Promise<void> {
    let next = this.config.queue.outboxPollMs;
    try {
      const relayed = await this.relayDue();
      if (this.failures > 0) this.logger.log('Outbox relay recovered');
      this.failures = 0;
      if (relayed === BATCH) next = 0;
    } catch (error) {
      this.failures += 1;
      // Back off while Postgres or Redis is away, and say so once rather than every tick.
      if (this.failures === 1) this.logger.warn(`Outbox relay failed: ${String(error)}`);
      next = Math.min(this.config.queue.outboxPollMs * 2 ** this.failures, 10_000);
    }
    this.schedule(next);
  }
}
