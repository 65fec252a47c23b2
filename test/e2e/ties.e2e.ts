import type { INestApplicationContext } from '@nestjs/common';
import { SessionCandidateRepository } from '../../libs/matching/src/session-candidates.repository';
import type { Db } from '@kith/platform';
import type { RunningApi } from '../support/api';
import { interestIds, pastSession as pastSessionWith, UPDATE_PROFILE } from '../support/community';
import { testConfig } from '../support/config';
import { COMPLETE } from '../support/help';
import type { HelpFixtures } from '../support/help';
import { startNeighbourhood } from '../support/neighbourhood';
import type { Neighbourhood } from '../support/neighbourhood';
import { until } from '../support/nudges';
import type { Session } from '../support/sign-in';

const ATTENDANCE = `mutation($s: ID!, $p: ID!, $a: Boolean!) { recordAttendance(sessionId: $s, personId: $p, attended: $a) { status } }`;
const RECORD = `mutation($s: ID!, $p: [ID!]!) { recordContacts(sessionId: $s, personIds: $p) }`;
const CIRCLE = `mutation($p: ID!, $c: Int) { setContactCircle(personId: $p, circle: $c) { person { id displayName } sources circle lastContactAt } }`;
const HIDE = `mutation($p: ID!) { hideContact(personId: $p) }`;

interface TieRow {
  sources: string[];
  weight: number;
  days: number;
}

describe('ties: made as things happen, and kept by the member as they see them', () => {
  let world: Neighbourhood;
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let help: HelpFixtures;
  let walking: string[];

  const tieOf = async (x: Session, y: Session): Promise<TieRow | undefined> => {
    const [row] = await db.query<TieRow>(
      `SELECT sources::text[] AS sources, weight, contact_days AS days FROM tie
        WHERE person_a = LEAST($1::uuid, $2::uuid) AND person_b = GREATEST($1::uuid, $2::uuid)`,
      [x.personId, y.personId],
    );
    return row;
  };

  /** A session the members booked, moved to have happened `hoursAgo`. */
  const pastSession = (members: Session[], hoursAgo = 5): Promise<string> =>
    pastSessionWith(api, help.coordinator.accessToken, walking, members, hoursAgo);

  const attend = async (sessionId: string, m: Session, came = true) => {
    const result = await api.gql(
      ATTENDANCE,
      { s: sessionId, p: m.personId, a: came },
      help.coordinator.accessToken,
    );
    expect(result.errors).toBeUndefined();
  };

  /** Both came to a session and each said they met the other: a contact both confirmed. */
  const metEachOther = async (a: Session, b: Session): Promise<string> => {
    const sessionId = await pastSession([a, b]);
    await attend(sessionId, a);
    await attend(sessionId, b);
    await until('the tie', () => tieOf(a, b));
    await api.gql(RECORD, { s: sessionId, p: [b.personId] }, a.accessToken);
    await api.gql(RECORD, { s: sessionId, p: [a.personId] }, b.accessToken);
    return sessionId;
  };

  const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    world = await startNeighbourhood(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    ({ api, worker, db, help } = world);
    walking = await interestIds(api, help.coordinator.accessToken, 'walking');
  });

  afterAll(() => world?.close());

  it('ties everyone who came to a small session, weighted by its size; a corrected no-show takes it back', async () => {
    const [a, b, c] = [await help.member(), await help.member(), await help.member()];
    const sessionId = await pastSession([a, b, c]);
    for (const m of [a, b, c]) await attend(sessionId, m);
    // Three came: each pair one contact of 1/(3-1), so each person gets one in all.
    const ab = await until('three ties', async () => {
      const rows = await Promise.all([tieOf(a, b), tieOf(a, c), tieOf(b, c)]);
      return rows.every((r) => r?.weight === 0.5) ? rows[0] : undefined;
    });
    expect(ab).toEqual({ sources: ['CO_ATTENDANCE'], weight: 0.5, days: 1 });
    await attend(sessionId, c, false);
    await until('the no-show untied', async () =>
      (await tieOf(a, c)) === undefined && (await tieOf(a, b))?.weight === 1 ? true : undefined,
    );
    expect(await tieOf(b, c)).toBeUndefined();
  });

  it('keeps every contact when two sessions of the same pair are recorded at once', async () => {
    const [a, b] = [await help.member(), await help.member()];
    const yesterday = await pastSession([a, b], 29);
    const today = await pastSession([a, b], 5);
    await Promise.all([
      attend(yesterday, a),
      attend(yesterday, b),
      attend(today, a),
      attend(today, b),
    ]);
    const tie = await until('both sessions counted', async () => {
      const row = await tieOf(a, b);
      return row?.days === 2 ? row : undefined;
    });
    // The older contact faded by a day of a 90-day half-life, the newer whole.
    expect(tie.weight).toBeCloseTo(1 + 0.5 ** (24 / (90 * 24)), 6);
  });

  it('records whom a member says they met, only among people who came', async () => {
    const [a, b, booked, stranger] = [
      await help.member(),
      await help.member(),
      await help.member(),
      await help.member(),
    ];
    const sessionId = await pastSession([a, b, booked]);
    await attend(sessionId, a);
    await attend(sessionId, b);
    // Who else came, for the member to choose from: only those recorded there, by first name.
    await api.gql(UPDATE_PROFILE, { input: { displayName: 'Bea Lawson' } }, b.accessToken);
    const WHO = `query($s: ID!) { othersWhoCame(sessionId: $s) { id displayName distanceBand } }`;
    expect((await api.gql(WHO, { s: sessionId }, a.accessToken)).data).toEqual({
      othersWhoCame: [{ id: b.personId, displayName: 'Bea', distanceBand: null }],
    });
    for (const outsider of [booked, stranger])
      expect(codeOf(await api.gql(WHO, { s: sessionId }, outsider.accessToken))).toBe('FORBIDDEN');
    const notThere = await api.gql(RECORD, { s: sessionId, p: [a.personId] }, stranger.accessToken);
    expect(codeOf(notThere)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(notThere.errors)).toContain('sessionId');
    const absent = await api.gql(
      RECORD,
      { s: sessionId, p: [b.personId, booked.personId] },
      a.accessToken,
    );
    expect(codeOf(absent)).toBe('BAD_USER_INPUT');
    expect(absent.errors?.[0]?.extensions?.fields).toEqual([
      { path: 'personIds.1', message: 'was not recorded at this session' },
    ]);
    const self = await api.gql(RECORD, { s: sessionId, p: [a.personId] }, a.accessToken);
    expect(codeOf(self)).toBe('BAD_USER_INPUT');
    const tooMany = await api.gql(
      RECORD,
      { s: sessionId, p: Array.from({ length: 500 }, () => crypto.randomUUID()) },
      a.accessToken,
    );
    // One problem however many are named.
    expect(tooMany.errors?.[0]?.extensions?.fields).toEqual([
      { path: 'personIds', message: 'name at most 50 people' },
    ]);
    // Nothing was recorded by any of those.
    expect(
      await db.query(`SELECT 1 FROM tie_contact WHERE source = 'SELF_REPORTED' AND ref_id = $1`, [
        sessionId,
      ]),
    ).toEqual([]);
    const made = await api.gql<{ recordContacts: number }>(
      RECORD,
      { s: sessionId, p: [b.personId] },
      a.accessToken,
    );
    expect(made.data?.recordContacts).toBe(1);
    // Saying it again records nothing more; b saying it too is b's own report.
    await api.gql(RECORD, { s: sessionId, p: [b.personId] }, a.accessToken);
    await until('co-attendance', async () =>
      (await tieOf(a, b))?.sources.includes('CO_ATTENDANCE') ? true : undefined,
    );
    const seenBy = async (viewer: Session, other: Session) =>
      (
        await api.gql<{ setContactCircle: { sources: string[] } }>(
          CIRCLE,
          { p: other.personId, c: null },
          viewer.accessToken,
        )
      ).data?.setContactCircle.sources;
    // Only the one who said so sees it as reported; the one named does not see the tie at all
    // until they name the other too (NOT_FOUND, as for a stranger).
    expect(await seenBy(a, b)).toEqual(['CO_ATTENDANCE', 'SELF_REPORTED']);
    expect(codeOf(await api.gql(CIRCLE, { p: a.personId, c: null }, b.accessToken))).toBe(
      'NOT_FOUND',
    );
    const again = await api.gql<{ recordContacts: number }>(
      RECORD,
      { s: sessionId, p: [a.personId] },
      b.accessToken,
    );
    expect(again.data?.recordContacts).toBe(1);
    expect(await seenBy(b, a)).toEqual(['CO_ATTENDANCE', 'SELF_REPORTED']);
    const tie = await tieOf(a, b);
    expect(tie).toMatchObject({ sources: ['CO_ATTENDANCE', 'SELF_REPORTED'], days: 1 });
    // The session (1/(2-1)) and the two reports.
    expect(tie?.weight).toBeCloseTo(3, 6);
  });

  it('lets a member put a contact in a circle or hide them, in their own view only', async () => {
    const [a, b, stranger] = [await help.member(), await help.member(), await help.member()];
    // Each says they met the other: a contact both confirmed, which each may then see.
    await metEachOther(a, b);
    // Seen going by each other only as each chooses.
    for (const m of [a, b])
      await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, m.accessToken);
    // Having been in the same session is not having been introduced: asking still works.
    await api.gql(UPDATE_PROFILE, { input: { peerIntroductions: true } }, b.accessToken);
    const asked = await api.gql<{ requestIntroduction: { status: string } }>(
      `mutation($p: ID!) { requestIntroduction(personId: $p) { status } }`,
      { p: b.personId },
      a.accessToken,
    );
    expect(asked.data?.requestIntroduction.status).toBe('PENDING');
    expect(codeOf(await api.gql(CIRCLE, { p: b.personId, c: 4 }, a.accessToken))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await api.gql(CIRCLE, { p: stranger.personId, c: 1 }, a.accessToken))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await api.gql(HIDE, { p: stranger.personId }, a.accessToken))).toBe('NOT_FOUND');
    const set = await api.gql<{ setContactCircle: Record<string, unknown> }>(
      CIRCLE,
      { p: b.personId, c: 1 },
      a.accessToken,
    );
    const [name] = await db.query<{ first: string }>(
      `SELECT split_part(display_name, ' ', 1) AS first FROM person WHERE id = $1`,
      [b.personId],
    );
    expect(set.data?.setContactCircle).toMatchObject({
      person: { id: b.personId, displayName: name.first },
      sources: ['CO_ATTENDANCE', 'SELF_REPORTED'],
      circle: 1,
    });
    const cleared = await api.gql<{ setContactCircle: { circle: number | null } }>(
      CIRCLE,
      { p: b.personId, c: null },
      a.accessToken,
    );
    expect(cleared.data?.setContactCircle.circle).toBeNull();
    // Whose plans a member may see, for "people you know going": b, until either hides the other.
    const matching = worker.get(SessionCandidateRepository);
    expect((await matching.member(a.personId))?.known).toEqual([b.personId]);
    expect(
      (await api.gql<{ hideContact: boolean }>(HIDE, { p: b.personId }, a.accessToken)).data,
    ).toEqual({ hideContact: true });
    expect((await matching.member(a.personId))?.known).toEqual([]);
    expect(codeOf(await api.gql(CIRCLE, { p: b.personId, c: 2 }, a.accessToken))).toBe('NOT_FOUND');
    // b still lists a (hiding is a's own view), but no longer sees a's plans: hidden by a.
    expect((await matching.member(b.personId))?.known).toEqual([]);
    expect(
      (await api.gql(CIRCLE, { p: a.personId, c: 3 }, b.accessToken)).data?.setContactCircle,
    ).toMatchObject({ circle: 3 });
  });

  it('hides a contact once however often asked, even asked at once, and shows them again on request', async () => {
    const [a, b] = [await help.member(), await help.member()];
    await metEachOther(a, b);
    const HIDDEN = `{ myNetwork { contacts { person { id } } hiddenContacts { person { id } circle } } }`;
    type Lists = {
      myNetwork: {
        contacts: { person: { id: string } }[];
        hiddenContacts: { person: { id: string } }[];
      };
    };
    const lists = async () => (await api.gql<Lists>(HIDDEN, {}, a.accessToken)).data!.myNetwork;
    await api.gql(CIRCLE, { p: b.personId, c: 2 }, a.accessToken);
    const hiddenSince = async () =>
      (
        await db.query<{ at: Date }>(
          `SELECT hidden_at AS at FROM contact_setting WHERE owner_id = $1 AND person_id = $2`,
          [a.personId, b.personId],
        )
      )[0].at;
    // Hidden twice in a row, and twice at the same moment: the same answer each time, hidden
    // since the first.
    const first = await api.gql(HIDE, { p: b.personId }, a.accessToken);
    const since = await hiddenSince();
    const second = await api.gql(HIDE, { p: b.personId }, a.accessToken);
    const together = await Promise.all([
      api.gql(HIDE, { p: b.personId }, a.accessToken),
      api.gql(HIDE, { p: b.personId }, a.accessToken),
    ]);
    for (const answer of [first, second, ...together])
      expect(answer).toMatchObject({ data: { hideContact: true } });
    expect(await hiddenSince()).toEqual(since);
    expect(await lists()).toEqual({
      contacts: [],
      hiddenContacts: [{ person: { id: b.personId }, circle: 2 }],
    });
    // Shown again, with the circle it had; showing again what is shown changes nothing.
    const UNHIDE = `mutation($p: ID!) { unhideContact(personId: $p) { person { id } circle confirmed } }`;
    const shown = await api.gql(UNHIDE, { p: b.personId }, a.accessToken);
    expect(shown.data).toEqual({
      unhideContact: { person: { id: b.personId }, circle: 2, confirmed: true },
    });
    expect((await api.gql(UNHIDE, { p: b.personId }, a.accessToken)).data).toEqual(shown.data);
    expect(await lists()).toEqual({
      contacts: [{ person: { id: b.personId } }],
      hiddenContacts: [],
    });
    // Someone who is no contact of a's is NOT_FOUND either way, and nothing is written.
    const stranger = await help.member();
    expect(codeOf(await api.gql(UNHIDE, { p: stranger.personId }, a.accessToken))).toBe(
      'NOT_FOUND',
    );
    expect(codeOf(await api.gql(HIDE, { p: stranger.personId }, a.accessToken))).toBe('NOT_FOUND');
    expect(codeOf(await api.gql(UNHIDE, { p: 'not-an-id' }, a.accessToken))).toBe('NOT_FOUND');
    expect(
      await db.query(`SELECT 1 FROM contact_setting WHERE owner_id = $1 AND person_id = $2`, [
        a.personId,
        stranger.personId,
      ]),
    ).toEqual([]);
  });

  it('ties a member and the helper who helped them, with the completion', async () => {
    const asker = await help.member();
    const helper = await help.helper();
    const id = await help.acceptedAssignment(asker, helper);
    expect(await tieOf(asker, helper)).toBeUndefined();
    await api.gql(COMPLETE, { id, m: 60 }, helper.accessToken);
    expect(await tieOf(asker, helper)).toEqual({ sources: ['HELP'], weight: 1, days: 1 });
  });
});
