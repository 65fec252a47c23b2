import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import {
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  LEAVE,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

type Booking = { id: string; status: string; waitlistPosition: number | null };

describe('the member journey over HTTP', () => {
  let api: RunningApi;
  let db: Db;
  let coordinator: Session;
  let walking: string;
  let choir: string;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    [walking, choir] = await interestIds(api, coordinator.accessToken, 'walking', 'choir');
  });

  afterAll(() => api?.close());

  async function createWeekly(overrides: Record<string, unknown> = {}) {
    const result = await api.gql<{
      createActivity: {
        id: string;
        status: string;
        sessions: { id: string; startsAt: string; placesLeft: number }[];
      };
    }>(CREATE_ACTIVITY, { input: weeklyActivity([walking], overrides) }, coordinator.accessToken);
    if (!result.data) throw new Error(JSON.stringify(result.errors));
    return result.data.createActivity;
  }

  const join = async (token: string, id: string) =>
    await api.gql<{ joinSession: Booking }>(JOIN, { id }, token);
  const counters = async (sessionId: string) =>
    (
      await db.query<{ booked: number; waitlist: number }>(
        `SELECT booked_count AS booked, waitlist_count AS waitlist FROM session WHERE id = $1`,
        [sessionId],
      )
    )[0];
  const statuses = async (sessionId: string) =>
    db.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM booking WHERE session_id = $1 GROUP BY status ORDER BY status`,
      [sessionId],
    );

  it('a coordinator creates a weekly activity and its sessions appear; a member nearby finds it by filter and distance band', async () => {
    const activity = await createWeekly();
    expect(activity.status).toBe('APPROVED');
    // Starting next week, the eight weeks ahead hold seven or eight weekly sessions.
    expect(activity.sessions.length).toBeGreaterThanOrEqual(7);
    expect(activity.sessions[0].placesLeft).toBe(10);

    const member = await signIn(api);
    const profile = await api.gql(
      UPDATE_PROFILE,
      {
        input: {
          home: { lat: 51.5035, lng: -0.0985 },
          travelRadiusMetres: 2000,
          interestIds: [walking],
          accessibilityNeeds: ['STEP_FREE'],
          goals: ['get-active'],
        },
      },
      member.accessToken,
    );
    expect(profile.data).toMatchObject({
      updateMemberProfile: {
        hasHome: true,
        area: { code: 'K05000001' },
        interests: [{ slug: 'walking' }],
      },
    });

    const found = await api.gql<{
      sessions: {
        edges: {
          node: { id: string; distanceBand: string; activity: { id: string; venueName: string } };
        }[];
      };
    }>(
      `query Find($filter: SessionFilter) { sessions(filter: $filter, first: 100) { edges { node { id distanceBand placesLeft waitlistLength cancelled activity { id title venueName accessibility interests { slug } } } } } }`,
      {
        filter: {
          withinMetres: 1000,
          interestIds: [walking],
          accessibility: ['STEP_FREE'],
          hasPlaces: true,
        },
      },
      member.accessToken,
    );
    const mine = found.data!.sessions.edges.filter((e) => e.node.activity.id === activity.id);
    expect(mine.length).toBe(activity.sessions.length);
    expect(mine.every((e) => e.node.distanceBand === 'under 500 m')).toBe(true);

    // Filters that rule it out.
    const noChoir = await api.gql<{
      sessions: { edges: { node: { activity: { id: string } } }[] };
    }>(
      `query($f: SessionFilter) { sessions(filter: $f, first: 100) { edges { node { activity { id } } } } }`,
      { f: { interestIds: [choir] } },
      member.accessToken,
    );
    expect(noChoir.data!.sessions.edges.some((e) => e.node.activity.id === activity.id)).toBe(
      false,
    );
    const farAway = await api.gql<{ sessions: { edges: unknown[] } }>(
      `query($f: SessionFilter) { sessions(filter: $f) { edges { node { id } } } }`,
      { f: { near: { lat: 51.6, lng: 0.2 }, withinMetres: 1000 } },
      member.accessToken,
    );
    expect(farAway.data!.sessions.edges).toEqual([]);
    const loop = await api.gql<{ sessions: { edges: { node: { activity: { id: string } } }[] } }>(
      `query($f: SessionFilter) { sessions(filter: $f, first: 100) { edges { node { activity { id } } } } }`,
      { f: { withinMetres: 1000, accessibility: ['HEARING_LOOP'] } },
      member.accessToken,
    );
    expect(loop.data!.sessions.edges.some((e) => e.node.activity.id === activity.id)).toBe(false);

    // The member's home is shown to nobody, themself included: only whether it is set.
    const me = await api.gql(
      `{ me { memberProfile { hasHome area { code } } } }`,
      {},
      member.accessToken,
    );
    expect(JSON.stringify(me.data)).not.toMatch(/51\.50|0\.098/);
  });

  it('pages with cursors that stay correct while sessions are inserted', async () => {
    const member = await signIn(api);
    const page = async (after?: string) =>
      (
        await api.gql<{
          sessions: {
            edges: { cursor: string; node: { id: string; startsAt: string } }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        }>(
          `query($after: String) { sessions(first: 5, after: $after) { edges { cursor node { id startsAt } } pageInfo { hasNextPage endCursor } } }`,
          { after },
          member.accessToken,
        )
      ).data!.sessions;
    const first = await page();
    expect(first.edges).toHaveLength(5);
    // A new activity whose sessions all start before the end of the first page arrives now.
    const soon = new Date(Date.now() + 3600 * 1000).toISOString();
    await createWeekly({ firstStartsAt: soon, recurrence: null });
    const second = await page(first.pageInfo.endCursor);
    const firstIds = new Set(first.edges.map((e) => e.node.id));
    expect(second.edges.some((e) => firstIds.has(e.node.id))).toBe(false);
    expect(new Date(second.edges[0].node.startsAt) >= new Date(first.edges[4].node.startsAt)).toBe(
      true,
    );
  });

  it('50 simultaneous joins for 10 places leave 10 BOOKED and 40 WAITLISTED at positions 1–40', async () => {
    const activity = await createWeekly();
    const sessionId = activity.sessions[0].id;
    const members = await Promise.all(Array.from({ length: 50 }, () => signIn(api)));
    const results = await Promise.all(members.map((m) => join(m.accessToken, sessionId)));
    const bookings = results.map((r) => {
      if (!r.data) throw new Error(JSON.stringify(r.errors));
      return r.data.joinSession;
    });
    expect(bookings.filter((b) => b.status === 'BOOKED')).toHaveLength(10);
    const waitlisted = bookings.filter((b) => b.status === 'WAITLISTED');
    expect(waitlisted).toHaveLength(40);
    expect(waitlisted.map((b) => b.waitlistPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    expect(await counters(sessionId)).toEqual({ booked: 10, waitlist: 40 });

    // A full session is left out when asking only for places; the date range narrows to it.
    const starts = new Date(activity.sessions[0].startsAt);
    const around = {
      from: new Date(starts.getTime() - 60_000).toISOString(),
      to: new Date(starts.getTime() + 60_000).toISOString(),
    };
    const browse = async (filter: Record<string, unknown>) =>
      (
        await api.gql<{
          sessions: {
            edges: { node: { id: string; placesLeft: number; waitlistLength: number } }[];
          };
        }>(
          `query($f: SessionFilter) { sessions(filter: $f, first: 100) { edges { node { id placesLeft waitlistLength } } } }`,
          { f: filter },
          members[0].accessToken,
        )
      ).data!.sessions.edges.map((e) => e.node);
    expect((await browse(around)).find((n) => n.id === sessionId)).toEqual({
      id: sessionId,
      placesLeft: 0,
      waitlistLength: 40,
    });
    expect((await browse({ ...around, hasPlaces: true })).some((n) => n.id === sessionId)).toBe(
      false,
    );
    expect(
      (await browse({ from: new Date(starts.getTime() + 60_000).toISOString() })).some(
        (n) => n.id === sessionId,
      ),
    ).toBe(false);

    // Joining again returns the same booking.
    const again = await join(members[0].accessToken, sessionId);
    expect(again.data!.joinSession).toEqual(bookings[0]);

    // Leaving promotes the first on the waitlist, in the same transaction.
    const booked = members[bookings.findIndex((b) => b.status === 'BOOKED')];
    const firstWaiting = members[bookings.findIndex((b) => b.waitlistPosition === 1)];
    const left = await api.gql<{ leaveSession: Booking }>(
      LEAVE,
      { id: sessionId },
      booked.accessToken,
    );
    expect(left.data!.leaveSession).toMatchObject({ status: 'CANCELLED', waitlistPosition: null });
    const promoted = await api.gql<{ myBookings: { status: string; session: { id: string } }[] }>(
      `{ myBookings { status session { id } } }`,
      {},
      firstWaiting.accessToken,
    );
    expect(promoted.data!.myBookings.find((b) => b.session.id === sessionId)?.status).toBe(
      'BOOKED',
    );
    const second = members[bookings.findIndex((b) => b.waitlistPosition === 2)];
    expect((await join(second.accessToken, sessionId)).data!.joinSession.waitlistPosition).toBe(1);
    expect(await counters(sessionId)).toEqual({ booked: 10, waitlist: 39 });
  });

  it('never loses or doubles a place when leaves and joins interleave', async () => {
    const activity = await createWeekly({ capacity: 5 });
    const sessionId = activity.sessions[0].id;
    const members = await Promise.all(Array.from({ length: 30 }, () => signIn(api)));
    for (const m of members.slice(0, 15)) await join(m.accessToken, sessionId); // 5 booked, 10 waiting
    const operations = [
      ...members.slice(0, 5).map((m) => api.gql(LEAVE, { id: sessionId }, m.accessToken)), // the booked leave
      ...members.slice(5, 10).map((m) => api.gql(LEAVE, { id: sessionId }, m.accessToken)), // some waiting leave
      ...members.slice(15, 30).map((m) => join(m.accessToken, sessionId)), // newcomers join
    ];
    const outcomes = await Promise.all(operations.sort(() => Math.random() - 0.5));
    expect(outcomes.filter((o) => o.errors)).toEqual([]);

    const rows = await db.query<{ status: string; waitlist_seq: number | null }>(
      `SELECT status, waitlist_seq FROM booking WHERE session_id = $1`,
      [sessionId],
    );
    const booked = rows.filter((r) => r.status === 'BOOKED').length;
    const waiting = rows.filter((r) => r.status === 'WAITLISTED').length;
    expect(rows).toHaveLength(30);
    expect(booked).toBe(5); // 20 people still want a place and there are 5
    expect(waiting).toBe(15);
    expect(await counters(sessionId)).toEqual({ booked: 5, waitlist: 15 });
    expect(
      new Set(rows.filter((r) => r.status === 'WAITLISTED').map((r) => r.waitlist_seq)).size,
    ).toBe(15);
  });

  it('records attendance only once the session has started, and only by a coordinator of the area', async () => {
    const activity = await createWeekly();
    const sessionId = activity.sessions[0].id;
    const member = await signIn(api);
    await join(member.accessToken, sessionId);
    const record = (token: string, attended = true) =>
      api.gql<{ recordAttendance: Booking }>(
        `mutation($s: ID!, $p: ID!, $a: Boolean!) { recordAttendance(sessionId: $s, personId: $p, attended: $a) { status } }`,
        { s: sessionId, p: member.personId, a: attended },
        token,
      );
    expect((await record(coordinator.accessToken)).errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await record(member.accessToken)).errors?.[0].extensions.code).toBe('FORBIDDEN');

    // The session starts.
    await db.query(`UPDATE session SET starts_at = now() - interval '10 minutes' WHERE id = $1`, [
      sessionId,
    ]);
    const otherCoordinator = await signIn(api);
    await api.app
      .get(PersonService)
      .grantRole(otherCoordinator.email, Role.COORDINATOR, 'K09000002');
    expect((await record(otherCoordinator.accessToken)).errors?.[0].extensions.code).toBe(
      'FORBIDDEN',
    );
    expect((await record(coordinator.accessToken)).data).toEqual({
      recordAttendance: { status: 'ATTENDED' },
    });
    expect((await record(coordinator.accessToken, false)).data).toEqual({
      recordAttendance: { status: 'NO_SHOW' },
    });
    // A started session can be neither joined nor left.
    const late = await signIn(api);
    expect((await join(late.accessToken, sessionId)).errors?.[0].extensions.code).toBe('CONFLICT');
    expect(
      (await api.gql(LEAVE, { id: sessionId }, member.accessToken)).errors?.[0].extensions.code,
    ).toBe('CONFLICT');
  });

  it('cancelling a session cancels its bookings, and it can no longer be joined', async () => {
    const activity = await createWeekly();
    const sessionId = activity.sessions[1].id;
    const member = await signIn(api);
    await join(member.accessToken, sessionId);
    const member2 = await signIn(api);
    expect(
      (
        await api.gql(
          `mutation($id: ID!) { cancelSession(id: $id) { cancelled } }`,
          { id: sessionId },
          member2.accessToken,
        )
      ).errors?.[0].extensions.code,
    ).toBe('FORBIDDEN');
    const cancelled = await api.gql(
      `mutation($id: ID!) { cancelSession(id: $id) { cancelled placesLeft } }`,
      { id: sessionId },
      coordinator.accessToken,
    );
    expect(cancelled.data).toEqual({ cancelSession: { cancelled: true, placesLeft: 10 } });
    expect(await statuses(sessionId)).toEqual([{ status: 'CANCELLED', n: 1 }]);
    expect((await join(member2.accessToken, sessionId)).errors?.[0].extensions.code).toBe(
      'CONFLICT',
    );
    const mine = await api.gql<{ myBookings: { session: { id: string } }[] }>(
      `{ myBookings { session { id } } }`,
      {},
      member.accessToken,
    );
    expect(mine.data!.myBookings.some((b) => b.session.id === sessionId)).toBe(false);
  });

  it('says NOT_FOUND for a session that does not exist', async () => {
    const member = await signIn(api);
    expect(
      (await join(member.accessToken, '00000000-0000-4000-8000-000000000000')).errors?.[0]
        .extensions.code,
    ).toBe('NOT_FOUND');
    expect((await join(member.accessToken, 'not-a-uuid')).errors?.[0].extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(
      (
        await api.gql(
          `{ session(id: "00000000-0000-4000-8000-000000000000") { id } }`,
          {},
          member.accessToken,
        )
      ).data,
    ).toEqual({ session: null });
  });
});
