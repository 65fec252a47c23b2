import type { INestApplicationContext } from '@nestjs/common';
import { QueueEvents } from 'bullmq';
import { AreaService } from '@kith/areas';
import { NudgeDecisionHandler } from '@kith/nudges';
import { Db } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { CREATE_ACTIVITY, interestIds, JOIN, LEAVE, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { HelpFixtures } from '../support/help';
import { signIn } from '../support/sign-in';
import { quietHoursAwayFromNow, until } from '../support/nudges';

/** Awake now, and no prompts (a first visit's welcome): only the booking's own news comes. */
const bookingNewsOnly = () => ({ ...quietHoursAwayFromNow(), weeklyLimit: 0 });

const INBOX = `{ myInbox { unreadCount edges { node { kind title body link { screen id } } } } }`;
const UPDATE = `mutation($input: NudgePreferencesInput!) { updateNudgePreferences(input: $input) { language } }`;

describe('booking news told at once, in the member’s language, once', () => {
  const config = testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' });
  let api: RunningApi;
  let worker: INestApplicationContext;
  let events: QueueEvents;

  beforeAll(async () => {
    api = await startApi(config);
    worker = await startWorker(config);
    events = new QueueEvents('default', {
      connection: { url: config.redis.url },
      prefix: config.queue.prefix,
    });
    await events.waitUntilReady();
    await importShippedAreas(api.app.get(AreaService));
  });

  afterAll(async () => {
    await events?.close();
    await worker?.close();
    await api?.close();
  });

  it('puts the promotion in the inbox when a place comes free, and never twice', async () => {
    const { coordinator } = await HelpFixtures.create(api);
    const interests = await interestIds(api, coordinator.accessToken, 'choir');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(interests, { title: 'Community choir', capacity: 1 }) },
      coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    const first = await signIn(api);
    const waiting = await signIn(api);
    await api.gql(UPDATE, { input: bookingNewsOnly() }, first.accessToken);
    await api.gql(UPDATE, { input: { language: 'es', ...bookingNewsOnly() } }, waiting.accessToken);
    expect((await api.gql(JOIN, { id: sessionId }, first.accessToken)).data).toMatchObject({
      joinSession: { status: 'BOOKED' },
    });
    expect((await api.gql(JOIN, { id: sessionId }, waiting.accessToken)).data).toMatchObject({
      joinSession: { status: 'WAITLISTED' },
    });

    // Wait on the worker saying the decision is done: no polling.
    const decided = new Promise<string>((resolve) => {
      events.on('completed', ({ jobId }) => {
        if (jobId.startsWith('decide-nudge-waitlist-promoted')) resolve(jobId);
      });
    });
    await api.gql(LEAVE, { id: sessionId }, first.accessToken);
    await decided;

    const inbox = await api.gql<{
      myInbox: {
        unreadCount: number;
        edges: { node: { kind: string; title: string; body: string; link: unknown } }[];
      };
    }>(INBOX, {}, waiting.accessToken);
    expect(inbox.data?.myInbox.unreadCount).toBe(1);
    expect(inbox.data?.myInbox.edges[0].node).toEqual({
      kind: 'WAITLIST_PROMOTED',
      title: 'Tienes plaza: Community choir',
      body: expect.stringContaining('se ha liberado una plaza en Community choir') as unknown,
      link: { screen: 'SESSION', id: sessionId },
    });
    // The one who left hears nothing (of the promotion, nor of a welcome: no prompts for them).
    expect(
      (await api.gql<{ myInbox: { unreadCount: number } }>(INBOX, {}, first.accessToken)).data
        ?.myInbox.unreadCount,
    ).toBe(0);

    // The same event decided again (a retry, a second relay) writes no second nudge.
    const db = api.app.get(Db);
    const [{ id: bookingId }] = await db.query<{ id: string }>(
      `SELECT id FROM booking WHERE session_id = $1 AND person_id = $2`,
      [sessionId, waiting.personId],
    );
    const again = await worker
      .get(NudgeDecisionHandler)
      .decide({ event: 'WAITLIST_PROMOTED', bookingId });
    expect(again).toEqual({ status: 'skipped', reason: 'already in the inbox' });
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM nudge WHERE person_id = $1 AND kind = 'WAITLIST_PROMOTED'`,
      [waiting.personId],
    );
    expect(n).toBe(1);

    // Once the booking is given up, a late decision says so and writes nothing.
    await api.gql(LEAVE, { id: sessionId }, waiting.accessToken);
    expect(
      await worker.get(NudgeDecisionHandler).decide({ event: 'WAITLIST_PROMOTED', bookingId }),
    ).toEqual({
      status: 'skipped',
      reason: 'the booking is CANCELLED',
    });
  });

  it('tells everyone who held a place or waited that the session is called off', async () => {
    const { coordinator } = await HelpFixtures.create(api);
    const interests = await interestIds(api, coordinator.accessToken, 'choir');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(interests, { title: 'Tai chi', capacity: 1 }) },
      coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    const booked = await signIn(api);
    const waiting = await signIn(api);
    for (const who of [booked, waiting]) {
      await api.gql(UPDATE, { input: { language: 'en', ...bookingNewsOnly() } }, who.accessToken);
      await api.gql(JOIN, { id: sessionId }, who.accessToken);
    }
    const decided = new Set<string>();
    const both = new Promise<void>((resolve) => {
      events.on('completed', ({ jobId }) => {
        if (jobId.startsWith('decide-nudge-session-cancelled')) decided.add(jobId);
        if (decided.size === 2) resolve();
      });
    });
    const cancel = await api.gql(
      `mutation($id: ID!) { cancelSession(id: $id) { cancelled } }`,
      { id: sessionId },
      coordinator.accessToken,
    );
    expect(cancel.data).toEqual({ cancelSession: { cancelled: true } });
    await both;
    for (const who of [booked, waiting]) {
      const inbox = await api.gql<{
        myInbox: { edges: { node: { kind: string; title: string } }[] };
      }>(INBOX, {}, who.accessToken);
      expect(inbox.data?.myInbox.edges.map((e) => e.node)).toEqual([
        expect.objectContaining({
          kind: 'SESSION_CANCELLED',
          title: expect.stringMatching(/^Tai chi on .+ is not happening$/) as unknown,
        }),
      ]);
    }
  });

  it('reminds the member two hours before, and never the one who gave up their place', async () => {
    const { coordinator } = await HelpFixtures.create(api);
    const interests = await interestIds(api, coordinator.accessToken, 'choir');
    // Two hours and a few seconds ahead: the two-hour reminder falls due in seconds, the one
    // the day before has no day before to go on.
    const startsAt = new Date(Date.now() + 2 * 3600 * 1000 + 8000);
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      {
        input: weeklyActivity(interests, {
          title: 'Singing for wellbeing',
          firstStartsAt: startsAt.toISOString(),
          recurrence: null,
        }),
      },
      coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    const going = await signIn(api);
    const leaving = await signIn(api);
    for (const who of [going, leaving]) {
      await api.gql(UPDATE, { input: { language: 'en', ...bookingNewsOnly() } }, who.accessToken);
      expect((await api.gql(JOIN, { id: sessionId }, who.accessToken)).data).toMatchObject({
        joinSession: { status: 'BOOKED' },
      });
    }
    await api.gql(LEAVE, { id: sessionId }, leaving.accessToken);
    const db = api.app.get(Db);
    const reminders = (who: typeof going) =>
      db.query<{ key: string; status: string; skipReason: string | null }>(
        `SELECT key, status, skip_reason AS "skipReason" FROM nudge
          WHERE person_id = $1 AND kind = 'SESSION_REMINDER'`,
        [who.personId],
      );
    // Planned as a row and sent when due: only the two-hour one (no day before is left).
    await until('the reminder sent', async () =>
      (await reminders(going)).some((r) => r.status === 'SENT') ? true : undefined,
    );
    const mine = await reminders(going);
    expect(mine).toEqual([expect.objectContaining({ status: 'SENT' })]);
    expect(mine[0].key).toContain(':TWO_HOURS-');
    // Whatever was planned for the place given up was called off, never sent.
    expect((await reminders(leaving)).every((r) => r.status === 'CANCELLED')).toBe(true);
    const inboxOf = async (who: typeof going) =>
      (
        await api.gql<{
          myInbox: { edges: { node: { kind: string; title: string; body: string } }[] };
        }>(INBOX, {}, who.accessToken)
      ).data?.myInbox.edges.map((e) => e.node);
    expect(await inboxOf(going)).toEqual([
      expect.objectContaining({
        kind: 'SESSION_REMINDER',
        title: expect.stringMatching(/^Singing for wellbeing starts at \d\d:\d\d$/) as unknown,
      }),
    ]);
    expect(await inboxOf(leaving)).toEqual([]);
  });
});
