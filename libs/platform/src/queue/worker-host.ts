import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Worker } from 'bullmq';
import type { Job as BullJob } from 'bullmq';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { redisOptions } from '../redis/redis';
import { handlerProblems, JOB_HANDLER_METADATA } from './job-handler';
import type { FoundHandler, JobContext } from './job-handler';
import { isJobName, JobName, QueueName } from './jobs';
import type { JobResult } from './jobs';

type BoundHandler = (payload: unknown, context: JobContext) => Promise<JobResult>;

export class WorkerStartupError extends Error {
  constructor(readonly problems: string[]) {
    super(`The worker cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'WorkerStartupError';
  }
}

/**
 * Finds every @JobHandler, refuses to start unless each job name has exactly one, and runs a
 * BullMQ worker per queue that dispatches by job name.
 */
@Injectable()
export class WorkerHost implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private readonly handlers = new Map<JobName, BoundHandler>();
  private workers: Worker[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  onModuleInit(): void {
    const found: (FoundHandler & { fn: BoundHandler })[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const name = this.reflector.get<string | undefined>(
          JOB_HANDLER_METADATA,
          fn as () => unknown,
        );
        if (name === undefined) continue;
        found.push({
          name,
          owner: `${instance.constructor.name}.${method}`,
          fn: (fn as BoundHandler).bind(instance),
        });
      }
    }
    const problems = handlerProblems(found, Object.values(JobName));
    if (problems.length > 0) throw new WorkerStartupError(problems);
    for (const handler of found) {
      if (isJobName(handler.name)) this.handlers.set(handler.name, handler.fn);
    }
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
