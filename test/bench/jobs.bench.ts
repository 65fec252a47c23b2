/**
 * npm run bench:jobs — the job system against bare BullMQ, in one run on one machine.
 *
 * 1. Bare BullMQ: `addBulk` of BENCH_JOBS no-op jobs and a Worker that does nothing, at
 *    BENCH_CONCURRENCY; time from the first add to the last completion.
 * 2. Kith: the same number of probe jobs (a no-op handler; it writes nothing to Postgres, so
 *    its start and done records are gathered with other jobs' into one statement each) scheduled
 *    through the outbox, relayed and run by the real worker app; time from the first insert to
 *    the last row recorded done in Postgres.
 *    Also, for the record (no target), jobs whose handler reads Postgres inside the transaction
 *    that records them done: expansions of activities that do not exist, which each re-read,
 *    skip and commit; BENCH_ATOMIC_JOBS of them.
 * 3. Delay: jobs scheduled at a steady 0.3 × bare BullMQ's rate (the throughput target) for
 *    BENCH_DELAY_SECONDS; p95 of done minus due, read from the rows.
 * 4. Redis memory before and after BENCH_LATER_JOBS jobs scheduled for next week.
 * Redis is a server of the bench's own on a free port, so its memory is Kith's alone; Postgres is
 * a fresh database on BENCH_SERVER_URL. Prints one JSON line at the end.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { JobName, JobOutbox, loadConfig } from '@kith/platform';
import { createWorker } from '../../apps/worker/src/bootstrap';
import {
  bareBullmq,
  freshDatabase,
  log,
  percentile,
  sleep,
  startRedis,
  usedMemory,
} from './bench-support';

const JOBS = Number(process.env.BENCH_JOBS ?? 50_000);
const LATER_JOBS = Number(process.env.BENCH_LATER_JOBS ?? 200_000);
const ATOMIC_JOBS = Number(process.env.BENCH_ATOMIC_JOBS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 100);
const DELAY_SECONDS = Number(process.env.BENCH_DELAY_SECONDS ?? 20);
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const DATABASE = 'kith_bench_jobs';
const CHUNK = 5000;

async function main(): Promise<void> {
  const benchStarted = Date.now();
  const redis = await startRedis();
  const databaseUrl = await freshDatabase(SERVER_URL, DATABASE);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    log(`bare BullMQ: ${JOBS} no-op jobs at concurrency ${CONCURRENCY}`);
    const bare = await bareBullmq(redis.url, JOBS, CONCURRENCY);
    log(`bare BullMQ: ${Math.round(bare)} jobs/s`);

    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://kith.example.org',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'kith-bench',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      // Production refuses MAIL_URL=log; nothing here sends mail.
      MAIL_URL: 'smtp://127.0.0.1:1',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      // Under the server's max_connections (100 here): atomic jobs beyond it wait for a connection.
      DATABASE_POOL_SIZE: String(Math.min(CONCURRENCY + 10, 50)),
    });
    const worker = await createWorker(config);
    const outbox = worker.get(JobOutbox);
    let serial = 0;
    const probes = (count: number, at?: Date) =>
      Array.from({ length: count }, () => ({
        name: JobName.Probe,
        payload: { requestedAt: new Date().toISOString() },
        key: `bench-${(serial += 1)}`,
        at,
      }));
    const doneCount = async () =>
      Number(
        (await pg.query<{ n: string }>(`SELECT count(*) AS n FROM job WHERE state = 'done'`))
          .rows[0].n,
      );
    const memoryBeforeRun = await usedMemory(redis.url);

    log(`Kith: ${JOBS} probe jobs through the outbox`);
    const started = Date.now();
    for (let from = 0; from < JOBS; from += CHUNK) {
      await outbox.scheduleMany(probes(Math.min(CHUNK, JOBS - from)));
    }
    while ((await doneCount()) < JOBS) await sleep(100);
    const ours = JOBS / ((Date.now() - started) / 1000);
    const memoryAfterRun = await usedMemory(redis.url);
    log(`Kith: ${Math.round(ours)} jobs/s (${(ours / bare).toFixed(2)} of bare BullMQ)`);

    log(`Kith, atomic: ${ATOMIC_JOBS} jobs that read and record done in one transaction`);
    const atomicStarted = Date.now();
    for (let from = 0; from < ATOMIC_JOBS; from += CHUNK) {
      await outbox.scheduleMany(
        Array.from({ length: Math.min(CHUNK, ATOMIC_JOBS - from) }, () => {
          const activityId = randomUUID();
          return { name: JobName.ExpandActivitySessions, payload: { activityId }, key: activityId };
        }),
      );
    }
    while ((await doneCount()) < JOBS + ATOMIC_JOBS) await sleep(100);
    const atomic = ATOMIC_JOBS / ((Date.now() - atomicStarted) / 1000);
    log(
      `Kith, atomic: ${Math.round(atomic)} jobs/s (${(atomic / bare).toFixed(2)} of bare BullMQ)`,
    );

    const rate = 0.3 * bare;
    log(`delay: ${Math.round(rate)} jobs/s for ${DELAY_SECONDS} s`);
    const firstDelayId = serial + 1;
    const tickMs = 100;
    const delayStarted = Date.now();
    let scheduled = 0;
    while (Date.now() - delayStarted < DELAY_SECONDS * 1000) {
      const due = Math.floor(((Date.now() - delayStarted) / 1000) * rate) - scheduled;
      if (due > 0) {
        await outbox.scheduleMany(probes(due));
        scheduled += due;
      }
      await sleep(tickMs);
    }
    const expected = JOBS + ATOMIC_JOBS + scheduled;
    const waitStarted = Date.now();
    while ((await doneCount()) < expected && Date.now() - waitStarted < 120_000) await sleep(100);
    const delays = (
      await pg.query<{ ms: number }>(
        `SELECT extract(epoch FROM finished_at - available_at) * 1000 AS ms FROM job
          WHERE job_name = 'probe' AND (substring(job_id FROM 'bench-(\\d+)$'))::int >= $1
            AND state = 'done'`,
        [firstDelayId],
      )
    ).rows
      .map((row) => Number(row.ms))
      .sort((a, b) => a - b);
    const unfinished = scheduled - delays.length;
    // A job not done is as late as the wait: count it at the end of the distribution.
    const p95 = unfinished > 0.05 * scheduled ? Infinity : percentile(delays, 95);

    log(`Redis memory: ${LATER_JOBS} jobs scheduled for next week`);
    const memoryBeforeLater = await usedMemory(redis.url);
    const nextWeek = new Date(Date.now() + 7 * 24 * 3600_000);
    for (let from = 0; from < LATER_JOBS; from += CHUNK) {
      await outbox.scheduleMany(probes(Math.min(CHUNK, LATER_JOBS - from), nextWeek));
    }
    // Several relay and sweeper turns: anything that would move them into Redis has had its go.
    await sleep(Math.max(3 * config.queue.outboxPollMs, 3000));
    const memoryAfterLater = await usedMemory(redis.url);
    await worker.close();

    const ratio = ours / bare;
    const growth = memoryAfterLater - memoryBeforeLater;
    const summary = {
      bench: 'jobs',
      machine: { cpus: cpus().length },
      jobs: JOBS,
      concurrency: CONCURRENCY,
      bareBullmqJobsPerSecond: Math.round(bare),
      kithJobsPerSecond: Math.round(ours),
      throughputRatio: Number(ratio.toFixed(3)),
      atomic: {
        jobs: ATOMIC_JOBS,
        jobsPerSecond: Math.round(atomic),
        ratioToBareBullmq: Number((atomic / bare).toFixed(3)),
      },
      delay: {
        ratePerSecond: Math.round(rate),
        seconds: DELAY_SECONDS,
        jobs: scheduled,
        unfinished,
        p50Ms: Math.round(percentile(delays, 50)),
        p95Ms: Number.isFinite(p95) ? Math.round(p95) : null,
        p99Ms: Math.round(percentile(delays, 99)),
      },
      redisMemory: {
        beforeRunBytes: memoryBeforeRun,
        afterRunBytes: memoryAfterRun,
        beforeLaterBytes: memoryBeforeLater,
        afterLaterBytes: memoryAfterLater,
        laterJobs: LATER_JOBS,
        growthBytes: growth,
      },
      targets: {
        throughputOverBareBullmq: {
          target: '>= 0.3',
          value: Number(ratio.toFixed(3)),
          met: ratio >= 0.3,
        },
        p95DelayMsAtTargetRate: {
          target: '< 2000',
          value: Number.isFinite(p95) ? Math.round(p95) : null,
          met: p95 < 2000,
        },
        redisGrowthBytesFor200kLater: {
          target: '< 1048576 (flat: not proportional to work scheduled for later)',
          value: growth,
          met: growth < 1_048_576,
        },
      },
      benchSeconds: Math.round((Date.now() - benchStarted) / 1000),
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  } finally {
    await pg.end();
    redis.stop();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
