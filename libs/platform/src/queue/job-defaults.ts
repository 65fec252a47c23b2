import type { DefaultJobOptions } from 'bullmq';

/** Attempts a job gets, counted in Postgres across every enqueue of it. */
export const MAX_ATTEMPTS = 6;

/** Re-enqueues by the sweeper (Redis lost the job) before the job is failed for good. */
export const MAX_RESCUES = 5;

/**
 * Retries with exponential backoff. Finished jobs leave Redis at once: Postgres records their
 * life and dedupes them (a unique job id, and the worker skips a job already done), so Redis
 * holds only what is waiting, delayed for a retry or running, however many jobs have run.
 */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: MAX_ATTEMPTS,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: true,
};
