import type { INestApplicationContext } from '@nestjs/common';
import { PersonService, Role } from '@kith/identity';
import { NetworkSnapshotService } from '@kith/network';
import { NudgeDecisionHandler } from '@kith/nudges';
import type { Db } from '@kith/platform';
import { SnapshotRepository } from '../../libs/network/src/snapshots/snapshot.repository';
import type { RunningApi } from '../support/api';
import {
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  pastSession,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { COMPLETE } from '../support/help';
import type { HelpFixtures } from '../support/help';
import { startNeighbourhood } from '../support/neighbourhood';
import type { Neighbourhood } from '../support/neighbourhood';
import { until } from '../support/nudges';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const ATTENDED = `mutation($s: ID!, $p: ID!) { recordAttendance(sessionId: $s, personId: $p, attended: true) { status } }`;
const INTRODUCE = `mutation($p: ID!) { requestIntroduction(personId: $p) { id } }`;
const ANSWER = `mutation($id: ID!) { respondToIntroduction(id: $id, accept: true) { status } }`;
const SUBMIT = `mutation($i: ID!, $a: [SurveyAnswerInput!]!) { submitSurvey(instrumentId: $i, answers: $a) { score stage } }`;
const MY_NETWORK = `{ myNetwork {
  contacts { person { id displayName } sources circle lastContactAt }
  gains { code text }
  history { on activeTies newTies30Days diversity bridgingShare sessionsAttended30Days } } }`;
const AT_RISK = `query($a: ID!) { membersAtRisk(areaId: $a) { person { id displayName } reasons { code text } lastAttendedAt } }`;

interface MyNetwork {
  contacts: {
    person: { id: string; displayName: string };
    sources: string[];
    circle: number | null;
  }[];
  gains: { code: string; text: string }[];
  history: { activeTies: number; newTies30Days: number; sessionsAttended30Days: number }[];
}

describe('the network: ties from what happens, a snapshot at night, what each person sees', () => {
  let world: Neighbourhood;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let help: HelpFixtures;
  let walking: string[];
  let riverside: string;

  const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions?.code;

  /** A session the members booked, moved `daysAgo` into the past, everyone marked as there. */
  const cameTogether = async (members: Session[], daysAgo: number): Promise<string> => {
    const sessionId = await pastSession(
      api,
      help.coordinator.accessToken,
      walking,
      members,
      daysAgo * 24,
    );
    for (const m of members)
      await api.gql(ATTENDED, { s: sessionId, p: m.personId }, help.coordinator.accessToken);
    return sessionId;
  };

  const contactsOf = async (m: Session) =>
    (await api.gql<{ myNetwork: MyNetwork }>(MY_NETWORK, {}, m.accessToken)).data!.myNetwork;

  beforeAll(async () => {
    world = await startNeighbourhood(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    ({ api, worker, db, help } = world);
    walking = await interestIds(api, help.coordinator.accessToken, 'walking');
    [{ id: riverside }] = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE code = 'K09000001'`,
    );
  });

  afterAll(() => world?.close());

  it('shows a member the contacts both confirmed, and counts every tie in what they gained', async () => {
    const me = await help.member();
    const [ann, bob, cat] = [await help.member(), await help.member(), await help.member()];
    await cameTogether([me, ann, bob], 3);
    // An introduction, accepted.
    await api.gql(UPDATE_PROFILE, { input: { peerIntroductions: true } }, cat.accessToken);
    const asked = await api.gql<{ requestIntroduction: { id: string } }>(
      INTRODUCE,
      { p: cat.personId },
      me.accessToken,
    );
    expect(asked.errors).toBeUndefined();
    await api.gql(ANSWER, { id: asked.data!.requestIntroduction.id }, cat.accessToken);
    // Help, completed.
    const helper = await help.helper();
    const assignmentId = await help.acceptedAssignment(me, helper);
    await api.gql(COMPLETE, { id: assignmentId, m: 60 }, helper.accessToken);
    await until('the session tied', async () => {
      const rows = await db.query(
        `SELECT 1 FROM tie WHERE $1::uuid IN (person_a, person_b) AND 'CO_ATTENDANCE' = ANY(sources)`,
        [me.personId],
      );
      return rows.length === 2 ? true : undefined;
    });

    // The night's snapshot, as the schedule runs it.
    const outcome = await worker.get(NetworkSnapshotService).run();
    expect(outcome.from).toBe('kept');
    const view = await contactsOf(me);
    const sourcesOf = (s: Session) =>
      view.contacts.find((c) => c.person.id === s.personId)?.sources;
    // Only the introduction both said yes to is shown; the session and the help made ties for
    // the record (the snapshot, the gains) that neither side is shown without that consent.
    expect(sourcesOf(cat)).toEqual(['INTRODUCTION']);
    expect(sourcesOf(ann)).toBeUndefined();
    expect(sourcesOf(bob)).toBeUndefined();
    expect(sourcesOf(helper)).toBeUndefined();
    expect(view.contacts).toHaveLength(1);
    // First names only.
    for (const c of view.contacts) expect(c.person.displayName).not.toContain(' ');
    expect(view.gains).toEqual(
      expect.arrayContaining([
        { code: 'NEW_PEOPLE', text: "4 new people you've met this season" },
        { code: 'INTRODUCTIONS', text: 'An introduction that became a contact this season' },
        { code: 'HELP_CONTACTS', text: 'Someone you got to know through help this season' },
      ]),
    );
    expect(view.history).toEqual([
      expect.objectContaining({ activeTies: 4, newTies30Days: 4, sessionsAttended30Days: 1 }),
    ]);
    // Never a rank, never "isolated", never anyone's score.
    expect(JSON.stringify(view)).not.toMatch(/isolat|rank|constraint|score/i);
    // Today's ties as kept are the ties worked out from every contact recorded: the same.
    const reads = worker.get(SnapshotRepository);
    const ids = (await db.query<{ id: string }>(`SELECT id FROM person`)).map((r) => r.id);
    const at = new Date();
    const rules = { halfLifeDays: 90, dormantGaps: 8 };
    const byPair = (ties: { a: string; b: string; strength: number; fresh: boolean }[]) =>
      ties.map((t) => `${t.a}|${t.b}|${t.strength.toFixed(9)}|${t.fresh}`).sort();
    const kept = await reads.activeTies(ids, at, 'kept', rules);
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(byPair(await reads.activeTies(ids, at, 'contacts', rules))).toEqual(byPair(kept));
    // Running the day again replaces the day's row: one per member and date.
    await worker.get(NetworkSnapshotService).run();
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM network_snapshot WHERE person_id = $1`,
      [me.personId],
    );
    expect(n).toBe(1);
  });

  it('answers membersAtRisk at its documented most, 200 with every field, and refuses more clearly', async () => {
    const everything = `person { id displayName distanceBand sharedInterests { id slug label } }
      reasons { code text weight } lastAttendedAt`;
    const most = await api.gql<{ membersAtRisk: unknown[] }>(
      `query($a: ID!) { membersAtRisk(areaId: $a, first: 200) { ${everything} } }`,
      { a: riverside },
      help.coordinator.accessToken,
    );
    expect(most.errors).toBeUndefined();
    expect(Array.isArray(most.data?.membersAtRisk)).toBe(true);
    const more = await api.gql(
      `query($a: ID!) { membersAtRisk(areaId: $a, first: 201) { ${everything} } }`,
      { a: riverside },
      help.coordinator.accessToken,
    );
    expect(more.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'first', message: expect.stringContaining('200') as unknown }],
    });
    // Still priced: two such lists in one request, or a flood of aliases in each row, are refused
    // before anything runs.
    for (const query of [
      `query($a: ID!) { x: membersAtRisk(areaId: $a, first: 200) { ${everything} } y: membersAtRisk(areaId: $a, first: 200) { lastAttendedAt } }`,
      `query($a: ID!) { membersAtRisk(areaId: $a, first: 200) { person { ${Array.from({ length: 30 }, (_, i) => `i${i}: id`).join(' ')} } } }`,
    ]) {
      const refused = await api.gql(query, { a: riverside }, help.coordinator.accessToken);
      expect(refused.errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^The query would cost \d+; at most 5000 is allowed/,
        ) as unknown,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      });
    }
  });

  it('tells a coordinator who has stopped coming or is alone, and only for their own area', async () => {
    const [stopped, friend] = [await help.member(), await help.member()];
    await cameTogether([stopped, friend], 50);
    const alone = await help.member();
    const elsewhere = await signIn(api);
    await api.app.get(PersonService).grantRole(elsewhere.email, Role.COORDINATOR, 'K09000002');
    await until('the old session tied', async () =>
      (
        await db.query(`SELECT 1 FROM tie WHERE $1::uuid IN (person_a, person_b)`, [
          stopped.personId,
        ])
      ).length > 0
        ? true
        : undefined,
    );
    await worker.get(NetworkSnapshotService).run();
    const listed = await api.gql<{
      membersAtRisk: { person: { id: string }; reasons: { code: string; text: string }[] }[];
    }>(AT_RISK, { a: riverside }, help.coordinator.accessToken);
    expect(listed.errors).toBeUndefined();
    const reasonsOf = (s: Session) =>
      listed.data!.membersAtRisk.find((m) => m.person.id === s.personId)?.reasons;
    expect(reasonsOf(stopped)).toEqual([
      {
        code: 'STOPPED_ATTENDING',
        text: 'Came to 1 session in the last 90 days, none in the last 30',
      },
    ]);
    expect(reasonsOf(alone)).toEqual([
      { code: 'ISOLATED', text: 'No active ties and no sessions in the last 30 days' },
    ]);
    // Another borough's coordinator may not look here, and their own list has none of these.
    expect(codeOf(await api.gql(AT_RISK, { a: riverside }, elsewhere.accessToken))).toBe(
      'FORBIDDEN',
    );
    const [{ id: hillcrest }] = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE code = 'K09000002'`,
    );
    const theirs = await api.gql<{ membersAtRisk: { person: { id: string } }[] }>(
      AT_RISK,
      { a: hillcrest },
      elsewhere.accessToken,
    );
    expect(theirs.data!.membersAtRisk.map((m) => m.person.id)).not.toContain(stopped.personId);
    // A member cannot ask, and the member's own view never says it.
    expect(codeOf(await api.gql(AT_RISK, { a: riverside }, alone.accessToken))).toBe('FORBIDDEN');
    expect(JSON.stringify(await contactsOf(alone))).not.toMatch(/isolat/i);
    expect(
      codeOf(
        await api.gql(
          `{ membersAtRisk(areaId: "x", first: 500) { lastAttendedAt } }`,
          {},
          help.coordinator.accessToken,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('scores surveys as worked by hand, and the snapshot carries the latest scores', async () => {
    const me = await help.member();
    // UCLA-3: 1 + 3 + 2 = 6 (of 3 to 9).
    const ucla = await api.gql<{ submitSurvey: { score: number; stage: string } }>(
      SUBMIT,
      {
        i: 'ucla-3',
        a: [
          { itemId: 'companionship', value: 1 },
          { itemId: 'left-out', value: 3 },
          { itemId: 'isolated', value: 2 },
        ],
      },
      me.accessToken,
    );
    expect(ucla.data?.submitSurvey).toEqual({ score: 6, stage: 'BASELINE' });
    await worker.get(NetworkSnapshotService).run();
    const [row] = await db.query<{ scores: Record<string, number>; isolated: boolean }>(
      `SELECT survey_scores AS scores, isolated FROM network_snapshot WHERE person_id = $1`,
      [me.personId],
    );
    expect(row).toEqual({ scores: { 'ucla-3': 6 }, isolated: true });
  });

  it('lets a member leave: places given up, nothing more sent, only the exit survey asked', async () => {
    const [me, waiting] = [await help.member(), await help.member()];
    await api.gql(
      SUBMIT,
      {
        i: 'ucla-3',
        a: ['companionship', 'left-out', 'isolated'].map((itemId) => ({ itemId, value: 3 })),
      },
      me.accessToken,
    );
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(walking, { recurrence: null, capacity: 1 }) },
      help.coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    await api.gql(JOIN, { id: sessionId }, me.accessToken);
    await api.gql(JOIN, { id: sessionId }, waiting.accessToken);
    await worker.get(NetworkSnapshotService).run();
    const LEAVE_KITH = `mutation { leaveKith }`;
    expect((await api.gql(LEAVE_KITH, {}, me.accessToken)).data).toEqual({ leaveKith: true });
    const statusOf = async (s: Session) =>
      (
        await db.query<{ status: string }>(
          `SELECT status FROM booking WHERE session_id = $1 AND person_id = $2`,
          [sessionId, s.personId],
        )
      )[0].status;
    expect(await statusOf(me)).toBe('CANCELLED');
    expect(await statusOf(waiting)).toBe('BOOKED');
    const [{ leftAt }] = await db.query<{ leftAt: Date }>(
      `SELECT left_at AS "leftAt" FROM member_profile WHERE person_id = $1`,
      [me.personId],
    );
    // Leaving again changes nothing.
    expect((await api.gql(LEAVE_KITH, {}, me.accessToken)).data).toEqual({ leaveKith: true });
    expect(
      (
        await db.query<{ leftAt: Date }>(
          `SELECT left_at AS "leftAt" FROM member_profile WHERE person_id = $1`,
          [me.personId],
        )
      )[0].leftAt,
    ).toEqual(leftAt);
    // Only the exit survey, of what was answered before; answered, it is the exit.
    const pending = await api.gql<{
      pendingSurveys: { stage: string; instrument: { id: string } }[];
    }>(`{ pendingSurveys { stage instrument { id } } }`, {}, me.accessToken);
    expect(pending.data?.pendingSurveys).toEqual([{ stage: 'EXIT', instrument: { id: 'ucla-3' } }]);
    const exit = await api.gql<{ submitSurvey: { stage: string; score: number } }>(
      SUBMIT,
      {
        i: 'ucla-3',
        a: ['companionship', 'left-out', 'isolated'].map((itemId) => ({ itemId, value: 2 })),
      },
      me.accessToken,
    );
    expect(exit.data?.submitSurvey).toEqual({ stage: 'EXIT', score: 6 });
    // No more places, and no introductions.
    const other = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(walking, { recurrence: null }) },
      help.coordinator.accessToken,
    );
    const rejoin = await api.gql(
      JOIN,
      { id: other.data!.createActivity.sessions[0].id },
      me.accessToken,
    );
    expect(codeOf(rejoin)).toBe('CONFLICT');
    expect(
      codeOf(await api.gql(UPDATE_PROFILE, { input: { peerIntroductions: true } }, me.accessToken)),
    ).toBe('CONFLICT');
    // No nudge goes to someone who left; no snapshot counts them (today's row, from before
    // they left, is taken back by the rerun).
    const decided = await worker
      .get(NudgeDecisionHandler)
      .decide({ event: 'RE_ENGAGE', personId: me.personId, since: Date.now() });
    expect(decided).toEqual({ status: 'skipped', reason: 'the member has left Kith' });
    await worker.get(NetworkSnapshotService).run();
    expect(
      await db.query(
        `SELECT 1 FROM network_snapshot WHERE person_id = $1 AND "on" = CURRENT_DATE`,
        [me.personId],
      ),
    ).toEqual([]);
  });
});
