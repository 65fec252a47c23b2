import { spawn } from 'node:child_process';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { databaseUrlFor } from './city-dataset';
import { freePort } from './free-port';

/** What the job and nudge benchmarks share: their own Redis, a fresh database, the baseline. */

export const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A redis-server of the bench's own on a free port, so its memory is Kith's alone. */
export async function startRedis(): Promise<{ url: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
  // Refused until the server listens: the probe retries until then.
  probe.on('error', () => undefined);
  await probe.ping();
  probe.disconnect();
  return { url, stop: () => child.kill('SIGKILL') };
}

/** `database` on the server, dropped and made again, with every migration. */
export async function freshDatabase(serverUrl: string, database: string): Promise<string> {
  const admin = new Client({ connectionString: databaseUrlFor(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = databaseUrlFor(serverUrl, database);
  const ds = new DataSource(dataSourceOptions(url, KITH_SCHEMA, 1));
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  return url;
}

export async function usedMemory(url: string): Promise<number> {
  const redis = new Redis(url);
  try {
    return Number(/used_memory:(\d+)/.exec(await redis.info('memory'))?.[1]);
  } finally {
    redis.disconnect();
  }
}

/**
 * The baseline: bare BullMQ, `addBulk` of `jobs` no-op jobs and a Worker that does nothing at
 * `concurrency`; jobs a second from the first add to the last completion.
 */
export async function bareBullmq(
  redisUrl: string,
  jobs: number,
  concurrency: number,
): Promise<number> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const queue = new Queue('bare', {
    connection,
    prefix: 'bare',
    defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
  });
  let completed = 0;
  let resolveAll!: () => void;
  const all = new Promise<void>((resolve) => (resolveAll = resolve));
  const worker = new Worker('bare', () => Promise.resolve({ status: 'done' }), {
    connection,
    prefix: 'bare',
    concurrency,
  });
  worker.on('completed', () => {
    completed += 1;
    if (completed === jobs) resolveAll();
  });
  await worker.waitUntilReady();
  const started = Date.now();
  for (let from = 0; from < jobs; from += 1000)
    await queue.addBulk(
      Array.from({ length: Math.min(1000, jobs - from) }, (_, i) => ({
        name: 'noop',
        data: { n: from + i },
        opts: { jobId: `noop-${from + i}` },
      })),
    );
  await all;
  const seconds = (Date.now() - started) / 1000;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return jobs / seconds;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
