import type { DefaultJobOptions } from 'bullmq';

const DAY = 24 * 3600;

/**
 * Retries with exponential backoff; completed jobs are kept a week so that their deterministic
 * ids still block a duplicate enqueue, failed ones a month for inspection.
 */
export const JOB_DEFAULTS: DefaultJobOptions = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 7 * DAY, count: 50_000 },
  removeOnFail: { age: 30 * DAY, count: 50_000 },
};
