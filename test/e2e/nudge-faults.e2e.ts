import { AreaService } from '@kith/areas';
import { Db, JobName, JobOutbox } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { CREATE_ACTIVITY, interestIds, JOIN, LEAVE, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { freshDatabase } from '../support/databases';
import { HelpFixtures } from '../support/help';
import { FAST, LEASE_MS, startWorkerProcess } from '../support/job-faults';
import { deliveriesOf, quietHoursAwayFromNow, UPDATE_PREFERENCES, until } from '../support/nudges';
import type { RunningProcess } from '../support/processes';
import { PrivateRedis } from '../support/redis';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';

/** Booking news only (no prompts), by inbox and email, and awake now. */
const NEWS_BY_MAIL = {
  ...quietHoursAwayFromNow(),
  weeklyLimit: 0,
  channels: ['INBOX', 'EMAIL'],
};

/**
 * Faults on the way out: a worker killed mid-send, Redis flushed with nudges pending, the same
 * event twice, two relays at once. After each, every nudge is in the inbox once and in the mail
 * once: none twice, none lost.
 */
describe('nudges through faults: once per channel, none twice, none lost', () => {
  const smtp = new SmtpSink();
  const redis = new PrivateRedis();
  let database: { url: string; drop: () => Promise<void> };
  let api: RunningApi;
  let secondRelay: RunningApi;
  let db: Db;
  let coordinator: Session;
  const workers: RunningProcess[] = [];

  const mailsFor = (who: Session) =>
    smtp.received.filter((m) => m.to.includes(who.email) && !m.raw.includes('sign-in code'));

  /** Waits until no sign-in mail job is open: from then on, mail to a member is a nudge's. */
  const signInMailsOut = () =>
    until('the sign-in mails', async () => {
      const [open] = await db.query(
        `SELECT 1 FROM job WHERE job_name = 'send-sign-in-code-mail' AND state NOT IN ('done', 'failed')`,
      );
      return open ? undefined : true;
    });

  /** A one-place session, its holder, and `waiting` members on its waitlist, set to hear by mail. */
  const fullSession = async (waiting: number) => {
    const interests = await interestIds(api, coordinator.accessToken, 'choir');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(interests, { title: 'Community choir', capacity: 1 }) },
      coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    const holder = await signIn(api);
    await api.gql(UPDATE_PREFERENCES, { input: NEWS_BY_MAIL }, holder.accessToken);
    await api.gql(JOIN, { id: sessionId }, holder.accessToken);
    const queue: Session[] = [];
    for (let i = 0; i < waiting; i += 1) {
      const member = await signIn(api);
      await api.gql(UPDATE_PREFERENCES, { input: NEWS_BY_MAIL }, member.accessToken);
      await api.gql(JOIN, { id: sessionId }, member.accessToken);
      queue.push(member);
    }
    return { sessionId, holder, queue };
  };

  const promotionOf = async (who: Session): Promise<string | undefined> => {
    const [row] = await db.query<{ id: string }>(
      `SELECT id FROM nudge WHERE person_id = $1 AND kind = 'WAITLIST_PROMOTED' AND status = 'SENT'`,
      [who.personId],
    );
    return row?.id;
  };

  /** Every one of them has exactly one promotion, in the inbox and by mail, after a settle. */
  const eachToldOnce = async (members: Session[]) => {
    for (const who of members)
      await until(`${who.email} told by mail`, () =>
        Promise.resolve(mailsFor(who).length > 0 ? true : undefined),
      );
    // Give a duplicate the time to show: one more lease, when the sweeper looks again.
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS * 1.5));
    for (const who of members) {
      expect([who.email, mailsFor(who).length]).toEqual([who.email, 1]);
      const nudges = await db.query<{ id: string }>(
        `SELECT id FROM nudge WHERE person_id = $1 AND kind = 'WAITLIST_PROMOTED'`,
        [who.personId],
      );
      expect(nudges).toHaveLength(1);
      const deliveries = await deliveriesOf(db, nudges[0].id);
      expect(deliveries.INBOX.status).toBe('SENT');
      expect(deliveries.EMAIL.status).toBe('SENT');
    }
  };

  beforeAll(async () => {
    database = await freshDatabase('nudge_faults');
    await redis.start();
    const config = testConfig({
      ...FAST,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      MAIL_URL: await smtp.start(),
      NUDGE_RETRY_BASE_MS: '200',
    });
    api = await startApi(config);
    // A second API process's relay beside the first: two relays at once, all the time.
    secondRelay = await startApi(config);
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    coordinator = (await HelpFixtures.create(api)).coordinator;
  });

  afterAll(async () => {
    for (const worker of workers) await worker.kill('SIGKILL');
    await secondRelay?.close();
    await api?.close();
    await smtp.stop();
    await redis.stop();
    await database?.drop();
  });

  it('sends the mail once when the worker is killed mid-send and another starts', async () => {
    const first = await startWorkerProcess(api.config, { NUDGE_RETRY_BASE_MS: '200' });
    workers.push(first);
    const { sessionId, holder, queue } = await fullSession(1);
    const [member] = queue;
    await signInMailsOut();
    const held = smtp.hold(member.email);
    await api.gql(LEAVE, { id: sessionId }, holder.accessToken);
    await held.arrived;
    // On the wire, and the worker dies before the server says 250: the claim shows it.
    await first.kill('SIGKILL');
    const nudgeId = (await promotionOf(member))!;
    expect((await deliveriesOf(db, nudgeId)).EMAIL).toMatchObject({
      status: 'SENDING',
      attempts: 1,
    });
    expect(mailsFor(member)).toHaveLength(0);

    const second = await startWorkerProcess(api.config, { NUDGE_RETRY_BASE_MS: '200' });
    workers.push(second);
    await second.waitForLog(
      (line) => /stopped mid-send; sending again/.test(String(line.msg)),
      'the interrupted send taken up again',
    );
    await eachToldOnce([member]);
    expect((await deliveriesOf(db, nudgeId)).EMAIL).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('loses nothing when Redis is flushed with decisions and deliveries pending', async () => {
    // No worker for now: the relays move the decisions into Redis, and nothing takes them.
    for (const worker of workers.splice(0)) await worker.kill('SIGKILL');
    const sessions = [await fullSession(1), await fullSession(1), await fullSession(1)];
    const members = sessions.map((s) => s.queue[0]);
    // Their sign-in codes were used before any worker could mail them: those jobs send nothing.
    // The second one's mail is refused once: its delivery waits for a retry when Redis goes.
    smtp.refuse(members[1].email, 1);
    for (const s of sessions) await api.gql(LEAVE, { id: s.sessionId }, s.holder.accessToken);
    await until('the decisions enqueued', async () => {
      const rows = await db.query(
        `SELECT 1 FROM job WHERE job_name = 'decide-nudge' AND payload->>'event' = 'WAITLIST_PROMOTED' AND state = 'enqueued'`,
      );
      return rows.length === 3 ? true : undefined;
    });
    await redis.flush();
    const worker = await startWorkerProcess(api.config, { NUDGE_RETRY_BASE_MS: '200' });
    workers.push(worker);
    // The first decisions are done; flush again while the refused delivery waits for its retry.
    await until('the refused delivery waiting', async () => {
      const id = await promotionOf(members[1]);
      const email = id && (await deliveriesOf(db, id)).EMAIL;
      return email && email.status === 'QUEUED' && email.attempts === 1 ? true : undefined;
    });
    await redis.flush();
    await eachToldOnce(members);
  });

  it('writes one nudge, and one mail, for the same event given twice', async () => {
    if (workers.length === 0) workers.push(await startWorkerProcess(api.config));
    const { sessionId, holder, queue } = await fullSession(1);
    const [member] = queue;
    await api.gql(LEAVE, { id: sessionId }, holder.accessToken);
    const [{ id: bookingId }] = await db.query<{ id: string }>(
      `SELECT id FROM booking WHERE session_id = $1 AND person_id = $2`,
      [sessionId, member.personId],
    );
    // The same event again, as a second writer of it would send it: another job, same payload.
    const outbox = api.app.get(JobOutbox);
    for (const key of ['again-1', 'again-2'])
      await outbox.schedule(
        JobName.DecideNudge,
        { event: 'WAITLIST_PROMOTED', bookingId },
        {
          key: `${key}-${bookingId}`,
        },
      );
    await eachToldOnce([member]);
  });

  it('tells each of many promoted at once once, with two relays moving the jobs', async () => {
    if (workers.length === 0) workers.push(await startWorkerProcess(api.config));
    const sessions = await Promise.all(Array.from({ length: 6 }, () => fullSession(1)));
    await Promise.all(
      sessions.map((s) => api.gql(LEAVE, { id: s.sessionId }, s.holder.accessToken)),
    );
    await eachToldOnce(sessions.map((s) => s.queue[0]));
  });
});
