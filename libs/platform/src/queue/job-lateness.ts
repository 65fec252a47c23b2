import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { JobRepository } from './job.repository';
import { Periodic } from './periodic';

/**
 * Warns in the worker's log while jobs are overdue. Readiness stays about Postgres and Redis: a
 * backlog is not a reason to take a worker out of service.
 */
@Injectable()
export class JobLatenessWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobLatenessWatch.name);
  private readonly loop: Periodic;
  private warned = false;

  constructor(
    private readonly jobs: JobRepository,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {
    this.loop = new Periodic(
      Math.min(config.queue.lateAfterMs / 2, 30_000),
      () => this.check(),
      () => undefined, // Postgres away: the relay already says so.
    );
  }

  onApplicationBootstrap(): void {
    this.loop.start(this.config.queue.lateAfterMs / 2);
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  async check(): Promise<void> {
    const late = await this.jobs.late(this.config.queue.lateAfterMs);
    if (late.count > 0 && late.oldestDueAt) {
      const seconds = Math.round((Date.now() - late.oldestDueAt.getTime()) / 1000);
      this.logger.warn(
        { lateJobs: late.count, oldestDueAt: late.oldestDueAt, oldestJob: late.jobName },
        `${late.count} jobs are overdue; the oldest (${late.jobName}) was due ${seconds} s ago`,
      );
      this.warned = true;
    } else if (this.warned) {
      this.logger.log('Jobs are on time again');
      this.warned = false;
    }
  }
}
