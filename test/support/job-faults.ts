import type { KithConfig } from '@kith/platform';
import { JobName } from '@kith/platform';
import { testEnv } from './config';
import { queryDatabase as sql } from './databases';
import { startBuilt } from './processes';
import type { LogLine } from './processes';

export const LEASE_MS = 3000;

/** The job system's settings for these tests: short leases and locks, so faults heal in seconds. */
export const FAST = {
  JOB_LEASE_MS: String(LEASE_MS),
  WORKER_LOCK_MS: '1500',
  OUTBOX_POLL_MS: '50',
  RATE_LIMIT_SIGNIN_PER_IP: '100000',
};

export function startWorkerProcess(config: KithConfig, env: Record<string, string> = {}) {
  return startBuilt(
    'worker',
    testEnv({
      ...FAST,
      DATABASE_URL: config.database.url,
      REDIS_URL: config.redis.url,
      QUEUE_PREFIX: config.queue.prefix,
      MAIL_URL: config.mail.transport.kind === 'smtp' ? config.mail.transport.url : 'log',
      LOG_LEVEL: 'info',
      WORKER_CONCURRENCY: '1',
      ...env,
    }),
    /^Processing \d+ job kinds/,
  );
}

export const mailJobOf = async (url: string, email: string): Promise<string> => {
  const [row] = await sql<{ id: string }>(url, `SELECT id FROM sign_in_code WHERE email = $1`, [
    email,
  ]);
  return `${JobName.SendSignInCodeMail}-${row.id}`;
};

/** Every job id a queue event named, so a test can await one that may already have passed. */
export const finishedLog = (jobId: string) => (line: LogLine) =>
  line.msg === 'job finished' && line.jobId === jobId;
