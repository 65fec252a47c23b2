/**
 * npm run bench:nudges — session reminders at scale, against bare BullMQ, in one run.
 *
 * 1. Bare BullMQ: `addBulk` of BENCH_DUE no-op jobs and a Worker that does nothing, at
 *    BENCH_CONCURRENCY; time from the first add to the last completion. The baseline.
 * 2. Scheduled: BENCH_BOOKINGS members each booked (rows written in bulk) on sessions two weeks
 *    on or later; one SESSION_BOOKED event each through the outbox, decided by the real worker,
 *    which plans both reminders of every booking as nudge rows due later (2 × BENCH_BOOKINGS).
 *    Redis memory is read before and with them all scheduled: it must not grow with them.
 * 3. Due at once: half the bookings are on sessions starting at one instant; the worker's clock
 *    jumps to the day before it, so their BENCH_DUE day-before reminders fall due together.
 *    They are released in batches: decided again (the booking re-read) and put in the
 *    member's inbox, through release jobs the worker asks for when it sees them due. Time
 *    from the jump to the last nudge in; lateness is each nudge's sent_at minus its due_at.
 * Redis is a server of the bench's own on a free port; Postgres a fresh database on
 * BENCH_SERVER_URL. Prints one JSON line at the end.
 */
import 'reflect-metadata';
import { cpus } from 'node:os';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { Client } from 'pg';
import { Clock, JobName, JobOutbox, loadConfig, londonToUtc, londonWallTime } from '@kith/platform';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import {
  bareBullmq,
  freshDatabase,
  log,
  percentile,
  sleep,
  startRedis,
  usedMemory,
} from './bench-support';

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 100_000);
const DUE = BOOKINGS / 2;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const SERVER_URL = process.env.BENCH_SERVER_URL ?? 'postgres://root@127.0.0.1:5432';
const DATABASE = 'kith_bench_nudges';
const PER_SESSION = 100;
const CHUNK = 5000;
const DAY = 24 * 3600_000;

/** Real time from a point the bench moves on to. */
class JumpingClock extends Clock {
  offsetMs = 0;
  override now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }
}

/**
 * The community, in bulk: members awake at 14:00 London time who take booking news in the inbox
 * only (and no prompts), a venue and activity, sessions of PER_SESSION places, one booking each.
 * Half the bookings are on sessions starting at `dueStart`; the rest a week or more after it.
 */
async function seed(pg: Client, dueStart: Date): Promise<void> {
  await pg.query(`
    INSERT INTO area (code, name, kind, boundary)
    VALUES ('BENCH', 'Bench borough', 'borough',
            ST_Multi(ST_MakeEnvelope(-0.2, 51.4, 0.0, 51.6, 4326)))`);
  await pg.query(
    `
    INSERT INTO person (email, display_name)
    SELECT 'member' || g || '@bench.test', 'Member ' || g FROM generate_series(1, $1) g`,
    [BOOKINGS + 1],
  );
  await pg.query(`
    INSERT INTO nudge_preferences (person_id, channels, quiet_start, quiet_end, weekly_limit, language)
    SELECT id, '{INBOX}', 22 * 60, 7 * 60, 0, 'en' FROM person`);
  await pg.query(`
    INSERT INTO venue (name, location, area_id)
    SELECT 'Bench hall', ST_MakePoint(-0.1, 51.5)::geography, id FROM area WHERE code = 'BENCH'`);
  await pg.query(
    `
    INSERT INTO activity (title, description, venue_id, capacity, duration_minutes, first_starts_at, status, created_by)
    SELECT 'Community choir', 'Singing together', v.id, ${PER_SESSION}, 90, $1, 'APPROVED',
           (SELECT id FROM person WHERE email = 'member' || ($2::int) || '@bench.test')
      FROM venue v`,
    [dueStart, BOOKINGS + 1],
  );
  const sessions = BOOKINGS / PER_SESSION;
  // Sessions 0 .. sessions/2 - 1 start at dueStart (a millisecond apart: the activity is unique
  // by start); the rest at 14:00 on each of the days from a week after it.
  await pg.query(
    `
    INSERT INTO session (activity_id, starts_at, ends_at, capacity, location, accessibility)
    SELECT a.id, t, t + interval '90 minutes', ${PER_SESSION}, v.location, '{}'
      FROM activity a JOIN venue v ON v.id = a.venue_id,
           LATERAL (SELECT CASE WHEN g < $2 / 2 THEN $1::timestamptz + make_interval(secs => g * 0.001)
                                ELSE $1::timestamptz + make_interval(days => 7 + g % 200, secs => g * 0.001) END AS t
                      FROM generate_series(0, $2 - 1) g) s`,
    [dueStart, sessions],
  );
  await pg.query(
    `
    WITH s AS (SELECT id, row_number() OVER (ORDER BY starts_at, id) - 1 AS n FROM session),
         p AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM person
                WHERE email <> 'member' || ($1::int) || '@bench.test')
    INSERT INTO booking (session_id, person_id, status)
    SELECT s.id, p.id, 'BOOKED' FROM p JOIN s ON s.n = p.n / ${PER_SESSION}`,
    [BOOKINGS + 1],
  );
  await pg.query(`UPDATE session SET booked_count = ${PER_SESSION}`);
  await pg.query('ANALYZE');
}

async function main(): Promise<void> {
  const benchStarted = Date.now();
  const redis = await startRedis();
  const databaseUrl = await freshDatabase(SERVER_URL, DATABASE);
  const pg = new Client({ connectionString: databaseUrl });
  await pg.connect();
  try {
    log(`bare BullMQ: ${DUE} no-op jobs at concurrency ${CONCURRENCY}`);
    const bare = await bareBullmq(redis.url, DUE, CONCURRENCY);
    log(`bare BullMQ: ${Math.round(bare)} jobs/s`);

    // Two weeks on, at 14:00 London: the day-before reminders fall due at 14:00 the day before.
    const w = londonWallTime(new Date(Date.now() + 14 * DAY));
    const dueStart = londonToUtc(w.year, w.month, w.day, 14, 0);
    log(`seeding ${BOOKINGS} bookings`);
    await seed(pg, dueStart);

    const clock = new JumpingClock();
    const config = loadConfig({
      NODE_ENV: 'production',
      PUBLIC_URL: 'https://kith.example.org',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redis.url,
      QUEUE_PREFIX: 'kith-bench',
      JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
      MAIL_URL: 'smtp://127.0.0.1:1',
      LOG_LEVEL: 'warn',
      WORKER_CONCURRENCY: String(CONCURRENCY),
      DATABASE_POOL_SIZE: String(Math.min(CONCURRENCY + 10, 60)),
    });
    const worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
      .overrideProvider(Clock)
      .useValue(clock)
      .compile();
    worker.useLogger(worker.get(Logger));
    await worker.init();
    const outbox = worker.get(JobOutbox);
    const count = async (sql: string) => Number((await pg.query<{ n: string }>(sql)).rows[0].n);
    const memoryBefore = await usedMemory(redis.url);

    log(`scheduling: ${BOOKINGS} SESSION_BOOKED events, decided into ${2 * BOOKINGS} reminders`);
    const scheduleStarted = Date.now();
    const bookings = (await pg.query<{ id: string }>(`SELECT id FROM booking ORDER BY id`)).rows;
    for (let from = 0; from < bookings.length; from += CHUNK)
      await outbox.scheduleMany(
        bookings.slice(from, from + CHUNK).map(({ id }) => ({
          name: JobName.DecideNudge,
          payload: { event: 'SESSION_BOOKED' as const, bookingId: id },
          key: `booked-${id}`,
        })),
      );
    const planned = `SELECT count(*) AS n FROM nudge WHERE kind = 'SESSION_REMINDER' AND status = 'PENDING'`;
    const booked = `SELECT count(*) AS n FROM job WHERE job_id LIKE 'decide-nudge-booked-%' AND state = 'done'`;
    while ((await count(booked)) < BOOKINGS) await sleep(250);
    const scheduleSeconds = (Date.now() - scheduleStarted) / 1000;
    const scheduled = await count(planned);
    // Several relay and sweeper turns: anything that would move them into Redis has had its go.
    await sleep(3000);
    const memoryScheduled = await usedMemory(redis.url);
    log(`scheduled ${scheduled} reminders in ${scheduleSeconds.toFixed(1)} s`);

    // The clock jumps to the moment the day-before reminders of half the bookings fall due.
    const dueAt = new Date(dueStart.getTime() - DAY);
    const sent = `SELECT count(*) AS n FROM nudge WHERE kind = 'SESSION_REMINDER' AND status = 'SENT'`;
    log(`due at once: ${DUE} day-before reminders`);
    const dueStarted = Date.now();
    clock.offsetMs = dueAt.getTime() - Date.now();
    const deadline = Date.now() + 30 * 60_000;
    while ((await count(sent)) < DUE && Date.now() < deadline) await sleep(250);
    const dueSeconds = (Date.now() - dueStarted) / 1000;
    const delivered = await count(sent);
    const lateness = (
      await pg.query<{ ms: string }>(
        `SELECT extract(epoch FROM sent_at - due_at) * 1000 AS ms FROM nudge
          WHERE kind = 'SESSION_REMINDER' AND status = 'SENT'`,
      )
    ).rows
      .map((row) => Number(row.ms))
      .sort((a, b) => a - b);
    // Of the reminders due: any written twice, or not sent (there should be none).
    const duplicates = await count(
      `SELECT count(*) - count(DISTINCT key) AS n FROM nudge WHERE kind = 'SESSION_REMINDER'`,
    );
    const notSent = await count(
      `SELECT count(*) AS n FROM nudge WHERE kind = 'SESSION_REMINDER' AND status <> 'SENT'
          AND due_at <= '${dueAt.toISOString()}'`,
    );
    const stillPlanned = await count(planned);
    await worker.close();

    const throughput = delivered / dueSeconds;
    const ratio = throughput / bare;
    // A reminder not in by the deadline is as late as the wait: count it at the end.
    const unfinished = DUE - delivered;
    const p95 = unfinished > 0.05 * DUE ? Infinity : percentile(lateness, 95);
    const growth = memoryScheduled - memoryBefore;
    const summary = {
      bench: 'nudges',
      machine: { cpus: cpus().length },
      bookings: BOOKINGS,
      concurrency: CONCURRENCY,
      bareBullmqJobsPerSecond: Math.round(bare),
      scheduling: {
        events: BOOKINGS,
        remindersPlanned: scheduled,
        seconds: Number(scheduleSeconds.toFixed(1)),
        eventsPerSecond: Math.round(BOOKINGS / scheduleSeconds),
      },
      due: {
        reminders: DUE,
        delivered,
        unfinished,
        duplicates,
        notSent,
        stillPlannedForLater: stillPlanned,
        seconds: Number(dueSeconds.toFixed(1)),
        perSecond: Math.round(throughput),
        latenessP50Ms: Math.round(percentile(lateness, 50)),
        latenessP95Ms: Number.isFinite(p95) ? Math.round(p95) : null,
        latenessMaxMs: Math.round(lateness.at(-1) ?? NaN),
      },
      redisMemory: {
        beforeBytes: memoryBefore,
        withAllScheduledBytes: memoryScheduled,
        scheduledLater: scheduled,
        growthBytes: growth,
      },
      targets: {
        throughputOverBareBullmq: {
          target: '>= 0.3',
          value: Number(ratio.toFixed(3)),
          met: ratio >= 0.3,
        },
        p95LatenessAfterDueMs: {
          target: '< 60000',
          value: Number.isFinite(p95) ? Math.round(p95) : null,
          met: p95 < 60_000,
        },
        redisGrowthBytesWithRemindersScheduled: {
          target: '< 1048576 (flat: not proportional to reminders scheduled for later)',
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
