import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import type { Job as BullJob } from 'bullmq';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { redisOptions } from '../redis/redis';
import { JobHandlerRegistry } from './job-handler-registry';
import type { BoundHandler } from './job-handler-registry';
import { isJobName, JOB_QUEUE, JOB_SCHEDULES, QueueName } from './jobs';
import { QueueRegistry } from './queue-registry';
import type { JobName } from './jobs';
import type { JobResult } from './jobs';

/**
 * Refuses to start unless each job name has exactly one handler, then runs a BullMQ worker per
 * queue that dispatches by job name.
 */
@Injectable()
export class WorkerHost implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private handlers = new Map<JobName, BoundHandler>();
  private workers: Worker[] = [];

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly queues: QueueRegistry,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  onModuleInit(): void {
    this.handlers = this.registry.discover();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.registerSchedules();
    const connection = { ...redisOptions(this.config.redis.url), maxRetriesPerRequest: null };
    this.workers = Object.values(QueueName).map((queue) => {
      const worker = new Worker(queue, (job) => this.dispatch(job), {
        connection,
        prefix: this.config.queue.prefix,
        concurrency: this.config.queue.concurrency,
      });
      worker.on('completed', (job, result: JobResult) =>
        this.logger.log({ job: job.name, jobId: job.id, result }, 'job finished'),
      );
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error.message },
          'job failed',
        ),
      );
      worker.on('error', (error) =>
        this.logger.warn(`Worker connection problem: ${error.message}`),
      );
      return worker;
    });
    // Started means connected: closing a worker still connecting makes BullMQ emit an error late.
    await Promise.all(this.workers.map((worker) => worker.waitUntilReady()));
    this.logger.log(`Processing ${this.handlers.size} job kinds on ${this.workers.length} queues`);
  }

  /** Upserts every job scheduler under its stable key: restarts never add a second one. */
  private async registerSchedules(): Promise<void> {
    for (const schedule of JOB_SCHEDULES) {
      await this.queues
        .get(JOB_QUEUE[schedule.name])
        .upsertJobScheduler(
          schedule.key,
          { pattern: schedule.pattern, tz: 'Europe/London' },
          { name: schedule.name, data: schedule.payload },
        );
    }
  }

  /**
   * Stops taking jobs and lets running ones finish, for at most SHUTDOWN_TIMEOUT_MS. Past that it
   * stops waiting: the process exits, the jobs' locks lapse and BullMQ retries them elsewhere.
   */
  async beforeApplicationShutdown(): Promise<void> {
    const closed = Promise.all(this.workers.map((worker) => worker.close()));
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.shutdownTimeoutMs);
    });
    const outcome = await Promise.race([closed.then(() => 'closed' as const), deadline]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn('Jobs still running at the shutdown deadline; leaving them to be retried');
    }
  }

  dispatch(job: BullJob): Promise<JobResult> {
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    return handler(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  }
}
