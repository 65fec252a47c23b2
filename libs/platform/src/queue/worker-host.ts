import { Inject, Injectable, Logger } from '@nestjs/common';
import type {
  BeforeApplicationShutdown,
  OnApplicationBootstrap,
  OnModuleInit,
} from '@nestjs/common';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Job as BullJob } from 'bullmq';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { redisOptions } from '../redis/redis';
import { MAX_ATTEMPTS } from './job-defaults';
import { JobHandlerRegistry } from './job-handler-registry';
import type { BoundHandler } from './job-handler-registry';
import type { JobContext } from './job-handler';
import { JobState } from './job.entity';
import { JobBookkeeping } from './job-bookkeeping';
import { JobRepository } from './job.repository';
import { errorText } from '../kernel/error-text';
import { checkJob, isJobName, QueueName, skipped } from './jobs';
import type { JobName, JobResult } from './jobs';

/** A job that can never run as stored: failed at once, never retried. */
class PoisonJobError extends Error {}

/** The job was done (or failed) already: roll this delivery's writes back and skip it. */
class NotOpenError extends Error {}

/**
 * Refuses to start unless each job name has exactly one handler, then runs a BullMQ worker per
 * queue. Every run is recorded in the job's row: done in the handler's own transaction (atomic
 * handlers) or right after it (the others), each failed attempt with its error, and failed for
 * good after MAX_ATTEMPTS.
 */
@Injectable()
export class WorkerHost implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerHost.name);
  private handlers = new Map<JobName, BoundHandler>();
  private workers: Worker[] = [];
  private readonly bookkeeping: JobBookkeeping;

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly db: Db,
    private readonly jobs: JobRepository,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {
    this.bookkeeping = new JobBookkeeping(jobs, config.queue.leaseMs);
  }

  onModuleInit(): void {
    this.handlers = this.registry.discover();
  }

  async onApplicationBootstrap(): Promise<void> {
    const connection = { ...redisOptions(this.config.redis.url), maxRetriesPerRequest: null };
    const { lockMs } = this.config.queue;
    this.workers = Object.values(QueueName).map((queue) => {
      const worker = new Worker(queue, (job) => this.run(job), {
        connection,
        prefix: this.config.queue.prefix,
        concurrency: this.config.queue.concurrency,
        lockDuration: lockMs,
        stalledInterval: lockMs,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: errorText(error) },
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

  /** One delivery of a job from BullMQ (at least once: the row says whether it is still open). */
  async run(job: BullJob): Promise<JobResult> {
    const jobId = job.id;
    if (!jobId) throw new UnrecoverableError('a job without an id');
    const handler = isJobName(job.name) ? this.handlers.get(job.name) : undefined;
    // A newer version's job, mid-rollout: BullMQ retries it, with luck on a newer worker; if none
    // takes it, the sweeper enqueues it again later (and fails it after MAX_RESCUES).
    if (!handler) throw new Error(`this worker has no handler for "${job.name}"`);
    return handler.atomic
      ? this.runAtomic(job, jobId, handler)
      : this.runOutside(job, jobId, handler);
  }

  /**
   * The handler's writes and "done" in one transaction. Nothing is read first: marking done takes
   * the row, so a delivery running beside this one waits there, finds the job done and rolls its
   * own writes back; a job whose effect committed never takes effect again.
   */
  private async runAtomic(job: BullJob, jobId: string, handler: BoundHandler): Promise<JobResult> {
    try {
      return await this.db.transaction(async () => {
        const result = await handler.run(this.payloadOf(job), this.context(job, jobId));
        if (!(await this.jobs.finish(jobId, result))) throw new NotOpenError();
        this.logFinished(job, jobId, result);
        return result;
      });
    } catch (error) {
      if (error instanceof NotOpenError) return this.notOpen(jobId);
      return this.failed(jobId, error);
    }
  }

  /** For handlers that talk to the outside world: checked open first, so a done job is not re-sent. */
  private async runOutside(job: BullJob, jobId: string, handler: BoundHandler): Promise<JobResult> {
    const { leaseMs } = this.config.queue;
    if (!(await this.bookkeeping.start(jobId))) return this.notOpen(jobId);
    // Nothing holds the row while it runs: keep the lease so the sweeper leaves it be.
    const heartbeat = setInterval(
      () => void this.jobs.heartbeat(jobId, leaseMs).catch(() => undefined),
      Math.max(leaseMs / 3, 500),
    );
    let result: JobResult;
    try {
      result = await handler.run(this.payloadOf(job), this.context(job, jobId));
    } catch (error) {
      return this.failed(jobId, error);
    } finally {
      clearInterval(heartbeat);
    }
    // The handler's work is done: if this record fails, BullMQ retries and the handler, which
    // keeps its own record of progress, skips what it did. It is not a failed attempt.
    if (!(await this.bookkeeping.finish(jobId, result))) return this.notOpen(jobId);
    this.logFinished(job, jobId, result);
    return result;
  }

  private context(job: BullJob, jobId: string): JobContext {
    return { jobId, attempt: job.attemptsMade + 1 };
  }

  private logFinished(job: BullJob, jobId: string, result: JobResult): void {
    this.logger.log({ job: job.name, jobId, result }, 'job finished');
  }

  /** The payload checked against its schema when it runs (the code may be newer than the row). */
  private payloadOf(job: BullJob): unknown {
    const check = checkJob(job.name, job.data);
    if (!check.ok) throw new PoisonJobError(check.reason);
    return check.payload;
  }

  private async notOpen(jobId: string): Promise<JobResult> {
    const state = await this.jobs.stateOf(jobId);
    const result = skipped(state === undefined ? 'no record of this job' : `already ${state}`);
    this.logger.log({ jobId, result }, 'job delivered again; not run');
    return result;
  }

  /**
   * Records a failed attempt. Failed for good (poison, or out of attempts): BullMQ must not retry
   * it. Otherwise BullMQ retries with backoff. If Postgres cannot record it, BullMQ retries and
   * the sweeper is the safety net.
   */
  private async failed(jobId: string, error: unknown): Promise<JobResult> {
    const final = error instanceof PoisonJobError || error instanceof UnrecoverableError;
    let state: JobState | undefined | 'unrecorded';
    try {
      state = await this.jobs.recordFailure(jobId, errorText(error), final, MAX_ATTEMPTS);
    } catch {
      state = 'unrecorded';
    }
    if (state === JobState.Failed) throw new UnrecoverableError(errorText(error));
    // Finished by another delivery meanwhile (or no record of it): nothing left to retry.
    if (state === undefined) return this.notOpen(jobId);
    throw error;
  }
}
