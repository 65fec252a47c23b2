import { QueueEvents } from 'bullmq';
import { JobName, QueueName, QueueRegistry, redisOptions } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig, testEnv } from '../support/config';
import { freshDatabase, queryDatabase as sql } from '../support/databases';
import { runBuilt } from '../support/processes';
import type { RunningProcess } from '../support/processes';
import { PrivateRedis } from '../support/redis';
import { REQUEST_CODE, uniqueEmail } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { FAST, finishedLog, LEASE_MS, mailJobOf, startWorkerProcess } from '../support/job-faults';

class EventLog {
  private readonly ids = new Set<string>();
  private readonly waiters = new Map<string, () => void>();

  constructor(events: QueueEvents, event: 'waiting') {
    events.on(event, ({ jobId }) => {
      this.ids.add(jobId);
      this.waiters.get(jobId)?.();
    });
  }

  seen(jobId: string): Promise<void> {
    if (this.ids.has(jobId)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.set(jobId, resolve));
  }
}

describe('Redis lost with jobs waiting, delayed for a retry and running', () => {
  const redis = new PrivateRedis();
  const sink = new SmtpSink();
  let database: { url: string; drop: () => Promise<void> };
  let api: RunningApi;
  let worker: RunningProcess;
  let events: QueueEvents;
  let waitingSeen: EventLog;

  beforeAll(async () => {
    database = await freshDatabase('job_faults_redis');
    await redis.start();
    const config = testConfig({
      ...FAST,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      MAIL_URL: await sink.start(),
    });
    api = await startApi(config);
    worker = await startWorkerProcess(config);
    events = new QueueEvents(QueueName.Mail, {
      connection: redisOptions(redis.url),
      prefix: config.queue.prefix,
    });
    await events.waitUntilReady();
    waitingSeen = new EventLog(events, 'waiting');
  });

  afterAll(async () => {
    await events?.close();
    await worker?.kill();
    await api?.close();
    await sink.stop();
    await redis.stop();
    await database?.drop();
  });

  const request = async (email: string) => {
    expect((await api.gql(REQUEST_CODE, { email })).data).toEqual({ requestSignInCode: true });
    return mailJobOf(database.url, email);
  };

  it('completes each exactly once, and the daily schedule still fires', async () => {
    const queue = () => api.app.get(QueueRegistry).get(QueueName.Mail);

    // Delayed for a retry: the mail server says "try again later" to the first two attempts;
    // after the second, the retry waits 4 s.
    const delayed = uniqueEmail('delayed');
    sink.refuse(delayed, 2);
    const delayedJob = await request(delayed);
    await worker.waitForLog(
      (line) => line.msg === 'job failed' && line.jobId === delayedJob && line.attempt === 2,
      'the second attempt failing',
    );
    expect(await queue().getJobState(delayedJob)).toBe('delayed');
    await redis.flush();
    expect(await queue().getJobState(delayedJob)).toBe('unknown');

    // Running and waiting: the one mail slot is taken by a send the server sits on.
    const running = uniqueEmail('running');
    const held = sink.hold(running);
    const runningJob = await request(running);
    await held.arrived;
    const waiting = [uniqueEmail('waiting'), uniqueEmail('waiting')];
    const waitingJobs: string[] = [];
    for (const email of waiting) waitingJobs.push(await request(email));
    await Promise.all(waitingJobs.map((job) => waitingSeen.seen(job)));
    expect(await queue().getJobState(runningJob)).toBe('active');
    for (const job of waitingJobs) expect(await queue().getJobState(job)).toBe('waiting');
    await redis.flush();
    held.release();

    const everyone = [delayed, running, ...waiting];
    await Promise.all(everyone.map((email) => sink.delivered(email)));
    for (const job of [delayedJob, ...waitingJobs]) {
      await worker.waitForLog(finishedLog(job), `${job} finishing after Redis came back`);
    }
    // Give a duplicate the time to show: one more lease, when the sweeper looks again.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 1.5));
    for (const email of everyone) expect(sink.countTo(email)).toBe(1);
    const rows = await sql<{ job_id: string; state: string; rescues: number }>(
      database.url,
      `SELECT job_id, state, rescues FROM job WHERE job_name = $1`,
      [JobName.SendSignInCodeMail],
    );
    expect(rows).toHaveLength(4);
    const byId = new Map(rows.map((row) => [row.job_id, row]));
    for (const job of [delayedJob, ...waitingJobs]) {
      expect(byId.get(job)).toMatchObject({ state: 'done', rescues: 1 });
    }
    // The running one kept its lease while it ran, so it was never enqueued again.
    expect(byId.get(runningJob)).toMatchObject({ state: 'done', rescues: 0 });

    // The daily schedule lives in Postgres: its next slot comes (here: now) and it runs.
    await sql(database.url, `UPDATE job_schedule SET next_run_at = now() WHERE key = $1`, [
      'expand-recurring-sessions-daily',
    ]);
    const expansion = await worker.waitForLog(
      (line) => line.msg === 'job finished' && line.job === JobName.ExpandRecurringSessions,
      'the daily expansion',
    );
    expect(expansion.jobId).toMatch(/^expand-recurring-sessions-expand-recurring-sessions-daily-/);
  });
});

describe('the worker killed mid-job', () => {
  const sink = new SmtpSink();
  let database: { url: string; drop: () => Promise<void> };
  let api: RunningApi;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    database = await freshDatabase('job_faults_kill');
    const config = testConfig({
      ...FAST,
      DATABASE_URL: database.url,
      MAIL_URL: await sink.start(),
    });
    api = await startApi(config);
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    await api?.close();
    await sink.stop();
    await database?.drop();
  });

  it('completes the job once when a worker starts again, and shows the interrupted send', async () => {
    const first = await startWorkerProcess(api.config);
    workers.push(first);
    const email = uniqueEmail('killed');
    const held = sink.hold(email);
    expect((await api.gql(REQUEST_CODE, { email })).data).toEqual({ requestSignInCode: true });
    const jobId = await mailJobOf(database.url, email);
    await held.arrived;
    // Mid-send: the mail is on the wire and the worker dies before the server says 250.
    await first.kill('SIGKILL');
    const [code] = await sql<{ mail_sending_at: Date | null; mail_sent_at: Date | null }>(
      database.url,
      `SELECT mail_sending_at, mail_sent_at FROM sign_in_code WHERE email = $1`,
      [email],
    );
    expect(code.mail_sending_at).not.toBeNull();
    expect(code.mail_sent_at).toBeNull();
    expect(sink.countTo(email)).toBe(0);

    const second = await startWorkerProcess(api.config);
    workers.push(second);
    await second.waitForLog(finishedLog(jobId), 'the job finishing on the new worker');
    await second.waitForLog(
      (line) => /stopped while sending this code/.test(String(line.msg)),
      'the warning about the interrupted send',
    );
    expect(sink.countTo(email)).toBe(1);
    const [row] = await sql<{ state: string; attempts: number }>(
      database.url,
      `SELECT state, attempts FROM job WHERE job_id = $1`,
      [jobId],
    );
    expect(row).toEqual({ state: 'done', attempts: 1 });

    // The operator's probe goes through the same relay, Redis and worker.
    const probe = await runBuilt(
      'cli',
      ['jobs', 'probe', '--timeout-ms', '10000'],
      testEnv({ DATABASE_URL: database.url }),
    );
    expect(probe.stdout).toMatch(
      /a probe job went through the relay, Redis and a worker in \d+ ms/,
    );
  });
});
