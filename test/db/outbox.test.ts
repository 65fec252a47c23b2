import type { TestingModule } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import {
  Db,
  JobName,
  JobOutbox,
  OutboxRelay,
  OutboxRelayModule,
  JobOutboxModule,
  QueueName,
  QueueRegistry,
} from '@kith/platform';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { clearRedisPrefix } from '../support/redis';

describe('the outbox and its relay', () => {
  let context: TestingModule;
  let db: Db;
  let outbox: JobOutbox;
  let relay: OutboxRelay;
  let queues: QueueRegistry;

  const config = testConfig();

  beforeAll(async () => {
    context = await createContext([JobOutboxModule, OutboxRelayModule], config);
    db = context.get(Db);
    outbox = context.get(JobOutbox);
    relay = context.get(OutboxRelay);
    queues = context.get(QueueRegistry);
    // Stop the background loop: these tests drive the relay by hand.
    await relay.onApplicationShutdown();
  });

  afterAll(async () => {
    await context.close();
    await clearRedisPrefix(config);
  });

  const rowsFor = (id: string) =>
    db.query<{ job_id: string; dispatched_at: Date | null }>(
      `SELECT job_id, dispatched_at FROM outbox WHERE payload->>'signInCodeId' = $1`,
      [id],
    );

  it('writes one row per key, however often it is scheduled', async () => {
    const id = randomUUID();
    expect(
      await outbox.schedule(JobName.SendSignInCodeMail, { signInCodeId: id }, { key: id }),
    ).toBe(true);
    expect(
      await outbox.schedule(JobName.SendSignInCodeMail, { signInCodeId: id }, { key: id }),
    ).toBe(false);
    expect(await rowsFor(id)).toHaveLength(1);
  });

  it('writes nothing when the surrounding transaction rolls back', async () => {
    const id = randomUUID();
    await expect(
      db.transaction(async () => {
        await outbox.schedule(JobName.SendSignInCodeMail, { signInCodeId: id }, { key: id });
        throw new Error('the change that caused the job failed');
      }),
    ).rejects.toThrow('the change that caused the job failed');
    expect(await rowsFor(id)).toHaveLength(0);
  });

  it('relays due rows to BullMQ under their deterministic id, once', async () => {
    const id = randomUUID();
    await outbox.schedule(JobName.SendSignInCodeMail, { signInCodeId: id }, { key: id });
    expect(await relay.relayDue()).toBeGreaterThanOrEqual(1);
    const [row] = await rowsFor(id);
    expect(row.dispatched_at).not.toBeNull();

    const queue = queues.get(QueueName.Mail);
    const job = await queue.getJob(`send-sign-in-code-mail-${id}`);
    expect(job?.name).toBe(JobName.SendSignInCodeMail);
    expect(job?.data).toEqual({ signInCodeId: id });

    // Relaying the same row again (a crash between Redis and the commit) is still one job.
    await db.query(`UPDATE outbox SET dispatched_at = NULL WHERE job_id = $1`, [row.job_id]);
    await relay.relayDue();
    const waiting = await queue.getJobs(['waiting', 'delayed', 'active', 'completed']);
    expect(waiting.filter((j) => j.id === `send-sign-in-code-mail-${id}`)).toHaveLength(1);
  });

  it('keeps rows due later in Postgres until they fall due', async () => {
    const id = randomUUID();
    await outbox.schedule(
      JobName.SendSignInCodeMail,
      { signInCodeId: id },
      { key: id, at: new Date(Date.now() + 3600_000) },
    );
    await relay.relayDue();
    const [row] = await rowsFor(id);
    expect(row.dispatched_at).toBeNull();
    expect(await queues.get(QueueName.Mail).getJob(`send-sign-in-code-mail-${id}`)).toBeUndefined();
  });
});
