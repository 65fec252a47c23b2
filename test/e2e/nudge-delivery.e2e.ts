import type { INestApplicationContext } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import { NudgeDeliveryHandler } from '@kith/nudges';
import { Db, londonWallTime } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { testConfig } from '../support/config';
import { FakeExpo } from '../support/fake-expo';
import { HelpFixtures } from '../support/help';
import { LEAVE } from '../support/community';
import {
  deliveriesOf,
  inboxHas,
  promotedMember,
  REGISTER_DEVICE,
  settledDeliveries,
  until,
  UPDATE_PREFERENCES,
} from '../support/nudges';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';
import { TcpProxy } from '../support/tcp-proxy';

const registerPhone = (api: RunningApi, member: Session, token: string) =>
  api.gql(REGISTER_DEVICE, { token, platform: 'ANDROID' }, member.accessToken);

describe('nudges delivered by email and push, once each, whatever the channel says', () => {
  const smtp = new SmtpSink();
  const expo = new FakeExpo();
  /** The line to the mail server, which a test can cut (the server is down) and mend. */
  let smtpLine: TcpProxy;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let coordinator: Session;

  /**
   * The sign-in code's mail job has run (sent, or skipped as the code was used first): from here
   * on, what reaches the member's address is the nudge's. Resolves with the counts so far.
   */
  const signInMailOut = async (member: Session) => {
    await until('the sign-in mail job to finish', async () => {
      const [open] = await db.query(
        `SELECT 1 FROM job WHERE job_name = 'send-sign-in-code-mail' AND state NOT IN ('done', 'failed')`,
      );
      return open ? undefined : true;
    });
    baseline.attempts = smtp.attempts.get(member.email) ?? 0;
    baseline.mails = smtp.countTo(member.email);
  };
  const baseline = { attempts: 0, mails: 0 };
  const nudgeMailsTo = (email: string) =>
    smtp.received.filter((m) => m.to.includes(email) && !m.raw.includes('sign-in code'));

  const smtpThroughLine = async () => {
    const url = await smtp.start();
    smtpLine = new TcpProxy('127.0.0.1', Number(new URL(url).port));
    await smtpLine.start();
    return smtpLine.rewrite(url);
  };

  beforeAll(async () => {
    const config = testConfig({
      RATE_LIMIT_SIGNIN_PER_IP: '100000',
      MAIL_URL: await smtpThroughLine(),
      EXPO_URL: await expo.start(),
      NUDGE_RETRY_BASE_MS: '100',
      APP_URL: 'https://app.kith.test',
    });
    api = await startApi(config);
    worker = await startWorker(config);
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    coordinator = (await HelpFixtures.create(api)).coordinator;
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtpLine?.stop();
    await smtp.stop();
    await expo.stop();
  });

  it('sends the promotion by email (text and HTML) and push, and records each channel', async () => {
    const token = 'ExponentPushToken[promoted-phone-0001]';
    const { member, nudgeId, sessionId } = await promotedMember(
      api,
      coordinator.accessToken,
      async (m) => {
        await signInMailOut(m);
        await registerPhone(api, m, token);
      },
    );
    const deliveries = await settledDeliveries(db, nudgeId);
    expect(deliveries).toEqual({
      INBOX: expect.objectContaining({ status: 'SENT' }) as unknown,
      EMAIL: expect.objectContaining({ status: 'SENT', attempts: 1 }) as unknown,
      PUSH: expect.objectContaining({ status: 'SENT', attempts: 1 }) as unknown,
    });
    const [mail] = nudgeMailsTo(member.email);
    expect(mail.raw).toContain('Subject: A place is yours: Community choir');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail.raw).toMatch(/Content-Type: text\/html/);
    expect(mail.raw).toContain(`Message-ID: <nudge-${nudgeId}@`);
    expect(mail.raw.replace(/=\r?\n/g, '')).toContain(`https://app.kith.test/session/${sessionId}`);
    expect(expo.accepted.filter((m) => m.to === token)).toEqual([
      expect.objectContaining({
        title: 'A place is yours: Community choir',
        data: { screen: 'SESSION', id: sessionId, nudgeId },
      }),
    ]);
    const [{ tickets }] = await db.query<{ tickets: { token: string; ticketId: string }[] }>(
      `SELECT tickets FROM nudge_delivery WHERE nudge_id = $1 AND channel = 'PUSH'`,
      [nudgeId],
    );
    expect(tickets).toEqual([{ token, ticketId: expect.any(String) as unknown }]);
  });

  it('tries again with backoff while the mail server says "later", and sends the mail once', async () => {
    let address = '';
    const { nudgeId, member } = await promotedMember(api, coordinator.accessToken, async (m) => {
      await signInMailOut(m);
      address = m.email;
      smtp.refuse(m.email, 2);
    });
    const deliveries = await settledDeliveries(db, nudgeId);
    expect(deliveries.EMAIL).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(smtp.attempts.get(address)).toBe(baseline.attempts + 3);
    expect(smtp.countTo(member.email)).toBe(baseline.mails + 1);
    expect(nudgeMailsTo(member.email)).toHaveLength(1);
    // The refusals each left a retry job, due after the one before it. The last one's "done" is
    // written just after the delivery it made is recorded: waited for, not raced.
    const jobs = await until('the third attempt recorded done', async () => {
      const rows = await db.query<{ jobId: string; state: string; availableAt: Date }>(
        `SELECT job_id AS "jobId", state, available_at AS "availableAt" FROM job
          WHERE job_id LIKE $1 ORDER BY available_at`,
        [`deliver-nudge-${nudgeId}-EMAIL-%`],
      );
      return rows.length === 3 && rows.every((j) => j.state !== 'enqueued' && j.state !== 'pending')
        ? rows
        : undefined;
    });
    expect(jobs.map((j) => [j.jobId.slice(-7), j.state])).toEqual([
      ['EMAIL-1', 'done'],
      ['EMAIL-2', 'done'],
      ['EMAIL-3', 'done'],
    ]);
  });

  it('keeps a mail while the mail server is down, and sends it once when it is back', async () => {
    let address = '';
    await smtpLine.stop();
    const { nudgeId, member } = await promotedMember(api, coordinator.accessToken, (m) => {
      address = m.email;
    });
    // Refused connections: the delivery waits for its retry, as often as it takes.
    await until('two refused attempts', async () => {
      const { EMAIL } = await deliveriesOf(db, nudgeId);
      return EMAIL?.status === 'QUEUED' && EMAIL.attempts >= 2 ? EMAIL : undefined;
    });
    expect((await deliveriesOf(db, nudgeId)).EMAIL.reason).toMatch(/ECONNREFUSED|connect/i);
    await smtpLine.start();
    expect((await settledDeliveries(db, nudgeId)).EMAIL).toMatchObject({ status: 'SENT' });
    expect(nudgeMailsTo(member.email)).toHaveLength(1);
    expect(address).toBe(member.email);
  });

  it('fails a mail the server refuses for good at once, without trying again', async () => {
    let address = '';
    const { nudgeId } = await promotedMember(api, coordinator.accessToken, async (m) => {
      await signInMailOut(m);
      address = m.email;
      smtp.reject(m.email);
    });
    const deliveries = await settledDeliveries(db, nudgeId);
    expect(deliveries.EMAIL).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(deliveries.EMAIL.reason).toContain('550');
    expect(deliveries.EMAIL.reason).not.toContain(address);
    expect(smtp.attempts.get(address)).toBe(baseline.attempts + 1);
  });

  it('rides out Expo answering 429 and then 500, and pushes once', async () => {
    const token = 'ExponentPushToken[busy-expo-phone-0002]';
    // The SDK itself retries a 429 twice; three of them reach our own retry, then a 500 another.
    const { nudgeId } = await promotedMember(api, coordinator.accessToken, async (m) => {
      await registerPhone(api, m, token);
      expo.failNext(429, 429, 429, 500);
    });
    const deliveries = await settledDeliveries(db, nudgeId);
    expect(deliveries.PUSH).toMatchObject({ status: 'SENT', attempts: 3 });
    expect(expo.countTo(token)).toBe(1);
  });

  it('forgets a token Expo says is not registered, on the ticket or on the receipt', async () => {
    const gone = 'ExponentPushToken[uninstalled-phone-03]';
    const first = await promotedMember(api, coordinator.accessToken, async (m) => {
      await registerPhone(api, m, gone);
      expo.unregister(gone);
    });
    expect((await settledDeliveries(db, first.nudgeId)).PUSH).toMatchObject({
      status: 'SUPPRESSED',
      reason: 'no device is registered any more',
    });
    expect(await db.query(`SELECT token FROM device WHERE token = $1`, [gone])).toEqual([]);

    const later = 'ExponentPushToken[uninstalled-later-04]';
    const second = await promotedMember(api, coordinator.accessToken, async (m) => {
      await registerPhone(api, m, later);
      expo.unregisterOnReceipt(later);
    });
    expect((await settledDeliveries(db, second.nudgeId)).PUSH).toMatchObject({ status: 'SENT' });
    // Receipts are read a quarter of an hour on: this push was sent that long ago.
    await db.query(
      `UPDATE nudge_delivery SET sent_at = now() - interval '20 minutes' WHERE nudge_id = $1 AND channel = 'PUSH'`,
      [second.nudgeId],
    );
    expect(await worker.get(NudgeDeliveryHandler).checkReceipts()).toEqual({ status: 'done' });
    expect(await db.query(`SELECT token FROM device WHERE token = $1`, [later])).toEqual([]);
    const [row] = await db.query<{ reason: string; checked: boolean }>(
      `SELECT reason, receipts_checked_at IS NOT NULL AS checked FROM nudge_delivery
        WHERE nudge_id = $1 AND channel = 'PUSH'`,
      [second.nudgeId],
    );
    expect(row).toEqual({ reason: 'push receipts: DeviceNotRegistered', checked: true });
    // Read once: the next run has nothing left to ask about this one.
    expect(await worker.get(NudgeDeliveryHandler).checkReceipts()).toEqual({
      status: 'skipped',
      reason: 'no receipts to read',
    });
  });

  it('suppresses push for a member with no phone, and prunes tokens unseen for 30 days', async () => {
    const { nudgeId, member } = await promotedMember(api, coordinator.accessToken);
    expect((await settledDeliveries(db, nudgeId)).PUSH).toMatchObject({
      status: 'SUPPRESSED',
      reason: 'no device registered',
    });
    await registerPhone(api, member, 'ExponentPushToken[old-phone-000000005]');
    await registerPhone(api, member, 'ExponentPushToken[new-phone-000000006]');
    await db.query(
      `UPDATE device SET last_seen_at = now() - interval '31 days' WHERE token = 'ExponentPushToken[old-phone-000000005]'`,
    );
    expect(await worker.get(NudgeDeliveryHandler).pruneDevices()).toEqual({ status: 'done' });
    const left = await db.query<{ token: string }>(
      `SELECT token FROM device WHERE person_id = $1`,
      [member.personId],
    );
    expect(left).toEqual([{ token: 'ExponentPushToken[new-phone-000000006]' }]);
  });

  it('sends nothing more once the booking is given up before the mail could go', async () => {
    let address = '';
    const { nudgeId, member, sessionId } = await promotedMember(
      api,
      coordinator.accessToken,
      async (m) => {
        await signInMailOut(m);
        address = m.email;
        smtp.refuse(m.email, 1000);
      },
    );
    await until('a refused attempt', async () => {
      const { EMAIL } = await deliveriesOf(db, nudgeId);
      return EMAIL?.status === 'QUEUED' && EMAIL.attempts >= 1 ? EMAIL : undefined;
    });
    await api.gql(LEAVE, { id: sessionId }, member.accessToken);
    const settled = await settledDeliveries(db, nudgeId);
    expect(settled.EMAIL).toMatchObject({
      status: 'SUPPRESSED',
      reason: 'the booking was given up',
    });
    smtp.refuse(address, 0);
    expect(smtp.countTo(address)).toBe(baseline.mails);
  });

  it('puts prompts in the inbox at the digest time and sends them in one mail, once', async () => {
    const member = await signIn(api);
    await api.gql(
      `mutation { updateMemberProfile(input: { peerIntroductions: true }) { peerIntroductions } }`,
      {},
      member.accessToken,
    );
    // The digest at this minute (London): what is gathered now goes with today's digest.
    const w = londonWallTime(new Date());
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const minute = w.hour * 60 + w.minute;
    await api.gql(
      UPDATE_PREFERENCES,
      {
        input: {
          quietHoursStart: hhmm(minute + 600),
          quietHoursEnd: hhmm(minute + 601),
          digestAt: hhmm(minute),
        },
      },
      member.accessToken,
    );
    const askers = [await signIn(api), await signIn(api)];
    for (const asker of askers)
      await api.gql(
        `mutation($p: ID!) { requestIntroduction(personId: $p) { id } }`,
        { p: member.personId },
        asker.accessToken,
      );
    const gathered = await inboxHas(db, member.personId, 'INTRODUCTION_RECEIVED', 2);
    // Gathered, not sent one by one: no mail for either yet, and the digest is planned.
    expect(nudgeMailsTo(member.email)).toHaveLength(0);
    const [planned] = await db.query<{ payload: { personId: string; day: string } }>(
      `SELECT payload FROM job WHERE job_name = 'send-digest' AND payload->>'personId' = $1`,
      [member.personId],
    );
    expect(planned).toBeDefined();
    // The digest (run here rather than waited for): one mail with both.
    const handler = worker.get(NudgeDeliveryHandler);
    expect(await handler.digest(planned.payload)).toEqual({ status: 'done' });
    const mails = nudgeMailsTo(member.email);
    expect(mails).toHaveLength(1);
    const text = mails[0].raw.replace(/=\r?\n/g, '');
    expect(text).toContain('Subject: Your Kith news for today');
    for (const nudge of gathered) expect(text).toContain(nudge.title);
    // Each gathered nudge's email delivery is recorded; a second run sends nothing.
    const [{ sent }] = await db.query<{ sent: number }>(
      `SELECT count(*)::int AS sent FROM nudge_delivery d JOIN nudge n ON n.id = d.nudge_id
        WHERE n.person_id = $1 AND d.channel = 'EMAIL' AND d.status = 'SENT'`,
      [member.personId],
    );
    expect(sent).toBe(2);
    expect(await handler.digest(planned.payload)).toEqual({
      status: 'skipped',
      reason: 'nothing gathered to send',
    });
    expect(nudgeMailsTo(member.email)).toHaveLength(1);
  });
});
