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
import { isJobName, QueueName } from './jobs';
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
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  onModuleInit(): void {
    this.handlers = this.registry.discover();
  }

  onApplicationBootstrap(): void {
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
    this.logger.log(`Processing ${this.handlers.size} job kinds on ${this.workers.length} queues`);
  }

  /** Stops taking jobs, lets running ones finish for a bounded time, then closes hard. */
  async beforeApplicationShutdown(): Promise<void> {
    const graceful = Promise.all(this.workers.map((worker) => worker.close()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), this.config.shutdownTimeoutMs);
    });
    const outcome = await Promise.race([graceful.then(() => 'closed' as const), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') {
      this.logger.warn('Jobs still running at the shutdown deadline; closing anyway');
      await Promise.all(this.workers.map((worker) => worker.close(true)));
    }
  }

  dispatch(job: BullJob): Promise<JobResult> {
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    if (!handler) throw new Error(`No handler for job "${job.name}"`);
    return handler(job.data, { jobId: job.id ?? '', attempt: job.attemptsMade + 1 });
  }
}
