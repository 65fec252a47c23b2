import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { JobHandler } from './job-handler';
import { JobRepository } from './job.repository';
import { done, JobName } from './jobs';
import type { JobResult } from './jobs';

const PRUNE_BATCH = 5000;

/** The job system's own work: pruning its records, and the probe operators send through it. */
@Injectable()
export class JobMaintenanceHandlers {
  private readonly logger = new Logger(JobMaintenanceHandlers.name);

  constructor(
    private readonly jobs: JobRepository,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  /** Writes nothing to Postgres, so nothing needs its "done" in one transaction with it. */
  @JobHandler(JobName.Probe, { atomic: false })
  probe(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  /** In batches, each its own statement, so pruning never holds many rows locked at once. */
  @JobHandler(JobName.PruneJobs, { atomic: false })
  async prune(): Promise<JobResult> {
    const deleted = await this.jobs.pruneDoneInBatches(
      this.config.queue.retentionDays,
      PRUNE_BATCH,
    );
    this.logger.log(
      `Pruned ${deleted} job records done over ${this.config.queue.retentionDays} days ago`,
    );
    return done;
  }
}
