import { Injectable, Module } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { QueueEvents } from 'bullmq';
import type { Job as BullJob } from 'bullmq';
import {
  Db,
  done,
  JobHandler,
  JobName,
  JobOutbox,
  MAX_ATTEMPTS,
  QueueName,
  QueueRegistry,
  redisOptions,
  WorkerHost,
  WorkerHostModule,
} from '@kith/platform';
import type { JobContext, JobResult, KithConfig } from '@kith/platform';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { freshDatabase } from '../support/databases';
import { jobRows } from '../support/jobs';
import { clearRedisPrefix } from '../support/redis';

interface Plan {
  /** Throw this many times (after writing the effect) before succeeding. */
  failTimes?: number;
  /** Wait for this before returning. */
  hold?: Promise<void>;
  started?: () => void;
  error?: Error;
}

/**
 * Stand-ins for the real handlers, to drive the worker's bookkeeping: an atomic one whose effect
 * is a row in `test_effect`, and one that works outside any transaction.
 */
@Injectable()
class StandInHandlers {
  readonly calls = new Map<string, number>();
  readonly plans = new Map<string, Plan>();

  constructor(private readonly db: Db) {}

  private count(jobId: string): Plan {
    this.calls.set(jobId, (this.calls.get(jobId) ?? 0) + 1);
    return this.plans.get(jobId) ?? {};
  }

  @JobHandler(JobName.ExpandRecurringSessions)
  async atomic(_payload: Record<string, never>, { jobId }: JobContext): Promise<JobResult> {
    const plan = this.count(jobId);
    await this.db.query(`INSERT INTO test_effect (job_id) VALUES ($1)`, [jobId]);
    plan.started?.();
    await plan.hold;
    if ((plan.failTimes ?? 0) > 0) {
      plan.failTimes = (plan.failTimes ?? 0) - 1;
      throw plan.error ?? new Error('stand-in failure');
    }
    return done;
  }

  @JobHandler(JobName.ExpandActivitySessions)
  unused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.DecideNudge)
  alsoUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.DeliverNudge, { atomic: false })
  deliverUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.CheckPushReceipts, { atomic: false })
  receiptsUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.PruneDevices, { atomic: false })
  pruneUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.FindDueNudges)
  findUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.ReleaseDueNudges)
  releaseUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.SendDigest, { atomic: false })
  digestUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.RecountCoAttendance)
  recountUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.TakeNetworkSnapshots, { atomic: false })
  snapshotsUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.RollUpSessionAttendance)
  rollUpUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.RebuildParticipationRollups)
  rebuildUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.RollUpMember)
  rollUpMemberUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.AuthSessionEnded)
  authSessionEndedUnused(): Promise<JobResult> {
    return Promise.resolve(done);
  }

  @JobHandler(JobName.SendSignInCodeMail, { atomic: false })
  async outside(_payload: { signInCodeId: string }, { jobId }: JobContext): Promise<JobResult> {
    const plan = this.count(jobId);
    plan.started?.();
    await plan.hold;
    return done;
  }
}

@Module({ providers: [StandInHandlers] })
class StandInModule {}

const LEASE_MS = 3000;

describe('the worker records each run in the job row', () => {
  let database: { url: string; drop: () => Promise<void> };
  let config: KithConfig;
  let context: TestingModule;
  let db: Db;
  let outbox: JobOutbox;
  let handlers: StandInHandlers;
  let events: QueueEvents;
  let serial = 0;

  beforeAll(async () => {
    database = await freshDatabase('worker_runs');
    config = testConfig({ DATABASE_URL: database.url, JOB_LEASE_MS: String(LEASE_MS) });
    const setup = await createContext([], config);
    await setup.get(Db).query(`CREATE TABLE test_effect (job_id text NOT NULL)`);
    await setup.close();
    events = new QueueEvents(QueueName.Default, {
      connection: redisOptions(config.redis.url),
      prefix: config.queue.prefix,
    });
    await events.waitUntilReady();
    context = await createContext([WorkerHostModule, StandInModule], config);
    db = context.get(Db);
    outbox = context.get(JobOutbox);
    handlers = context.get(StandInHandlers);
  });

  afterAll(async () => {
    await events?.close();
    await context?.close();
    await clearRedisPrefix(config);
    await database?.drop();
  });

  const nextKey = () => `t${(serial += 1)}-${Date.now()}`;
  const atomicId = (key: string) => `${JobName.ExpandRecurringSessions}-${key}`;
  const effects = async (jobId: string) =>
    (await db.query(`SELECT 1 FROM test_effect WHERE job_id = $1`, [jobId])).length;

  /** Resolves with how the job's next delivery ended in BullMQ. */
  function finished(jobId: string): Promise<'completed' | 'failed'> {
    return new Promise((resolve) => {
      const onCompleted = (args: { jobId: string }) => end(args, 'completed');
      const onFailed = (args: { jobId: string }) => end(args, 'failed');
      const end = (args: { jobId: string }, how: 'completed' | 'failed') => {
        if (args.jobId !== jobId) return;
        events.off('completed', onCompleted);
        events.off('failed', onFailed);
        resolve(how);
      };
      events.on('completed', onCompleted);
      events.on('failed', onFailed);
    });
  }

  it('commits the effect and "done" together: a failed attempt leaves neither', async () => {
    const key = nextKey();
    handlers.plans.set(atomicId(key), { failTimes: 1 });
    const end = finished(atomicId(key));
    await outbox.schedule(JobName.ExpandRecurringSessions, {}, { key });
    expect(await end).toBe('completed');
    expect(handlers.calls.get(atomicId(key))).toBe(2);
    expect(await effects(atomicId(key))).toBe(1);
    expect(await jobRows(db, atomicId(key))).toMatchObject([
      { state: 'done', attempts: 2, last_error: 'stand-in failure', result: { status: 'done' } },
    ]);
  });

  it('never lets a job whose effect committed take effect again, however often it is delivered', async () => {
    const key = nextKey();
    const first = finished(atomicId(key));
    await outbox.schedule(JobName.ExpandRecurringSessions, {}, { key });
    await first;
    // Delivered again, as after a crash between the commit and BullMQ's acknowledgement.
    const again = finished(atomicId(key));
    await context
      .get(QueueRegistry)
      .get(QueueName.Default)
      .add(JobName.ExpandRecurringSessions, {}, { jobId: atomicId(key) });
    expect(await again).toBe('completed');
    // The handler may run again (it re-reads state), but its writes roll back with the skip.
    expect(await effects(atomicId(key))).toBe(1);
    expect(await jobRows(db, atomicId(key))).toMatchObject([{ state: 'done', attempts: 1 }]);
  });

  it('makes a second delivery at the same moment wait on the row, find the job done and roll back', async () => {
    const key = nextKey();
    const id = atomicId(key);
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    handlers.plans.set(id, { hold: new Promise((resolve) => (release = resolve)), started });
    // Recorded but not relayed, so only these two deliveries run it.
    await outbox.schedule(
      JobName.ExpandRecurringSessions,
      {},
      {
        key,
        at: new Date(Date.now() + 3600_000),
      },
    );
    const host = context.get(WorkerHost);
    const delivery = {
      id,
      name: JobName.ExpandRecurringSessions,
      data: {},
      attemptsMade: 0,
    } as BullJob;
    const a = host.run(delivery);
    await running;
    const b = host.run(delivery);
    release();
    // Which of the two takes the row first is up to Postgres; one does the work, one skips.
    expect(await Promise.all([a, b])).toEqual(
      expect.arrayContaining([{ status: 'done' }, { status: 'skipped', reason: 'already done' }]),
    );
    expect(handlers.calls.get(id)).toBe(2);
    expect(await effects(id)).toBe(1);
  });

  it('skips a delivery Postgres has no record of, leaving no effect', async () => {
    const id = atomicId(nextKey());
    const end = finished(id);
    await context
      .get(QueueRegistry)
      .get(QueueName.Default)
      .add(JobName.ExpandRecurringSessions, {}, { jobId: id });
    expect(await end).toBe('completed');
    expect(await effects(id)).toBe(0);
  });

  it(`fails a job for good on its ${MAX_ATTEMPTS}th failed attempt, keeping the error and count`, async () => {
    const key = nextKey();
    const id = atomicId(key);
    handlers.plans.set(id, { failTimes: 100 });
    await outbox.schedule(
      JobName.ExpandRecurringSessions,
      {},
      {
        key,
        at: new Date(Date.now() + 3600_000),
      },
    );
    await db.query(`UPDATE job SET attempts = $2, available_at = now() WHERE job_id = $1`, [
      id,
      MAX_ATTEMPTS - 1,
    ]);
    expect(await finished(id)).toBe('failed');
    expect(handlers.calls.get(id)).toBe(1);
    expect(await effects(id)).toBe(0);
    expect(await jobRows(db, id)).toMatchObject([
      { state: 'failed', attempts: MAX_ATTEMPTS, last_error: 'stand-in failure' },
    ]);
  });

  it('fails for good, without running it, a job whose payload does not fit its schema', async () => {
    const id = `${JobName.ExpandActivitySessions}-${nextKey()}`;
    await db.query(
      `INSERT INTO job (job_name, job_id, payload, state, lease_until)
       VALUES ($1, $2, '{"activityId": "not-a-uuid"}', 'enqueued', now() + interval '1 hour')`,
      [JobName.ExpandActivitySessions, id],
    );
    const end = finished(id);
    await context
      .get(QueueRegistry)
      .get(QueueName.Default)
      .add(JobName.ExpandActivitySessions, { activityId: 'not-a-uuid' }, { jobId: id });
    expect(await end).toBe('failed');
    expect(handlers.calls.get(id)).toBeUndefined();
    expect(await jobRows(db, id)).toMatchObject([
      {
        state: 'failed',
        attempts: 1,
        last_error: expect.stringMatching(
          /payload does not fit .*activityId: Invalid uuid/,
        ) as string,
      },
    ]);
  });

  it('keeps what SMTP said in the job record without the addresses it quoted', async () => {
    const key = nextKey();
    const id = atomicId(key);
    handlers.plans.set(id, {
      failTimes: 1,
      error: new Error('550 5.1.1 <ada.lovelace@example.test>: Recipient address rejected'),
    });
    const end = finished(id);
    await outbox.schedule(JobName.ExpandRecurringSessions, {}, { key });
    expect(await end).toBe('completed');
    expect(await jobRows(db, id)).toMatchObject([
      { state: 'done', last_error: '550 5.1.1 <<address>>: Recipient address rejected' },
    ]);
  });

  it('keeps the lease of a job running outside a transaction, so a Redis that lost it does not run it twice', async () => {
    const signInCodeId = '9b2f0c3e-0d3a-4f7e-9a57-5b9f6c2d8e41';
    const id = `${JobName.SendSignInCodeMail}-${signInCodeId}`;
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    handlers.plans.set(id, { hold: new Promise((resolve) => (release = resolve)), started });
    await outbox.schedule(JobName.SendSignInCodeMail, { signInCodeId }, { key: signInCodeId });
    await running;
    // Redis loses everything while the job runs; its lease would run out twice over meanwhile.
    await clearRedisPrefix(config);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 2.5));
    expect(handlers.calls.get(id)).toBe(1);
    expect(await jobRows(db, id)).toMatchObject([{ state: 'enqueued', rescues: 0 }]);
    release();
    // BullMQ cannot report it (Redis lost it), so the row is the only witness.
    const [row] = await waitForState(db, id, 'done');
    expect(row).toMatchObject({ attempts: 1, rescues: 0 });
    expect(handlers.calls.get(id)).toBe(1);
  });
});

/** The job's row once it reaches `state`, read every 50 ms: Postgres has no event to wait on. */
async function waitForState(db: Db, jobId: string, state: string) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const rows = await jobRows(db, jobId);
    if (rows[0]?.state === state) return rows;
    if (Date.now() > deadline) throw new Error(`${jobId} is ${rows[0]?.state}, not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
