import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { TestingModule } from '@nestjs/testing';
import { IdentityModule } from '@kith/identity';
import { Db } from '@kith/platform';
import type { OutgoingMail } from '@kith/platform';
import { SignInCodeMailHandler } from '../../libs/identity/src/sign-in-code.mail-handler';
import { createContext } from '../support/context';
import { uniqueEmail } from '../support/sign-in';

@Injectable()
class RecordingMailer {
  readonly sent: OutgoingMail[] = [];
  /** Errors to throw, in turn, before sending works again. */
  readonly failures: Error[] = [];
  /** Called as a send begins (before it ends): lets a test start a second delivery meanwhile. */
  onSend: (() => Promise<void>) | undefined;
  async send(mail: OutgoingMail): Promise<void> {
    await this.onSend?.();
    const failure = this.failures.shift();
    // A failure after the server took the mail (a timeout on its reply) still delivered it.
    this.sent.push(mail);
    if (failure) throw failure;
  }
}

const timedOut = () => Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' });
const refused = () =>
  Object.assign(new Error('Mailbox busy, try again'), { code: 'EENVELOPE', responseCode: 451 });

describe('the sign-in code mail job', () => {
  let context: TestingModule;
  let handler: SignInCodeMailHandler;
  let db: Db;
  let mailer: RecordingMailer;

  beforeAll(async () => {
    context = await createContext([IdentityModule]);
    db = context.get(Db);
    // Handlers re-read state: a handler built over a recording mailer shows what it would send.
    mailer = new RecordingMailer();
    const real = context.get(SignInCodeMailHandler);
    handler = Object.assign(
      Object.create(SignInCodeMailHandler.prototype) as SignInCodeMailHandler,
      real,
      { mailer },
    );
  });

  afterAll(() => context.close());

  async function code(
    email: string,
    changes: { expiresInMs?: number; consumed?: boolean; createdAgoMs?: number } = {},
  ): Promise<string> {
    const id = randomUUID();
    await db.query(
      `INSERT INTO sign_in_code (id, email, code_hash, expires_at, consumed_at, created_at)
       VALUES ($1, $2, 'h', now() + ($3 || ' milliseconds')::interval, $4, now() - ($5 || ' milliseconds')::interval)`,
      [
        id,
        email,
        String(changes.expiresInMs ?? 600_000),
        changes.consumed ? new Date() : null,
        String(changes.createdAgoMs ?? 0),
      ],
    );
    return id;
  }

  it('sends a live code once and skips the retry', async () => {
    const email = uniqueEmail();
    const id = await code(email);
    expect(await handler.send({ signInCodeId: id })).toEqual({ status: 'done' });
    expect(await handler.send({ signInCodeId: id })).toEqual({
      status: 'skipped',
      reason: 'already sent',
    });
    const mails = mailer.sent.filter((m) => m.to === email);
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toMatch(/sign in to Kith is \d{6}/);
  });

  it('skips codes that moved on: used, expired, replaced or gone', async () => {
    const email = uniqueEmail();
    expect(await handler.send({ signInCodeId: await code(email, { consumed: true }) })).toEqual({
      status: 'skipped',
      reason: 'already used',
    });
    expect(await handler.send({ signInCodeId: await code(email, { expiresInMs: -1000 }) })).toEqual(
      {
        status: 'skipped',
        reason: 'expired before it could be sent',
      },
    );
    const older = await code(email, { createdAgoMs: 60_000 });
    await code(email);
    expect(await handler.send({ signInCodeId: older })).toEqual({
      status: 'skipped',
      reason: 'a newer code was asked for',
    });
    expect(await handler.send({ signInCodeId: randomUUID() })).toEqual({
      status: 'skipped',
      reason: 'the code no longer exists',
    });
    expect(mailer.sent.filter((m) => m.to === email)).toHaveLength(0);
  });

  it('sends again once after a send that may have gone, and never a third time', async () => {
    const email = uniqueEmail();
    const id = await code(email);
    mailer.failures.push(timedOut(), timedOut());
    await expect(handler.send({ signInCodeId: id })).rejects.toThrow('Timeout');
    await expect(handler.send({ signInCodeId: id })).rejects.toThrow('Timeout');
    expect(await handler.send({ signInCodeId: id })).toEqual({
      status: 'skipped',
      reason: 'sent 2 times without confirmation; no third copy',
    });
    expect(mailer.sent.filter((m) => m.to === email)).toHaveLength(2);
  });

  it('does not count a send the server refused for certain', async () => {
    const email = uniqueEmail();
    const id = await code(email);
    mailer.failures.push(refused(), refused(), refused());
    for (let i = 0; i < 3; i += 1) {
      await expect(handler.send({ signInCodeId: id })).rejects.toThrow('Mailbox busy');
    }
    expect(await handler.send({ signInCodeId: id })).toEqual({ status: 'done' });
    const [row] = await db.query<{ mail_sends: number; mail_sent_at: Date | null }>(
      `SELECT mail_sends, mail_sent_at FROM sign_in_code WHERE id = $1`,
      [id],
    );
    expect(row.mail_sends).toBe(1);
    expect(row.mail_sent_at).not.toBeNull();
  });

  it('lets only one of two deliveries at once take the last send', async () => {
    const email = uniqueEmail();
    const id = await code(email);
    // One unconfirmed send already (a crash mid-send); two deliveries of the retry race.
    await db.query(
      `UPDATE sign_in_code SET mail_sends = 1, mail_sending_at = now() WHERE id = $1`,
      [id],
    );
    let second: Promise<unknown> | undefined;
    mailer.onSend = () => {
      mailer.onSend = undefined;
      second = handler.send({ signInCodeId: id });
      return second.then(() => undefined);
    };
    expect(await handler.send({ signInCodeId: id })).toEqual({ status: 'done' });
    expect(await second).toEqual({
      status: 'skipped',
      reason: 'sent 2 times without confirmation; no third copy',
    });
    expect(mailer.sent.filter((m) => m.to === email)).toHaveLength(1);
  });
});
