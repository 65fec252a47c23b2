import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { Worker } from 'bullmq';
import {
  Db,
  JOB_SCHEDULES,
  JobAdminModule,
  JobAdminService,
  JobName,
  JobOutbox,
  JobOutboxModule,
  JobRelay,
  JobRelayModule,
  JobScheduler,
  MAX_RESCUES,
  QueueName,
  QueueRegistry,
  redisOptions,
} from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { JobLatenessWatch } from '../../libs/platform/src/queue/job-lateness';
import { JobRepository } from '../../libs/platform/src/queue/job.repository';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { freshDatabase } from '../support/databases';
import { enqueueEvents, jobRows } from '../support/jobs';
import { clearRedisPrefix } from '../support/redis';

const mail = (id = randomUUID()) => ({
  name: JobName.SendSignInCodeMail,
  payload: { signInCodeId: id },
  key: id,
});

describe('the job record in Postgres, its relay and its sweeper', () => {
  let database: { url: string; drop: () => Promise<void> };
  let config: KithConfig;
  let context: TestingModule;
  let other: TestingModule;
  let db: Db;
  let outbox: JobOutbox;
  let relay: JobRelay;
  let otherRelay: JobRelay;
  let queues: QueueRegistry;

  beforeAll(async () => {
    database = await freshDatabase('jobs');
    // Every event of the run kept, so the test can count what was added to the queue.
    config = testConfig({
      DATABASE_URL: database.url,
      JOB_LEASE_MS: '60000',
      QUEUE_EVENTS_KEPT: '100000',
    });
    context = await createContext([JobOutboxModule, JobRelayModule, JobAdminModule], config);
    // A second process's relay and sweeper, with its own pools, on the same database and prefix.
    other = await createContext([JobRelayModule], config);
    db = context.get(Db);
    outbox = context.get(JobOutbox);
    relay = context.get(JobRelay);
    otherRelay = other.get(JobRelay);
    queues = context.get(QueueRegistry);
    // Stop the background loops: these tests drive relays and sweepers by hand.
    await relay.onApplicationShutdown();
    await otherRelay.onApplicationShutdown();
  });

  afterAll(async () => {
    await other?.close();
    await context?.close();
    await clearRedisPrefix(config);
    await database?.drop();
  });

  beforeEach(async () => {
    await db.query(`DELETE FROM job`);
    await clearRedisPrefix(config);
  });

  describe('scheduling', () => {
    it('writes one row per key, however often it is scheduled', async () => {
      const job = mail();
      expect(await outbox.schedule(job.name, job.payload, { key: job.key })).toBe(true);
      expect(await outbox.schedule(job.name, job.payload, { key: job.key })).toBe(false);
      expect(await jobRows(db, `${JobName.SendSignInCodeMail}-${job.key}`)).toMatchObject([
        { state: 'pending', attempts: 0 },
      ]);
    });

    it('writes nothing when the surrounding transaction rolls back', async () => {
      const job = mail();
      await expect(
        db.transaction(async () => {
          await outbox.scheduleMany([job]);
          throw new Error('the change that caused the job failed');
        }),
      ).rejects.toThrow('the change that caused the job failed');
      expect(await jobRows(db, `${JobName.SendSignInCodeMail}-${job.key}`)).toHaveLength(0);
    });

    it('refuses a payload off its schema before anything is stored', async () => {
      await expect(
        outbox.scheduleMany([
          mail(),
          { name: JobName.SendSignInCodeMail, payload: { signInCodeId: 'not-a-uuid' }, key: 'x' },
        ]),
      ).rejects.toThrow(/uuid/i);
      expect(await db.query(`SELECT 1 FROM job`)).toHaveLength(0);
    });
  });

  describe('relaying', () => {
    it('enqueues due rows under their deterministic id and records them enqueued with a lease', async () => {
      const job = mail();
      await outbox.scheduleMany([job]);
      expect(await relay.relayDue()).toBe(1);
      const [row] = await jobRows(db, `${JobName.SendSignInCodeMail}-${job.key}`);
      expect(row.state).toBe('enqueued');
      expect(row.lease_until!.getTime()).toBeGreaterThan(Date.now() + 50_000);
      const queued = await queues.get(QueueName.Mail).getJob(row.job_id);
      expect(queued?.name).toBe(JobName.SendSignInCodeMail);
      expect(queued?.data).toEqual(job.payload);
      // Claimed rows are not taken twice.
      expect(await relay.relayDue()).toBe(0);
    });

    it('keeps rows due later in Postgres only: Redis holds nothing for them', async () => {
      const job = mail();
      await outbox.scheduleMany([{ ...job, at: new Date(Date.now() + 3600_000) }]);
      expect(await relay.relayDue()).toBe(0);
      expect(await jobRows(db, `${JobName.SendSignInCodeMail}-${job.key}`)).toMatchObject([
        { state: 'pending' },
      ]);
      expect(
        await queues.get(QueueName.Mail).getJob(`${JobName.SendSignInCodeMail}-${job.key}`),
      ).toBeUndefined();
    });

    it('quarantines poison rows with their reason and relays the good ones of the batch', async () => {
      const good = [mail(), mail(), mail()];
      await outbox.scheduleMany([good[0]]);
      await db.query(
        `INSERT INTO job (job_name, job_id, payload) VALUES
           ('send-sign-in-code-mail', 'send-sign-in-code-mail-bad', '{"signInCodeId": 42}')`,
      );
      await outbox.scheduleMany(good.slice(1));
      expect(await relay.relayDue()).toBe(4);
      const rows = await db.query<{ job_id: string; state: string; last_error: string | null }>(
        `SELECT job_id, state, last_error FROM job ORDER BY id`,
      );
      expect(rows.filter((r) => r.state === 'enqueued')).toHaveLength(3);
      expect(rows.find((r) => r.job_id === 'send-sign-in-code-mail-bad')).toMatchObject({
        state: 'failed',
        last_error: expect.stringMatching(
          /payload does not fit "send-sign-in-code-mail": signInCodeId: Expected string/,
        ) as string,
      });
      for (const job of good) {
        expect(
          await queues.get(QueueName.Mail).getJob(`${JobName.SendSignInCodeMail}-${job.key}`),
        ).toBeDefined();
      }
    });

    it('leaves a job name it does not know to a newer version, and fails it once none took it', async () => {
      await db.query(
        `INSERT INTO job (job_name, job_id, payload, available_at) VALUES
           ('send-a-fax', 'send-a-fax-new', '{}', now() - interval '1 minute'),
           ('send-a-fax', 'send-a-fax-old', '{}', now() - interval '11 minutes')`,
      );
      expect(await relay.relayDue()).toBe(0);
      expect(await relay.failUnknown()).toBe(1);
      const rows = await db.query<{ job_id: string; state: string; last_error: string | null }>(
        `SELECT job_id, state, last_error FROM job ORDER BY job_id`,
      );
      expect(rows).toEqual([
        { job_id: 'send-a-fax-new', state: 'pending', last_error: null },
        { job_id: 'send-a-fax-old', state: 'failed', last_error: 'unknown job name "send-a-fax"' },
      ]);
    });

    it('enqueues each job once with two relays taking turns at the same rows', async () => {
      const jobs = Array.from({ length: 1500 }, () => mail());
      await outbox.scheduleMany(jobs);
      const drain = async (r: JobRelay) => {
        let total = 0;
        for (let taken = await r.relayDue(100); taken > 0; taken = await r.relayDue(100))
          total += taken;
        return total;
      };
      const [a, b] = await Promise.all([drain(relay), drain(otherRelay)]);
      expect(a + b).toBe(1500);
      expect(a).toBeGreaterThan(0);
      expect(b).toBeGreaterThan(0);
      const events = await enqueueEvents(config, QueueName.Mail);
      expect(events.duplicated).toBe(0);
      expect(events.added.size).toBe(1500);
      expect([...events.added.values()].every((count) => count === 1)).toBe(true);
    });
  });

  describe('sweeping', () => {
    const expireLeases = () =>
      db.query(`UPDATE job SET lease_until = now() - interval '1 second' WHERE state = 'enqueued'`);

    it('renews the lease of jobs Redis still holds and enqueues again, once, those it lost', async () => {
      const jobs = Array.from({ length: 600 }, () => mail());
      await outbox.scheduleMany(jobs);
      while ((await relay.relayDue()) > 0);
      // Redis loses a third of them (their keys under this test's prefix go).
      const lost = jobs.filter((_, index) => index % 3 === 0);
      const queue = queues.get(QueueName.Mail);
      for (const job of lost) await queue.remove(`${JobName.SendSignInCodeMail}-${job.key}`);
      await clearEvents(config);
      await expireLeases();

      const [a, b] = await Promise.all([sweepAll(relay), sweepAll(otherRelay)]);
      expect(a.rescued + b.rescued).toBe(lost.length);
      expect(a.held + b.held).toBe(jobs.length - lost.length);
      const rows = await jobRows(db, `${JobName.SendSignInCodeMail}-`);
      const lostIds = new Set(lost.map((job) => `${JobName.SendSignInCodeMail}-${job.key}`));
      for (const row of rows) {
        expect(row.state).toBe('enqueued');
        expect(row.rescues).toBe(lostIds.has(row.job_id) ? 1 : 0);
        expect(row.lease_until!.getTime()).toBeGreaterThan(Date.now());
        expect(await queue.getJob(row.job_id)).toBeDefined();
      }
      const events = await enqueueEvents(config, QueueName.Mail);
      expect(events.duplicated).toBe(0);
      expect(events.added.size).toBe(lost.length);
      expect([...events.added.values()].every((count) => count === 1)).toBe(true);
    });

    it('takes out a finished job Redis kept under the id (an older version kept them) and enqueues it again', async () => {
      const job = mail();
      const id = `${JobName.SendSignInCodeMail}-${job.key}`;
      await outbox.scheduleMany([job]);
      await relay.relayDue();
      // As the old defaults did: the job ran (its record was not written) and Redis kept it.
      const kept = queues.get(QueueName.Mail);
      await kept.remove(id);
      await kept.add(JobName.SendSignInCodeMail, job.payload, {
        jobId: id,
        removeOnComplete: false,
      });
      const worker = new Worker(QueueName.Mail, () => Promise.resolve('ran'), {
        connection: redisOptions(config.redis.url),
        prefix: config.queue.prefix,
      });
      await new Promise<void>((resolve) => worker.once('completed', () => resolve()));
      await worker.close();
      expect(await kept.getJobState(id)).toBe('completed');
      await expireLeases();
      expect(await relay.sweepExpired()).toEqual({ held: 0, rescued: 1, failed: 0 });
      expect(await kept.getJobState(id)).toBe('waiting');
      expect(await jobRows(db, id)).toMatchObject([{ state: 'enqueued', rescues: 1 }]);
    });

    it('leaves a job alone while its lease runs', async () => {
      await outbox.scheduleMany([mail()]);
      await relay.relayDue();
      await clearRedisPrefix(config);
      expect(await relay.sweepExpired()).toEqual({ held: 0, rescued: 0, failed: 0 });
    });

    it(`fails a job for good once Redis or its worker lost it ${MAX_RESCUES} times`, async () => {
      const job = mail();
      await outbox.scheduleMany([job]);
      await relay.relayDue();
      await db.query(`UPDATE job SET rescues = $1`, [MAX_RESCUES]);
      await clearRedisPrefix(config);
      await expireLeases();
      expect(await relay.sweepExpired()).toEqual({ held: 0, rescued: 0, failed: 1 });
      expect(await jobRows(db, `${JobName.SendSignInCodeMail}-${job.key}`)).toMatchObject([
        {
          state: 'failed',
          last_error: expect.stringMatching(/lost by Redis or its worker 6 times/) as string,
        },
      ]);
    });
  });

  describe('schedules', () => {
    let scheduler: JobScheduler;
    let schedulerContext: TestingModule;

    beforeAll(async () => {
      schedulerContext = await createContext([JobOutboxModule, JobRelayModule], config, [
        JobScheduler,
        JobRepository,
      ]);
      scheduler = schedulerContext.get(JobScheduler);
      await scheduler.onApplicationShutdown();
    });

    afterAll(() => schedulerContext.close());

    const key = JOB_SCHEDULES[0].key;
    const runsOf = () =>
      db.query<{ job_id: string }>(`SELECT job_id FROM job WHERE job_id LIKE '%' || $1 || '-%'`, [
        key,
      ]);

    it('keeps every schedule in Postgres with its next slot', async () => {
      await scheduler.sync(JOB_SCHEDULES);
      const rows = await db.query<{ key: string; next_run_at: Date }>(
        `SELECT key, next_run_at FROM job_schedule ORDER BY key`,
      );
      expect(rows.map((row) => row.key)).toEqual(JOB_SCHEDULES.map((s) => s.key).sort());
      for (const row of rows) expect(row.next_run_at.getTime()).toBeGreaterThan(Date.now());
    });

    it('runs a schedule missed for days once, then waits for its next slot', async () => {
      await scheduler.sync(JOB_SCHEDULES);
      const missed = new Date(Date.now() - 3 * 24 * 3600_000);
      await db.query(`UPDATE job_schedule SET next_run_at = $2 WHERE key = $1`, [key, missed]);
      // Two schedulers at once (two workers): one run between them.
      const [a, b] = await Promise.all([scheduler.enqueueDue(), scheduler.enqueueDue()]);
      expect(a + b).toBe(1);
      const runs = await runsOf();
      expect(runs).toHaveLength(1);
      expect(runs[0].job_id).toMatch(/-\d{8}T\d{6}Z$/);
      const [schedule] = await db.query<{ next_run_at: Date; last_run_at: Date }>(
        `SELECT next_run_at, last_run_at FROM job_schedule WHERE key = $1`,
        [key],
      );
      expect(schedule.next_run_at.getTime()).toBeGreaterThan(Date.now());
      expect(schedule.last_run_at).toEqual(missed);
      expect(await scheduler.enqueueDue()).toBe(0);
    });

    it('never doubles a slot, even when the schedule is rewound to it', async () => {
      await scheduler.sync(JOB_SCHEDULES);
      const slot = new Date(Date.now() - 60_000);
      await db.query(`UPDATE job_schedule SET next_run_at = $2 WHERE key = $1`, [key, slot]);
      expect(await scheduler.enqueueDue()).toBe(1);
      await db.query(`UPDATE job_schedule SET next_run_at = $2 WHERE key = $1`, [key, slot]);
      expect(await scheduler.enqueueDue()).toBe(0);
      expect(await runsOf()).toHaveLength(1);
    });

    it('takes a changed pattern from the code, and leaves schedules it does not know unrun', async () => {
      await db.query(`DELETE FROM job_schedule`);
      await db.query(
        `INSERT INTO job_schedule (key, job_name, payload, pattern, next_run_at)
         VALUES ('a-newer-versions', 'probe', '{}', '0 * * * *', now() - interval '1 hour')`,
      );
      await scheduler.sync([{ ...JOB_SCHEDULES[0], pattern: '0 12 * * *' }]);
      expect(await scheduler.enqueueDue()).toBe(0);
      const rows = await db.query<{ key: string; pattern: string; next_run_at: Date }>(
        `SELECT key, pattern, next_run_at FROM job_schedule ORDER BY key`,
      );
      expect(rows.map((row) => row.key)).toEqual(['a-newer-versions', key]);
      rows.shift();
      expect(rows[0]).toMatchObject({ key, pattern: '0 12 * * *' });
      expect(
        new Intl.DateTimeFormat('en-GB', {
          timeZone: 'Europe/London',
          hour: '2-digit',
          minute: '2-digit',
        }).format(rows[0].next_run_at),
      ).toBe('12:00');
    });

    it('refuses a schedule whose pattern, payload or key is wrong', async () => {
      await expect(
        scheduler.sync([{ ...JOB_SCHEDULES[0], pattern: '61 3 * * *' }]),
      ).rejects.toThrow(/pattern/);
      await expect(
        scheduler.sync([
          {
            key: 'expand-one',
            name: JobName.ExpandActivitySessions,
            payload: JSON.parse('{}') as { activityId: string },
            pattern: '0 3 * * *',
          },
        ]),
      ).rejects.toThrow(/payload does not fit/);
      await expect(scheduler.sync([{ ...JOB_SCHEDULES[0], key: 'daily:expand' }])).rejects.toThrow(
        /letters, digits/,
      );
    });
  });

  describe('pruning and what operators see', () => {
    const seed = async () => {
      await db.query(
        `INSERT INTO job (job_name, job_id, payload, state, finished_at, attempts, last_error)
         SELECT 'probe', 'probe-old-' || i, '{}', 'done', now() - interval '15 days', 1, NULL
           FROM generate_series(1, 12000) i`,
      );
      await db.query(
        `INSERT INTO job (job_name, job_id, payload, state, finished_at, attempts, last_error) VALUES
           ('probe', 'probe-recent', '{}', 'done', now() - interval '13 days', 1, NULL),
           ('probe', 'probe-failed-old', '{}', 'failed', now() - interval '40 days', 6, 'boom'),
           ('send-sign-in-code-mail', 'send-sign-in-code-mail-failed', '{"signInCodeId": "${randomUUID()}"}', 'failed', now(), 6, 'SMTP said no'),
           ('probe', 'probe-pending', '{"requestedAt": "2026-01-01T00:00:00Z"}', 'pending', NULL, 0, NULL)`,
      );
    };

    it('prunes done records past the retention, in batches, and keeps the rest', async () => {
      await seed();
      const repository = context.get(JobRepository, { strict: false });
      let batches = 0;
      let deleted = 0;
      for (
        let batch = await repository.pruneDone(14, 5000);
        ;
        batch = await repository.pruneDone(14, 5000)
      ) {
        batches += 1;
        deleted += batch;
        if (batch < 5000) break;
      }
      expect(deleted).toBe(12000);
      expect(batches).toBe(3);
      const left = await db.query<{ job_id: string }>(`SELECT job_id FROM job ORDER BY job_id`);
      expect(left.map((row) => row.job_id)).toEqual([
        'probe-failed-old',
        'probe-pending',
        'probe-recent',
        'send-sign-in-code-mail-failed',
      ]);
    });

    it('counts jobs by state and name, lists failed ones and puts them back to run', async () => {
      await seed();
      const admin = context.get(JobAdminService);
      const summary = await admin.summary();
      expect(summary.counts).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ state: 'done', jobName: 'probe', count: 12001 }),
          expect.objectContaining({ state: 'failed', jobName: 'probe', count: 1 }),
          expect.objectContaining({ state: 'pending', jobName: 'probe', count: 1 }),
        ]),
      );
      expect(summary.oldestPending).toEqual({
        jobName: 'probe',
        dueAt: expect.any(Date) as Date,
      });

      const failedMail = await admin.failed({ jobName: JobName.SendSignInCodeMail });
      expect(failedMail).toMatchObject([
        { jobId: 'send-sign-in-code-mail-failed', attempts: 6, lastError: 'SMTP said no' },
      ]);
      expect(await admin.failed({})).toHaveLength(2);

      const [retried] = await admin.retry({ id: failedMail[0].id });
      expect(retried).toBe(failedMail[0].id);
      expect(await jobRows(db, 'send-sign-in-code-mail-failed')).toMatchObject([
        { state: 'pending', attempts: 0, rescues: 0 },
      ]);
      await expect(admin.retry({ id: failedMail[0].id })).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      await expect(admin.retry({ id: '99999999' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(admin.retry({ id: 'drop table' })).rejects.toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(await admin.retry({ jobName: JobName.Probe })).toHaveLength(1);
    });

    it('finds jobs more than a minute overdue, for the worker to warn about', async () => {
      const watchContext = await createContext([], config, [JobLatenessWatch, JobRepository]);
      try {
        const watch = watchContext.get(JobLatenessWatch);
        await watch.onApplicationShutdown();
        const warn = jest.spyOn(watch['logger'], 'warn');
        await outbox.scheduleMany([{ ...mail(), at: new Date(Date.now() - 30_000) }]);
        await watch.check();
        expect(warn).not.toHaveBeenCalled();
        await outbox.scheduleMany([{ ...mail(), at: new Date(Date.now() - 5 * 60_000) }]);
        await watch.check();
        expect(warn).toHaveBeenCalledWith(
          expect.objectContaining({ lateJobs: 1, oldestJob: JobName.SendSignInCodeMail }),
          expect.stringMatching(
            /1 jobs are overdue; the oldest \(send-sign-in-code-mail\) was due 3\d\d s ago/,
          ),
        );
      } finally {
        await watchContext.close();
      }
    });
  });
});

async function sweepAll(relay: JobRelay): Promise<{ held: number; rescued: number }> {
  const total = { held: 0, rescued: 0 };
  for (;;) {
    const swept = await relay.sweepExpired(50);
    total.held += swept.held;
    total.rescued += swept.rescued;
    if (swept.held + swept.rescued + swept.failed === 0) return total;
  }
}

async function clearEvents(config: KithConfig): Promise<void> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(config.redis.url);
  await redis.del(`${config.queue.prefix}:${QueueName.Mail}:events`);
  redis.disconnect();
}
