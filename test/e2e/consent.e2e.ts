import type { Db } from '@kith/platform';
import type { RunningApi } from '../support/api';
import {
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  pastSession as pastSessionWith,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { COMPLETE } from '../support/help';
import type { HelpFixtures } from '../support/help';
import { startNeighbourhood } from '../support/neighbourhood';
import type { Neighbourhood } from '../support/neighbourhood';
import { everyoneAwake, inboxHas, until } from '../support/nudges';
import type { Session } from '../support/sign-in';

const ATTENDED = `mutation($s: ID!, $p: ID!) { recordAttendance(sessionId: $s, personId: $p, attended: true) { status } }`;
const RECORD = `mutation($s: ID!, $p: [ID!]!) { recordContacts(sessionId: $s, personIds: $p) }`;
const RECOMMENDED = `{ recommendedSessions(first: 50) { session { id } score reasons { code text } } }`;
const CONTACTS = `{ myNetwork { contacts { person { id displayName } sources confirmed } } }`;
const CIRCLE = `mutation($p: ID!) { setContactCircle(personId: $p, circle: 1) { circle } }`;
const HIDE = `mutation($p: ID!) { hideContact(personId: $p) }`;
const BLOCK = `mutation($p: ID!) { blockPerson(personId: $p) }`;
const INTRODUCE = `mutation($p: ID!) { requestIntroduction(personId: $p) { id status } }`;
const ANSWER = `mutation($id: ID!) { respondToIntroduction(id: $id, accept: true) { status } }`;

interface Recommended {
  session: { id: string };
  score: number;
  reasons: { code: string; text: string }[];
}

/**
 * Consent for being seen, tried as an attacker would: a tie made by sitting in the same session
 * or by help, or by one side saying so, never shows the other's plans; contacts both confirmed
 * see each other going only if that person chose to be seen; and hiding or blocking stops it
 * without a session going missing from anyone's suggestions.
 */
describe('being seen going: only by contacts both confirmed, and only by choice', () => {
  let world: Neighbourhood;
  let api: RunningApi;
  let db: Db;
  let help: HelpFixtures;
  let walking: string[];

  /** A member near Bankside who likes walking (so the walks below are suggested to them). */
  const member = async (): Promise<Session> => {
    const s = await help.member();
    await api.gql(UPDATE_PROFILE, { input: { interestIds: walking } }, s.accessToken);
    return s;
  };

  const firstNameOf = async (s: Session): Promise<string> => {
    const [row] = await db.query<{ name: string }>(
      `SELECT split_part(display_name, ' ', 1) AS name FROM person WHERE id = $1`,
      [s.personId],
    );
    return row.name;
  };

  const tied = (x: Session, y: Session) =>
    until('the tie', async () => {
      const [row] = await db.query(
        `SELECT 1 FROM tie WHERE person_a = LEAST($1::uuid, $2::uuid) AND person_b = GREATEST($1::uuid, $2::uuid)`,
        [x.personId, y.personId],
      );
      return row;
    });

  /** Both came to a small session an hour or so ago, as the coordinator recorded. */
  const cameTogether = async (people: Session[]): Promise<string> => {
    const sessionId = await pastSessionWith(api, help.coordinator.accessToken, walking, people, 5);
    for (const p of people) {
      const done = await api.gql(
        ATTENDED,
        { s: sessionId, p: p.personId },
        help.coordinator.accessToken,
      );
      expect(done.errors).toBeUndefined();
    }
    return sessionId;
  };

  /** A walk next week, near everyone here, with a place for each. */
  const upcomingWalk = async (): Promise<string> => {
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(walking, { recurrence: null }) },
      help.coordinator.accessToken,
    );
    return created.data!.createActivity.sessions[0].id;
  };

  const suggestionOf = async (viewer: Session, sessionId: string) => {
    const result = await api.gql<{ recommendedSessions: Recommended[] }>(
      RECOMMENDED,
      {},
      viewer.accessToken,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.recommendedSessions.find((m) => m.session.id === sessionId);
  };

  const contactsOf = async (viewer: Session) =>
    (
      await api.gql<{
        myNetwork: {
          contacts: { person: { id: string }; sources: string[]; confirmed: boolean }[];
        };
      }>(CONTACTS, {}, viewer.accessToken)
    ).data?.myNetwork.contacts ?? [];

  const codeOf = (r: { errors?: { extensions: { code: string } }[] }) =>
    r.errors?.[0]?.extensions.code;

  /** Whether `viewer`'s suggestion of the session says anything of `other` going. */
  const tellsOf = async (viewer: Session, sessionId: string, other: Session) => {
    const found = await suggestionOf(viewer, sessionId);
    expect(found).toBeDefined();
    const name = await firstNameOf(other);
    const tells =
      found!.reasons.some((r) => r.code === 'KNOWN_PEOPLE') ||
      found!.reasons.some((r) => r.text.includes(name));
    // The session's own page says the same as the suggestion, by the same rule.
    const page = await api.gql<{ session: { knownGoing: string[] } }>(
      `query($id: ID!) { session(id: $id) { knownGoing } }`,
      { id: sessionId },
      viewer.accessToken,
    );
    expect(page.data!.session.knownGoing.includes(name)).toBe(tells);
    return tells;
  };

  beforeAll(async () => {
    world = await startNeighbourhood(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    ({ api, db, help } = world);
    walking = await interestIds(api, help.coordinator.accessToken, 'walking');
  });

  afterAll(() => world?.close());

  it('never tells a member that someone they only sat in a session with, or were helped by, is going', async () => {
    const [watcher, target] = [await member(), await member()];
    await cameTogether([watcher, target]);
    await tied(watcher, target);
    // Even someone who would be seen by the people they know is not seen by a mere co-attendee.
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, target.accessToken);
    const walk = await upcomingWalk();
    expect((await api.gql(JOIN, { id: walk }, target.accessToken)).errors).toBeUndefined();
    expect(await tellsOf(watcher, walk, target)).toBe(false);
    // Nor is the tie itself shown to either: not listed, and asked about like a stranger.
    expect((await contactsOf(watcher)).map((c) => c.person.id)).not.toContain(target.personId);
    expect((await contactsOf(target)).map((c) => c.person.id)).not.toContain(watcher.personId);
    expect(codeOf(await api.gql(CIRCLE, { p: target.personId }, watcher.accessToken))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await api.gql(HIDE, { p: target.personId }, watcher.accessToken))).toBe(
      'NOT_FOUND',
    );

    // A helper and the member they helped: tied for the record, neither sees the other's plans.
    const helper = await help.helper();
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, helper.accessToken);
    const assignment = await help.acceptedAssignment(watcher, helper);
    await api.gql(COMPLETE, { id: assignment, m: 60 }, helper.accessToken);
    await tied(watcher, helper);
    await api.gql(JOIN, { id: walk }, helper.accessToken);
    expect(await tellsOf(watcher, walk, helper)).toBe(false);
    expect((await contactsOf(watcher)).map((c) => c.person.id)).not.toContain(helper.personId);
  });

  it('shows a member only the people they named themselves, and the one named sees nothing', async () => {
    const [namer, named] = [await member(), await member()];
    const met = await cameTogether([namer, named]);
    await tied(namer, named);
    const said = await api.gql(RECORD, { s: met, p: [named.personId] }, namer.accessToken);
    expect(said.errors).toBeUndefined();
    expect(await contactsOf(namer)).toEqual([
      {
        person: { id: named.personId, displayName: await firstNameOf(named) },
        sources: ['CO_ATTENDANCE', 'SELF_REPORTED'],
        confirmed: false,
      },
    ]);
    expect(await contactsOf(named)).toEqual([]);
    // Named by one side only: still no plans either way.
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, named.accessToken);
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, namer.accessToken);
    const walk = await upcomingWalk();
    await api.gql(JOIN, { id: walk }, named.accessToken);
    expect(await tellsOf(namer, walk, named)).toBe(false);
  });

  it('shows contacts both confirmed going only once that person chooses it, and hiding stops it quietly', async () => {
    const [me, friend] = [await member(), await member()];
    const met = await cameTogether([me, friend]);
    await tied(me, friend);
    await api.gql(RECORD, { s: met, p: [friend.personId] }, me.accessToken);
    await api.gql(RECORD, { s: met, p: [me.personId] }, friend.accessToken);
    expect((await contactsOf(me)).find((c) => c.person.id === friend.personId)).toMatchObject({
      confirmed: true,
    });
    const walk = await upcomingWalk();
    await api.gql(JOIN, { id: walk }, friend.accessToken);
    // Not seen until the friend says so: off by default.
    expect(await tellsOf(me, walk, friend)).toBe(false);
    const profile = await api.gql<{ updateMemberProfile: { showMeGoing: boolean } }>(
      `mutation { updateMemberProfile(input: { showMeGoing: true }) { showMeGoing } }`,
      {},
      friend.accessToken,
    );
    expect(profile.data?.updateMemberProfile.showMeGoing).toBe(true);
    const seen = await suggestionOf(me, walk);
    expect(seen?.reasons.find((r) => r.code === 'KNOWN_PEOPLE')?.text).toBe(
      `${await firstNameOf(friend)} is going`,
    );
    // Turned off again: seen by nobody, at once.
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: false } }, friend.accessToken);
    expect(await tellsOf(me, walk, friend)).toBe(false);
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, friend.accessToken);
    expect(await tellsOf(me, walk, friend)).toBe(true);
    // The friend hides me: I no longer see their plans (short of a block), and the walk is still
    // suggested to me as before.
    expect((await api.gql(HIDE, { p: me.personId }, friend.accessToken)).errors).toBeUndefined();
    expect(await tellsOf(me, walk, friend)).toBe(false);
  });

  it('shows an accepted introduction going, until a block, which the blocked one cannot tell apart', async () => {
    const [me, other] = [await member(), await member()];
    await api.gql(UPDATE_PROFILE, { input: { peerIntroductions: true } }, other.accessToken);
    const asked = await api.gql<{ requestIntroduction: { id: string } }>(
      INTRODUCE,
      { p: other.personId },
      me.accessToken,
    );
    await api.gql(ANSWER, { id: asked.data!.requestIntroduction.id }, other.accessToken);
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, other.accessToken);
    const walk = await upcomingWalk();
    await api.gql(JOIN, { id: walk }, other.accessToken);
    expect(await tellsOf(me, walk, other)).toBe(true);
    await api.gql(BLOCK, { p: me.personId }, other.accessToken);
    expect(await tellsOf(me, walk, other)).toBe(false);
    // I still see them among my contacts, as after a hide: a vanishing contact would tell.
    expect((await contactsOf(me)).map((c) => c.person.id)).toContain(other.personId);
    // The one who blocked no longer sees me at all.
    expect((await contactsOf(other)).map((c) => c.person.id)).not.toContain(me.personId);
  });

  it('still suggests a session someone blocked (either way) is going to: its absence would tell where they will be', async () => {
    const [stalker, target, blocker] = [await member(), await member(), await member()];
    // The target blocks the stalker; then books a walk nobody else is going to.
    await api.gql(BLOCK, { p: stalker.personId }, target.accessToken);
    const theirs = await upcomingWalk();
    await api.gql(JOIN, { id: theirs }, target.accessToken);
    expect(await suggestionOf(stalker, theirs)).toBeDefined();
    // The other way round: someone blocks a person to watch where that person goes.
    await api.gql(BLOCK, { p: target.personId }, blocker.accessToken);
    expect(await suggestionOf(blocker, theirs)).toBeDefined();
    expect(await tellsOf(stalker, theirs, target)).toBe(false);
    expect(await tellsOf(blocker, theirs, target)).toBe(false);
  });

  it('tells a newcomer "someone going shares your interest" only of a person who chose to be seen going', async () => {
    const choir = await interestIds(api, help.coordinator.accessToken, 'choir');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(choir, { title: 'Quiet choir' }) },
      help.coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    const regular = await help.member();
    const newcomer = await help.member();
    for (const s of [regular, newcomer])
      await api.gql(
        UPDATE_PROFILE,
        { input: { interestIds: choir, shownInterestIds: choir, peerIntroductions: true } },
        s.accessToken,
      );
    await everyoneAwake(db);
    await api.gql(JOIN, { id: sessionId }, regular.accessToken);
    await api.gql(JOIN, { id: sessionId }, newcomer.accessToken);
    const [welcome] = await inboxHas(db, newcomer.personId, 'FIRST_VISIT_SUPPORT');
    expect(welcome.body).not.toContain('Someone going also enjoys');
    expect(welcome.body).toContain('1 other people are going too');
  });
});
