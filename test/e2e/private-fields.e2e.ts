import { AreaService } from '@kith/areas';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { CREATE_ACTIVITY, interestIds, JOIN, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { APPROVE, ASSIGN, HelpFixtures, OFFER } from '../support/help';
import { latestCode, REQUEST_CODE, signIn, uniqueEmail } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const PROFILE = `mutation($input: MemberProfileInput!) { updateMemberProfile(input: $input) { phone } }`;

/** Every read a member can make that reaches other people, with every field those paths have. */
const PERSON_FIELDS = `id displayName distanceBand sharedInterests { slug label }`;
const READS = {
  me: `{ me { id displayName email roles { role area { code } }
    memberProfile { travelRadiusMetres hasHome goals accessibilityNeeds phone address area { code }
      availability { weekday start end } interests { slug } peerIntroductions }
    helperProfile { approved status dbsExpiresOn dbsExpiresOnDate dbsCheckedOnDate maxMinutesPerWeek
      travelRadiusMetres skills { slug } } } }`,
  suggestedPeers: `{ suggestedPeers(first: 50) { score reasons { code text weight } person { ${PERSON_FIELDS} } } }`,
  helperMatches: `query($r: ID!) { helperMatches(requestId: $r, first: 20) { score reasons { code text weight } helper { ${PERSON_FIELDS} } } }`,
  recommendedSessions: `{ recommendedSessions(first: 20) { score reasons { code text weight }
    session { id distanceBand placesLeft activity { title venueName } } } }`,
  session: `query($s: ID!) { session(id: $s) { id distanceBand placesLeft waitlistLength activity { id title } } }`,
  myBookings: `{ myBookings { id status session { id distanceBand } } }`,
  myHelpRequests: `{ myHelpRequests { id status description skill { slug } } }`,
  myAssignments: `{ myAssignments { id status member { firstName distanceBand phone address } request { id description } } }`,
};

describe("another member's private fields", () => {
  let api: RunningApi;
  let help: HelpFixtures;
  let victim: Session;
  let member: Session;
  let requestId: string;
  let sessionId: string;
  const victimEmail = uniqueEmail('victoria');
  /** What must never reach another member, whichever path they take. */
  const SECRETS = {
    email: victimEmail,
    surname: 'Quexley',
    phone: '+44 20 7946 0999',
    address: '99 Quexley Mews',
    homeLat: '51.5052',
    homeLng: '-0.0995',
    dbsCheckedOn: '2026-03-14',
    dbsExpiresOn: '2031-03-14',
  };

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    await importShippedAreas(api.app.get(AreaService));
    help = await HelpFixtures.create(api);
    const [choir] = await interestIds(api, help.coordinator.accessToken, 'choir');

    victim = await signIn(api, victimEmail);
    const saved = await api.gql(
      PROFILE,
      {
        input: {
          displayName: 'Victoria Quexley',
          home: { lat: 51.5052, lng: -0.0995 },
          interestIds: [choir],
          shownInterestIds: [choir],
          peerIntroductions: true,
          phone: SECRETS.phone,
          address: `${SECRETS.address}, SE1`,
          goals: ['meet-new-people'],
          accessibilityNeeds: ['HEARING_LOOP'],
          availability: [{ weekday: 'SAT', start: '10:00', end: '12:00' }],
        },
      },
      victim.accessToken,
    );
    expect(saved.errors).toBeUndefined();
    const offered = await api.gql(
      OFFER,
      {
        input: {
          skillIds: [help.skills.gardening],
          base: { lat: 51.5052, lng: -0.0995 },
          travelRadiusMetres: 3000,
          availability: [{ weekday: 'SAT', start: '09:00', end: '17:00' }],
          maxMinutesPerWeek: 137,
        },
      },
      victim.accessToken,
    );
    expect(offered.errors).toBeUndefined();
    const approved = await api.gql(
      APPROVE,
      { p: victim.personId, c: SECRETS.dbsCheckedOn, e: SECRETS.dbsExpiresOn },
      help.coordinator.accessToken,
    );
    expect(approved.errors).toBeUndefined();

    member = await signIn(api);
    await api.gql(
      PROFILE,
      {
        input: {
          displayName: 'Alan Member',
          home: { lat: 51.505, lng: -0.1 },
          interestIds: [choir],
          peerIntroductions: true,
          phone: '020 7946 0111',
        },
      },
      member.accessToken,
    );
    requestId = await help.askWeeding(member);

    const activity = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity([choir]) },
      help.coordinator.accessToken,
    );
    sessionId = activity.data!.createActivity.sessions[0].id;
    for (const who of [victim, member]) await api.gql(JOIN, { id: sessionId }, who.accessToken);
  });

  afterAll(() => api?.close());

  it('the member meets the other person through suggestions and helper matches', async () => {
    const peers = await api.gql<{ suggestedPeers: { person: { id: string } }[] }>(
      READS.suggestedPeers,
      {},
      member.accessToken,
    );
    expect(peers.data?.suggestedPeers.map((p) => p.person.id)).toContain(victim.personId);
    const helpers = await api.gql<{
      helperMatches: { helper: { id: string; displayName: string } }[];
    }>(READS.helperMatches, { r: requestId }, member.accessToken);
    expect(helpers.data?.helperMatches.map((m) => m.helper)).toContainEqual(
      expect.objectContaining({ id: victim.personId, displayName: 'Victoria' }),
    );
  });

  it('never carries their contact details, email, surname, home or DBS dates, on any path', async () => {
    // The member picks them as helper too: the offer they get back shows no one's details.
    const assigned = await api.gql<{ assignHelper: { member: unknown } }>(
      ASSIGN.replace('request { id status }', 'member { firstName phone address }'),
      { r: requestId, h: victim.personId },
      member.accessToken,
    );
    expect(assigned.data?.assignHelper.member).toBeNull();
    const answers = [JSON.stringify(assigned)];
    for (const [name, document] of Object.entries(READS)) {
      const answer = await api.gql(document, { r: requestId, s: sessionId }, member.accessToken);
      expect({ name, errors: answer.errors }).toEqual({ name, errors: undefined });
      answers.push(JSON.stringify(answer.data));
    }
    const seen = answers.join('\n');
    for (const [what, secret] of Object.entries(SECRETS)) {
      expect({ what, leaked: seen.includes(secret) }).toEqual({ what, leaked: false });
    }
    // The member's own private fields are still theirs to read.
    expect(seen).toContain('020 7946 0111');
  });

  it('reaches a Person only as the caller: no query, mutation or type returns someone else', async () => {
    const schema = await api.gql<{
      __schema: {
        types: {
          name: string;
          fields: { name: string; type: { name: string | null; ofType: unknown } }[] | null;
        }[];
      };
    }>(
      `{ __schema { types { name fields { name type { ...T } } } } }
       fragment T on __Type { name ofType { name ofType { name ofType { name ofType { name } } } } }`,
    );
    const named = (type: unknown): string | null => {
      const t = type as { name: string | null; ofType: unknown } | null;
      return !t ? null : (t.name ?? named(t.ofType));
    };
    const fieldsOf = (name: string) =>
      schema
        .data!.__schema.types.find((t) => t.name === name)
        ?.fields?.map((f) => f.name)
        .sort();
    const returningPerson = schema.data!.__schema.types.flatMap((t) =>
      (t.fields ?? []).filter((f) => named(f.type) === 'Person').map((f) => `${t.name}.${f.name}`),
    );
    expect(returningPerson.sort()).toEqual(['AuthPayload.person', 'Query.me']);
    // Others are seen only as these shapes; a new field on them is a privacy decision.
    expect(fieldsOf('PublicPerson')).toEqual([
      'displayName',
      'distanceBand',
      'id',
      'sharedInterests',
    ]);
    expect(fieldsOf('AssignmentMember')).toEqual(['address', 'distanceBand', 'firstName', 'phone']);
  });

  it('lets the answer to a sign-in carry the person their own profile, and nobody else', async () => {
    await api.gql(REQUEST_CODE, { email: victimEmail });
    const code = await latestCode(api, victimEmail);
    const answer = await api.gql<{
      signIn: {
        person: { email: string; memberProfile: { phone: string; travelRadiusMetres: number } };
      };
    }>(
      `mutation($email: String!, $code: String!) { signIn(email: $email, code: $code) {
        person { email memberProfile { phone travelRadiusMetres } } } }`,
      { email: victimEmail, code },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.signIn.person).toEqual({
      email: victimEmail,
      memberProfile: { phone: SECRETS.phone, travelRadiusMetres: expect.any(Number) as unknown },
    });
  });

  it('leaves the coordinator who approved a helper reading the DBS dates they entered', async () => {
    const approved = await api.gql(
      `mutation($p: ID!, $c: DateTime!, $e: DateTime) { approveHelper(personId: $p, dbsCheckedOn: $c, dbsExpiresOn: $e) { dbsCheckedOnDate dbsExpiresOnDate maxMinutesPerWeek } }`,
      { p: victim.personId, c: SECRETS.dbsCheckedOn, e: SECRETS.dbsExpiresOn },
      help.coordinator.accessToken,
    );
    expect(approved.data).toEqual({
      approveHelper: {
        dbsCheckedOnDate: SECRETS.dbsCheckedOn,
        dbsExpiresOnDate: SECRETS.dbsExpiresOn,
        maxMinutesPerWeek: 137,
      },
    });
    const own = await api.gql<{ me: { email: string; memberProfile: { phone: string } } }>(
      `{ me { email memberProfile { phone } helperProfile { dbsCheckedOnDate } } }`,
      {},
      victim.accessToken,
    );
    expect(own.data).toEqual({
      me: {
        email: victimEmail,
        memberProfile: { phone: SECRETS.phone },
        helperProfile: { dbsCheckedOnDate: SECRETS.dbsCheckedOn },
      },
    });
  });
});
