import { Inject, Injectable } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { redisOptions } from '../redis/redis';
import { JOB_DEFAULTS } from './job-defaults';
import { QueueName } from './jobs';

/** One BullMQ queue per QueueName, sharing one connection. */
@Injectable()
export class QueueRegistry implements OnApplicationShutdown {
  private readonly connection: Redis;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(KITH_CONFIG) private readonly config: KithConfig) {
    this.connection = new Redis({ ...redisOptions(config.redis.url), maxRetriesPerRequest: null });
    this.connection.on('error', () => undefined);
  }

  get(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.config.queue.prefix,
        defaultJobOptions: JOB_DEFAULTS,
      });
      queue.on('error', () => undefined);
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Whether Redis still holds each job (waiting, delayed, running): its hash key exists. */
  async holds(jobs: { queue: QueueName; jobId: string }[]): Promise<boolean[]> {
    if (jobs.length === 0) return [];
    const pipeline = this.connection.pipeline();
    for (const job of jobs) pipeline.exists(this.get(job.queue).toKey(job.jobId));
    const replies = (await pipeline.exec()) ?? [];
    return replies.map(([error, count]) => {
      if (error) throw error;
      return count === 1;
    });
  }

  all(): Queue[] {
    return Object.values(QueueName).map((name) => this.get(name));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((queue) => queue.close()));
    this.connection.disconnect();
  }
}
