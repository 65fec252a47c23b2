import { Redis } from 'ioredis';
import type { Db, KithConfig } from '@kith/platform';

export interface JobRecord {
  id: string;
  job_id: string;
  job_name: string;
  state: string;
  attempts: number;
  rescues: number;
  last_error: string | null;
  result: { status: string; reason?: string } | null;
  lease_until: Date | null;
}

/** The rows of `job` whose job id starts with the prefix, oldest first. */
export function jobRows(db: Db, jobIdPrefix: string): Promise<JobRecord[]> {
  return db.query<JobRecord>(
    `SELECT id, job_id, job_name, state, attempts, rescues, last_error, result, lease_until
       FROM job WHERE starts_with(job_id, $1) ORDER BY id`,
    [jobIdPrefix],
  );
}

/**
 * What the queue's event stream says was added, per job id, and how often an add found the id
 * already there ("duplicated"): the record of every enqueue BullMQ saw.
 */
export async function enqueueEvents(
  config: KithConfig,
  queue: string,
): Promise<{ added: Map<string, number>; duplicated: number }> {
  const redis = new Redis(config.redis.url);
  try {
    const entries = await redis.xrange(`${config.queue.prefix}:${queue}:events`, '-', '+');
    const added = new Map<string, number>();
    let duplicated = 0;
    for (const [, fields] of entries) {
      const record: Record<string, string> = {};
      for (let i = 0; i < fields.length; i += 2) record[fields[i]] = fields[i + 1];
      if (record.event === 'added') added.set(record.jobId, (added.get(record.jobId) ?? 0) + 1);
      if (record.event === 'duplicated') duplicated += 1;
    }
    return { added, duplicated };
  } finally {
    redis.disconnect();
  }
}
