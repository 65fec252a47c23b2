import DataLoader from 'dataloader';
import type { JobResult } from './jobs';
import type { JobRepository } from './job.repository';

/** How long a start or finish waits for others to share its statement. */
const WINDOW_MS = 2;
const MAX_BATCH = 200;

/**
 * The start and finish records of jobs run outside a transaction, gathered for a couple of
 * milliseconds into one statement each, as group commit does: at a few thousand jobs a second,
 * one statement per job would cost more than the jobs. Nothing is lost by waiting: a job's
 * processor returns only once its own record is written.
 */
export class JobBookkeeping {
  private readonly starts: DataLoader<string, boolean>;
  private readonly finishes: DataLoader<{ jobId: string; result: JobResult }, boolean>;

  constructor(jobs: JobRepository, leaseMs: number) {
    const options = {
      cache: false,
      maxBatchSize: MAX_BATCH,
      batchScheduleFn: (callback: () => void) => setTimeout(callback, WINDOW_MS),
    };
    this.starts = new DataLoader(async (jobIds) => {
      const open = await jobs.startMany([...jobIds], leaseMs);
      return jobIds.map((jobId) => open.has(jobId));
    }, options);
    this.finishes = new DataLoader(async (finished) => {
      const done = await jobs.finishMany([...finished]);
      return finished.map(({ jobId }) => done.has(jobId));
    }, options);
  }

  /** Renews the lease; false when the job is no longer open. */
  start(jobId: string): Promise<boolean> {
    return this.starts.load(jobId);
  }

  /** Records done; false when it was no longer open. */
  finish(jobId: string, result: JobResult): Promise<boolean> {
    return this.finishes.load({ jobId, result });
  }
}
