import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { NudgeChannel, NudgeDispatcher, NudgeKind } from '@kith/nudges';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { GraphQLResponse, RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import {
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { ASK, ASSIGN, COMPLETE, HelpFixtures, OFFER, RESPOND } from '../support/help';
import { signIn, uniqueEmail } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const ACTORS = [
  'anonymous',
  'otherMember',
  'helper',
  'coordinatorOut',
  'commissioner',
  'self',
  'coordinatorIn',
  'coordinatorEverywhere',
] as const;
type Actor = (typeof ACTORS)[number];
/** allowed: anything but UNAUTHENTICATED, FORBIDDEN or NOT_FOUND (a CONFLICT is still allowed). */
type Answer = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND';
const DENIALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);

interface Row {
  document: string;
  /** The variables for this actor's try; may make what the try needs (fresh, so tries do not meet). */
  variables?: (actor: Actor) => Promise<Record<string, unknown>> | Record<string, unknown>;
  expect: Record<Actor, Answer>;
}

const answers = (given: Partial<Record<Actor, Answer>>, otherwise: Answer): Record<Actor, Answer> =>
  Object.fromEntries(ACTORS.map((actor) => [actor, given[actor] ?? otherwise])) as Record<
    Actor,
    Answer
  >;
/** Anyone, signed in or not. */
const everyone = answers({}, 'allowed');
/** Anyone signed in, about themselves. */
const signedIn = answers({ anonymous: 'UNAUTHENTICATED' }, 'allowed');
/** Only these, of the signed in. */
const only = (allowed: Actor[], denied: Answer = 'FORBIDDEN') =>
  answers(
    { anonymous: 'UNAUTHENTICATED', ...Object.fromEntries(allowed.map((a) => [a, 'allowed'])) },
    denied,
  );
const AREA_COORDINATORS: Actor[] = ['coordinatorIn', 'coordinatorEverywhere'];

describe('who may do what: every query and mutation against every kind of caller', () => {
  let api: RunningApi;
  let fixtures: HelpFixtures;
  let sessions: Record<Exclude<Actor, 'anonymous'>, Session>;
  let choir: string;

  beforeAll(async () => {
    api = await startApi(
      testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '1000000', HOME_MOVES_PER_DAY: '1000' }),
    );
    await importShippedAreas(api.app.get(AreaService));
    fixtures = await HelpFixtures.create(api);
    const people = api.app.get(PersonService);
    const member = async () => {
      const s = await fixtures.member();
      await api.gql(
        UPDATE_PROFILE,
        { input: { interestIds: [choir], peerIntroductions: true } },
        s.accessToken,
      );
      return s;
    };
    const coordinator = async (area?: string) => {
      const s = await signIn(api);
      await people.grantRole(s.email, Role.COORDINATOR, area);
      return s;
    };
    [choir] = await interestIds(api, fixtures.coordinator.accessToken, 'choir');
    const commissioner = await signIn(api);
    await people.grantRole(commissioner.email, Role.COMMISSIONER, 'K09000001');
    sessions = {
      self: await member(),
      otherMember: await member(),
      helper: await fixtures.helper(),
      coordinatorIn: fixtures.coordinator,
      coordinatorOut: await coordinator('K09000002'),
      coordinatorEverywhere: await coordinator(),
      commissioner,
    };
  });

  afterAll(() => api?.close());

  const token = (actor: Actor) => (actor === 'anonymous' ? undefined : sessions[actor].accessToken);

  // --- What the tries need, made fresh each time. -------------------------------------------
  async function helpRequest(): Promise<string> {
    return fixtures.askWeeding(sessions.self);
  }
  async function offered(): Promise<string> {
    const requestId = await helpRequest();
    const answer = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: sessions.helper.personId },
      sessions.self.accessToken,
    );
    return answer.data!.assignHelper.id;
  }
  async function acceptedAssignment(): Promise<string> {
    const id = await offered();
    await api.gql(RESPOND, { id, a: true }, sessions.helper.accessToken);
    return id;
  }
  async function completedAssignment(): Promise<string> {
    const id = await acceptedAssignment();
    await api.gql(COMPLETE, { id, m: 30 }, sessions.helper.accessToken);
    return id;
  }
  /** The borough the in-area coordinator and the commissioner are for. */
  async function riversideId(): Promise<string> {
    const [area] = await api.app
      .get(Db)
      .query<{ id: string }>(`SELECT id FROM area WHERE code = 'K09000001'`);
    return area.id;
  }
  async function session(): Promise<string> {
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity([choir]) },
      sessions.coordinatorIn.accessToken,
    );
    return created.data!.createActivity.sessions[0].id;
  }
  async function proposal(): Promise<string> {
    const created = await api.gql<{ createActivity: { id: string } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity([choir]) },
      sessions.otherMember.accessToken,
    );
    return created.data!.createActivity.id;
  }
  async function pendingHelper(): Promise<string> {
    return (await fixtures.helper(false)).personId;
  }
  async function approvedHelper(): Promise<string> {
    return (await fixtures.helper(true)).personId;
  }
  async function introductionToSelf(): Promise<string> {
    const asker = await fixtures.member();
    await api.gql(
      UPDATE_PROFILE,
      { input: { interestIds: [choir], peerIntroductions: true } },
      asker.accessToken,
    );
    const asked = await api.gql<{ requestIntroduction: { id: string } }>(
      `mutation($p: ID!) { requestIntroduction(personId: $p) { id } }`,
      { p: sessions.self.personId },
      asker.accessToken,
    );
    return asked.data!.requestIntroduction.id;
  }
  /** Someone self was introduced to (both said yes): self's contact, and nobody else's. */
  async function contactOfSelf(): Promise<string> {
    const id = await introductionToSelf();
    await api.gql(
      `mutation($id: ID!) { respondToIntroduction(id: $id, accept: true) { status } }`,
      { id },
      sessions.self.accessToken,
    );
    const [row] = await api.app
      .get(Db)
      .query<{ fromId: string }>(`SELECT from_id AS "fromId" FROM introduction WHERE id = $1`, [
        id,
      ]);
    return row.fromId;
  }

  /** A nudge in the inbox of `self`, fresh for each try. */
  async function nudgeToSelf(): Promise<string> {
    const { id } = await api.app.get(NudgeDispatcher).send(
      {
        personId: sessions.self.personId,
        kind: NudgeKind.FOLLOW_UP,
        key: `matrix:${Math.random()}`,
        dueAt: new Date(),
        title: 'How was it?',
        body: 'Tell us who you met',
        linkScreen: null,
        linkId: null,
      },
      [NudgeChannel.INBOX],
    );
    return id;
  }

  const rows: Record<string, Row> = {
    // Public reads: onboarding shows them before anyone signs in.
    areas: { document: `{ areas { id } }`, expect: everyone },
    equalityQuestions: { document: `{ equalityQuestions { key } }`, expect: everyone },
    goals: { document: `{ goals { slug } }`, expect: everyone },
    interests: { document: `{ interests { id } }`, expect: everyone },
    skills: { document: `{ skills { id } }`, expect: everyone },
    // One's own.
    me: { document: `{ me { id } }`, expect: signedIn },
    myEqualityMonitoring: { document: `{ myEqualityMonitoring { sex } }`, expect: signedIn },
    matchingNeeds: { document: `{ matchingNeeds }`, expect: signedIn },
    othersWhoCame: {
      document: `query($s: ID!) { othersWhoCame(sessionId: $s) { id } }`,
      // Nobody came to it yet: no one may see who did (ties.e2e.ts tries those who came).
      variables: async () => ({ s: await session() }),
      expect: only([]),
    },
    matchingAdvice: { document: `{ matchingAdvice { needs } }`, expect: signedIn },
    myAssignments: { document: `{ myAssignments { id } }`, expect: signedIn },
    myBookings: { document: `{ myBookings { id } }`, expect: signedIn },
    myHelpRequests: { document: `{ myHelpRequests { id } }`, expect: signedIn },
    myTimeCredits: { document: `{ myTimeCredits { balanceMinutes } }`, expect: signedIn },
    recommendedSessions: { document: `{ recommendedSessions { score } }`, expect: signedIn },
    myInbox: { document: `{ myInbox { unreadCount } }`, expect: signedIn },
    pendingSurveys: { document: `{ pendingSurveys { stage } }`, expect: signedIn },
    submitSurvey: {
      document: `mutation { submitSurvey(instrumentId: "ons-direct", answers: [{ itemId: "lonely", value: 3 }]) { score } }`,
      expect: signedIn,
    },
    myNetwork: {
      document: `{ myNetwork { gains { code } hiddenContacts { confirmed } } }`,
      expect: signedIn,
    },
    membersAtRisk: {
      document: `query($a: ID!) { membersAtRisk(areaId: $a) { lastAttendedAt } }`,
      variables: async () => ({ a: await riversideId() }),
      expect: only(AREA_COORDINATORS),
    },
    // Someone self was introduced to is self's contact, and nobody else's to touch.
    setContactCircle: {
      document: `mutation($p: ID!) { setContactCircle(personId: $p, circle: 2) { circle } }`,
      variables: async () => ({ p: await contactOfSelf() }),
      expect: only(['self'], 'NOT_FOUND'),
    },
    hideContact: {
      document: `mutation($p: ID!) { hideContact(personId: $p) }`,
      variables: async () => ({ p: await contactOfSelf() }),
      expect: only(['self'], 'NOT_FOUND'),
    },
    unhideContact: {
      document: `mutation($p: ID!) { unhideContact(personId: $p) { confirmed } }`,
      variables: async () => ({ p: await contactOfSelf() }),
      expect: only(['self'], 'NOT_FOUND'),
    },
    // Only who came may say whom they met; anyone else is told what is wrong (BAD_USER_INPUT).
    recordContacts: {
      document: `mutation($s: ID!, $p: [ID!]!) { recordContacts(sessionId: $s, personIds: $p) }`,
      variables: async () => ({ s: await session(), p: [sessions.otherMember.personId] }),
      expect: signedIn,
    },
    myNudgePreferences: { document: `{ myNudgePreferences { weeklyLimit } }`, expect: signedIn },
    markAllNudgesRead: { document: `mutation { markAllNudgesRead }`, expect: signedIn },
    updateNudgePreferences: {
      document: `mutation { updateNudgePreferences(input: { weeklyLimit: 2 }) { weeklyLimit } }`,
      expect: signedIn,
    },
    registerDevice: {
      document: `mutation($t: String!) { registerDevice(token: $t, platform: IOS) }`,
      variables: () => ({ t: `ExponentPushToken[${Math.random().toString(36).slice(2)}]` }),
      expect: signedIn,
    },
    unregisterDevice: {
      document: `mutation { unregisterDevice(token: "ExponentPushToken[none]") }`,
      expect: signedIn,
    },
    // A member's nudges, and how wordings compare: coordinators of the area only.
    nudgeHistory: {
      document: `query($p: ID!) { nudgeHistory(personId: $p) { channel status } }`,
      variables: () => ({ p: sessions.self.personId }),
      expect: only(AREA_COORDINATORS),
    },
    nudgeVariantReport: {
      document: `query($a: ID!) { nudgeVariantReport(kind: SESSION_REMINDER, areaId: $a) { variant } }`,
      variables: async () => ({ a: await riversideId() }),
      expect: only(AREA_COORDINATORS),
    },
    markNudgeRead: {
      document: `mutation($id: ID!) { markNudgeRead(id: $id) { id } }`,
      variables: async () => ({ id: await nudgeToSelf() }),
      expect: only(['self'], 'NOT_FOUND'),
    },
    suggestedPeers: { document: `{ suggestedPeers { score } }`, expect: signedIn },
    sessions: { document: `{ sessions { edges { cursor } } }`, expect: signedIn },
    session: {
      document: `query($id: ID!) { session(id: $id) { id } }`,
      variables: async () => ({ id: await session() }),
      expect: signedIn,
    },
    helperMatches: {
      document: `query($r: ID!) { helperMatches(requestId: $r) { score } }`,
      variables: async () => ({ r: await helpRequest() }),
      expect: only(['self', ...AREA_COORDINATORS]),
    },
    helperMatchGaps: {
      document: `query($r: ID!) { helperMatchGaps(requestId: $r) }`,
      variables: async () => ({ r: await helpRequest() }),
      expect: only(['self', ...AREA_COORDINATORS]),
    },
    // Signing in.
    requestSignInCode: {
      document: `mutation($e: String!) { requestSignInCode(email: $e) }`,
      variables: () => ({ e: uniqueEmail('matrix') }),
      expect: everyone,
    },
    signIn: {
      document: `mutation($e: String!) { signIn(email: $e, code: "000000") { accessToken } }`,
      variables: () => ({ e: uniqueEmail('matrix') }),
      expect: everyone,
    },
    refreshSession: {
      document: `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`,
      variables: (actor) => ({
        t: actor === 'anonymous' ? 'not-a-token' : sessions[actor].refreshToken,
      }),
      expect: signedIn,
    },
    // One's own profile and doings.
    updateEqualityMonitoring: {
      document: `mutation { updateEqualityMonitoring(input: { disability: "prefer-not-to-say" }) { disability } }`,
      expect: signedIn,
    },
    updateMemberProfile: {
      document: `mutation { updateMemberProfile(input: { goals: ["meet-people"] }) { peerIntroductions } }`,
      expect: signedIn,
    },
    updateHelperProfile: {
      document: OFFER,
      variables: () => ({
        input: {
          skillIds: [fixtures.skills.gardening],
          base: { lat: 51.506, lng: -0.1 },
          travelRadiusMetres: 3000,
          availability: [{ weekday: 'SAT', start: '09:00', end: '17:00' }],
        },
      }),
      expect: signedIn,
    },
    createHelpRequest: {
      document: ASK,
      variables: () => ({
        input: {
          skillId: fixtures.skills.gardening,
          description: 'Weeding',
          durationMinutes: 60,
          atHome: false,
        },
      }),
      expect: signedIn,
    },
    createActivity: {
      document: CREATE_ACTIVITY,
      variables: () => ({ input: weeklyActivity([choir]) }),
      expect: signedIn,
    },
    joinSession: {
      document: JOIN,
      variables: async () => ({ id: await session() }),
      expect: signedIn,
    },
    leaveSession: {
      document: `mutation($id: ID!) { leaveSession(sessionId: $id) { status } }`,
      variables: async (actor) => {
        const id = await session();
        if (actor !== 'anonymous') await api.gql(JOIN, { id }, sessions[actor].accessToken);
        return { id };
      },
      expect: signedIn,
    },
    blockPerson: {
      document: `mutation($p: ID!) { blockPerson(personId: $p) }`,
      variables: async () => ({ p: (await signIn(api)).personId }),
      expect: signedIn,
    },
    requestIntroduction: {
      document: `mutation($p: ID!) { requestIntroduction(personId: $p) { status } }`,
      variables: async () => {
        const target = await fixtures.member();
        await api.gql(
          UPDATE_PROFILE,
          { input: { interestIds: [choir], peerIntroductions: true } },
          target.accessToken,
        );
        return { p: target.personId };
      },
      expect: signedIn,
    },
    signOut: { document: `mutation { signOut }`, expect: signedIn },
    // Things that belong to someone.
    respondToIntroduction: {
      document: `mutation($id: ID!) { respondToIntroduction(id: $id, accept: true) { status } }`,
      variables: async () => ({ id: await introductionToSelf() }),
      expect: only(['self']),
    },
    cancelHelpRequest: {
      document: `mutation($id: ID!) { cancelHelpRequest(id: $id) { status } }`,
      variables: async () => ({ id: await helpRequest() }),
      // A coordinator may cancel for a member who phoned in.
      expect: only(['self', ...AREA_COORDINATORS]),
    },
    assignHelper: {
      document: ASSIGN,
      variables: async () => ({ r: await helpRequest(), h: sessions.helper.personId }),
      expect: only(['self', ...AREA_COORDINATORS]),
    },
    respondToAssignment: {
      document: `mutation($id: ID!) { respondToAssignment(id: $id, accept: true) { status } }`,
      variables: async () => ({ id: await offered() }),
      expect: only(['helper']),
    },
    completeAssignment: {
      document: `mutation($id: ID!) { completeAssignment(id: $id, minutes: 30) { status } }`,
      variables: async () => ({ id: await acceptedAssignment() }),
      expect: only(['helper']),
    },
    scheduleAssignment: {
      document: `mutation($id: ID!, $at: DateTime!) { scheduleAssignment(id: $id, at: $at) { scheduledAt } }`,
      variables: async () => ({
        id: await acceptedAssignment(),
        at: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString(),
      }),
      expect: only(['helper']),
    },
    rateAssignment: {
      document: `mutation($id: ID!) { rateAssignment(id: $id, rating: 5) { rating } }`,
      variables: async () => ({ id: await completedAssignment() }),
      expect: only(['self']),
    },
    // A coordinator's work, in their area (or everywhere).
    reviewActivity: {
      document: `mutation($id: ID!) { reviewActivity(id: $id, approve: true) { id } }`,
      variables: async () => ({ id: await proposal() }),
      expect: only(AREA_COORDINATORS),
    },
    cancelSession: {
      document: `mutation($id: ID!) { cancelSession(id: $id) { cancelled } }`,
      variables: async () => ({ id: await session() }),
      expect: only(AREA_COORDINATORS),
    },
    recordAttendance: {
      document: `mutation($s: ID!, $p: ID!) { recordAttendance(sessionId: $s, personId: $p, attended: true) { status } }`,
      variables: async () => {
        const id = await session();
        await api.gql(JOIN, { id }, sessions.self.accessToken);
        return { s: id, p: sessions.self.personId };
      },
      expect: only(AREA_COORDINATORS),
    },
    approveHelper: {
      document: `mutation($p: ID!) { approveHelper(personId: $p, dbsCheckedOn: "2026-05-01T00:00:00Z") { approved } }`,
      variables: async () => ({ p: await pendingHelper() }),
      expect: only(AREA_COORDINATORS),
    },
    suspendHelper: {
      document: `mutation($p: ID!) { suspendHelper(personId: $p, reason: "Concerns raised") { status } }`,
      variables: async () => ({ p: await approvedHelper() }),
      expect: only(AREA_COORDINATORS),
    },
    grantTimeCredits: {
      document: `mutation($p: ID!) { grantTimeCredits(personId: $p, minutes: 30, reason: "Budget") }`,
      variables: async () => ({ p: (await fixtures.member()).personId }),
      expect: only(AREA_COORDINATORS),
    },
    grantRole: {
      document: `mutation($e: String!) { grantRole(email: $e, role: MEMBER, areaCode: "K09000001") { role } }`,
      variables: () => ({ e: uniqueEmail('granted') }),
      expect: only(AREA_COORDINATORS),
    },
    outcomesReport: {
      document: `query($a: ID!) { outcomesReport(areaId: $a, from: "2026-01-01T00:00:00Z", to: "2026-12-01T00:00:00Z") { threshold } }`,
      variables: async () => ({ a: await riversideId() }),
      expect: only(['commissioner', ...AREA_COORDINATORS]),
    },
    participationReport: {
      document: `query($a: ID!) { participationReport(areaId: $a, from: "2026-01-01T00:00:00Z", to: "2026-12-01T00:00:00Z", groupBy: [WARD]) { threshold totals { participants { value } } } }`,
      variables: async () => ({ a: await riversideId() }),
      expect: only(['commissioner', ...AREA_COORDINATORS]),
    },
    reportLink: {
      document: `query($a: ID!) { reportLink(kind: "outcomes", format: "csv", areaId: $a, from: "2026-01-01T00:00:00Z", to: "2026-12-01T00:00:00Z") }`,
      variables: async () => ({ a: await riversideId() }),
      expect: only(['commissioner', ...AREA_COORDINATORS]),
    },
    // Last: each signed-in caller leaves (themselves only; nobody can make another leave).
    leaveKith: { document: `mutation { leaveKith }`, expect: signedIn },
  };

  it('has a row for every operation the schema serves', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    const operations = [
      ...Object.keys(schema.getQueryType()!.getFields()),
      ...Object.keys(schema.getMutationType()!.getFields()),
    ].sort();
    expect(operations.filter((name) => !rows[name])).toEqual([]);
    expect(Object.keys(rows).filter((name) => !operations.includes(name))).toEqual([]);
  });

  it('gives each caller the expected answer', async () => {
    const wrong: string[] = [];
    for (const [operation, row] of Object.entries(rows)) {
      for (const actor of ACTORS) {
        // Signing out ends the session: that try gets a session of its own.
        const session =
          operation === 'signOut' && actor !== 'anonymous'
            ? (await signIn(api, sessions[actor].email)).accessToken
            : token(actor);
        const variables = (await row.variables?.(actor)) ?? {};
        const answer: GraphQLResponse = await api.gql(row.document, variables, session);
        const code = answer.errors?.find((e) => DENIALS.has(e.extensions.code))?.extensions.code;
        const got: Answer = (code as Answer | undefined) ?? 'allowed';
        const internal = answer.errors?.some((e) => e.extensions.code === 'INTERNAL_SERVER_ERROR');
        if (got !== row.expect[actor] || internal) {
          wrong.push(
            `${operation} as ${actor}: expected ${row.expect[actor]}, got ${internal ? 'INTERNAL_SERVER_ERROR' : got} ${JSON.stringify(answer.errors?.[0]?.message ?? '')}`,
          );
        }
      }
    }
    expect(wrong).toEqual([]);
  }, 180_000);
});
