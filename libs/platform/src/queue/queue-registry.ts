import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { redisOptions } from '../redis/redis';
import { JOB_DEFAULTS } from './job-defaults';
import { QueueName } from './jobs';

export type RedisJobState = 'open' | 'finished' | 'missing';

/** One BullMQ queue per QueueName, sharing one connection. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(KITH_CONFIG) private readonly config: KithConfig) {
    // Fail fast while Redis is away: the relay backs off and Postgres keeps the work, rather than
    // commands piling up in memory to replay on reconnect.
    this.connection = new Redis({
      ...redisOptions(config.redis.url),
      maxRetriesPerRequest: null,
      enableOfflineQueue: false,
    });
    this.connection.on('error', () => undefined);
  }

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.config.queue.prefix,
        defaultJobOptions: JOB_DEFAULTS,
        // The event stream (what QueueEvents reads) kept short: Redis holds recent events
        // only, however many jobs have run; Postgres keeps the record of every one.
        streams: { events: { maxLen: this.config.queue.eventsKept } },
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /**
   * What Redis holds of each job: 'open' (waiting, delayed for a retry or running), 'finished'
   * (completed or failed, kept: by an older version's retention, say) or 'missing'.
   */
  async holds(jobs: { queue: QueueName; jobId: string }[]): Promise<RedisJobState[]> {
    if (jobs.length === 0) return [];
    const pipeline = this.connection.pipeline();
    for (const job of jobs)
      pipeline.hmget(this.get(job.queue).toKey(job.jobId), 'name', 'finishedOn');
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, fields]) => {
      if (error) throw error;
      const [name, finishedOn] = fields as (string | null)[];
      if (name === null) return 'missing';
      return finishedOn === null ? 'open' : 'finished';
    });
  }

  /** Takes a finished job out of Redis, so that its id can be enqueued again. */
  async removeFinished(jobs: { queue: QueueName; jobId: string }[]): Promise<void> {
    for (const job of jobs) await this.get(job.queue).remove(job.jobId);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
