import { Inject, Injectable, Logger } from '@nestjs/common';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { JobHandler } from './job-handler';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { IDEMPOTENCY_TTL_HOURS } from '../idempotency/idempotency.service';
import { JobRepository } from './job.repository';
import { done, JobName } from './jobs';
import type { JobResult } from './jobs';

const PRUNE_BATCH = 5000;

/** The platform's own upkeep (pruning job records and Idempotency-Key answers) and the probe. */
@Injectable()
export class JobMaintenanceHandlers {
  private readonly logger = new Logger(JobMaintenanceHandlers.name);

  constructor(
    private readonly jobs: JobRepository,
    private readonly idempotencyKeys: IdempotencyRepository,
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

  @JobHandler(JobName.PruneIdempotencyKeys, { atomic: false })
  async pruneIdempotencyKeys(): Promise<JobResult> {
    let deleted = 0;
    for (let batch = PRUNE_BATCH; batch === PRUNE_BATCH; deleted += batch) {
      batch = await this.idempotencyKeys.pruneExpired(IDEMPOTENCY_TTL_HOURS, PRUNE_BATCH);
    }
    this.logger.log(
      `Pruned ${deleted} Idempotency-Key answers past ${IDEMPOTENCY_TTL_HOURS} hours`,
    );
    return done;
  }
}
