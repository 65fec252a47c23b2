import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { Db, JobName, QueueName, redisOptions } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { REQUEST_CODE, SIGN_IN, uniqueEmail } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';

describe('signing in through a real SMTP exchange', () => {
  const sink = new SmtpSink();
  let api: RunningApi;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const config = testConfig({ MAIL_URL: await sink.start() });
    api = await startApi(config);
    worker = await startWorker(config);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await sink.stop();
  });

  it('mails a code through the worker, signs in with it and answers me', async () => {
    const email = uniqueEmail('ada');
    const mailed = sink.nextMailTo(email);
    const requested = await api.gql(REQUEST_CODE, { email: email.toUpperCase() });
    expect(requested.data).toEqual({ requestSignInCode: true });

    const mail = await mailed;
    const code = /sign in to Kith is (\d{6})/.exec(mail.raw)?.[1];
    expect(code).toMatch(/^\d{6}$/);

    const signedIn = await api.gql<{
      signIn: { accessToken: string; person: { id: string; email: string } };
    }>(SIGN_IN, { email, code });
    expect(signedIn.errors).toBeUndefined();
    const { accessToken, person } = signedIn.data!.signIn;
    expect(person.email).toBe(email);

    const me = await api.gql(
      `{ me { id email displayName roles { role area { code } } } }`,
      {},
      accessToken,
    );
    expect(me.data).toEqual({
      me: { id: person.id, email, displayName: 'Ada', roles: [{ role: 'MEMBER', area: null }] },
    });

    // The code worked once: a second sign-in with it is refused.
    const again = await api.gql(SIGN_IN, { email, code });
    expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('two codes asked for before the worker runs', () => {
  it('mails only the newest; the older job is skipped as stale', async () => {
    const sink = new SmtpSink();
    const config = testConfig({ MAIL_URL: await sink.start() });
    const api = await startApi(config);
    const events = new QueueEvents(QueueName.Mail, {
      connection: redisOptions(config.redis.url),
      prefix: config.queue.prefix,
    });
    let worker: INestApplicationContext | undefined;
    try {
      await events.waitUntilReady();
      const email = uniqueEmail('twice');
      await api.gql(REQUEST_CODE, { email });
      await api.gql(REQUEST_CODE, { email });
      const db = api.app.get(Db);
      const ids = (
        await db.query<{ id: string }>(
          'SELECT id FROM sign_in_code WHERE email = $1 ORDER BY created_at',
          [email],
        )
      ).map((r) => r.id);
      const results = new Map<string, unknown>();
      const bothFinished = new Promise<void>((resolve) => {
        events.on('completed', ({ jobId, returnvalue }) => {
          results.set(jobId, returnvalue);
          if (ids.every((id) => results.has(`${JobName.SendSignInCodeMail}-${id}`))) resolve();
        });
      });
      worker = await startWorker(config);
      await bothFinished;
      expect(results.get(`${JobName.SendSignInCodeMail}-${ids[0]}`)).toEqual({
        status: 'skipped',
        reason: 'a newer code was asked for',
      });
      expect(results.get(`${JobName.SendSignInCodeMail}-${ids[1]}`)).toEqual({ status: 'done' });

      const mail = await sink.nextMailTo(email);
      const code = /sign in to Kith is (\d{6})/.exec(mail.raw)?.[1];
      expect((await api.gql(SIGN_IN, { email, code })).errors).toBeUndefined();
      expect(sink.received.filter((m) => m.to.includes(email))).toEqual([]);
    } finally {
      await worker?.close();
      await events.close();
      await api.close();
      await sink.stop();
    }
  });
});
