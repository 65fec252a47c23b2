import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import {
  coarseBand,
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const SUGGEST = `{ suggestedPeers(first: 50) { score reasons { code text } person { id displayName distanceBand sharedInterests { slug } } } }`;
const INTRODUCE = `mutation($p: ID!, $m: String) { requestIntroduction(personId: $p, message: $m) { id status } }`;
const ANSWER = `mutation($id: ID!, $a: Boolean!) { respondToIntroduction(id: $id, accept: $a) { id status } }`;
type Errors = { errors?: { extensions: { code: string } }[] };
const codeOf = (r: Errors) => r.errors?.[0].extensions.code;

describe('suggested peers and introductions over HTTP', () => {
  let api: RunningApi;
  let choir: string;
  let chess: string;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    await importShippedAreas(api.app.get(AreaService));
    const someone = await signIn(api);
    [choir, chess] = await interestIds(api, someone.accessToken, 'choir', 'chess');
  });

  afterAll(() => api?.close());

  async function person(
    lat: number,
    lng: number,
    interests: string[],
    optedIn: boolean,
  ): Promise<Session> {
    const s = await signIn(api);
    await api.gql(
      UPDATE_PROFILE,
      {
        input: {
          home: { lat, lng },
          interestIds: interests,
          // Those who want to be introduced show what they like.
          shownInterestIds: optedIn ? interests : [],
          peerIntroductions: optedIn,
          travelRadiusMetres: 2000,
        },
      },
      s.accessToken,
    );
    return s;
  }

  it('suggests opted-in neighbours who share an interest, and introduces them once, with a tie on acceptance', async () => {
    const me = await person(51.505, -0.1, [choir], true);
    const match = await person(51.5055, -0.1, [choir], true);
    const notOptedIn = await person(51.5052, -0.1, [choir], false);
    const far = await person(51.47, -0.1, [choir], true);
    const noShared = await person(51.5051, -0.1, [chess], true);
    const blocked = await person(51.5053, -0.1, [choir], true);
    await api.gql(
      `mutation($p: ID!) { blockPerson(personId: $p) }`,
      { p: blocked.personId },
      me.accessToken,
    );

    const ours = new Set([match, notOptedIn, far, noShared, blocked].map((p) => p.personId));
    const suggested = await api.gql<{
      suggestedPeers: {
        person: { id: string; distanceBand: string; sharedInterests: { slug: string }[] };
        reasons: { text: string }[];
      }[];
    }>(SUGGEST, {}, me.accessToken);
    const ids = suggested.data!.suggestedPeers.map((p) => p.person.id).filter((id) => ours.has(id));
    expect(ids).toEqual([match.personId]);
    const found = suggested.data!.suggestedPeers.find((p) => p.person.id === match.personId)!;
    expect(found.person).toMatchObject({
      distanceBand: await coarseBand(
        api.app.get(Db),
        { personId: match.personId, place: 'home' },
        me.personId,
      ),
      sharedInterests: [{ slug: 'choir' }],
    });
    expect(found.reasons.map((r) => r.text)).toContain('1 shared interest: choir');

    expect(codeOf(await api.gql(INTRODUCE, { p: me.personId }, me.accessToken))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await api.gql(INTRODUCE, { p: notOptedIn.personId }, me.accessToken))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await api.gql(INTRODUCE, { p: blocked.personId }, me.accessToken))).toBe(
      'FORBIDDEN',
    );

    const asked = await api.gql<{ requestIntroduction: { id: string; status: string } }>(
      INTRODUCE,
      { p: match.personId, m: 'We both sing!' },
      me.accessToken,
    );
    expect(asked.data!.requestIntroduction.status).toBe('PENDING');
    const again = await api.gql<{ requestIntroduction: { id: string } }>(
      INTRODUCE,
      { p: match.personId },
      me.accessToken,
    );
    expect(again.data!.requestIntroduction.id).toBe(asked.data!.requestIntroduction.id);
    const pendingHidden = await api.gql<{ suggestedPeers: { person: { id: string } }[] }>(
      SUGGEST,
      {},
      me.accessToken,
    );
    expect(pendingHidden.data!.suggestedPeers.some((p) => p.person.id === match.personId)).toBe(
      false,
    );

    expect(
      codeOf(
        await api.gql(ANSWER, { id: asked.data!.requestIntroduction.id, a: true }, me.accessToken),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (
        await api.gql(
          ANSWER,
          { id: asked.data!.requestIntroduction.id, a: true },
          match.accessToken,
        )
      ).data,
    ).toEqual({
      respondToIntroduction: { id: asked.data!.requestIntroduction.id, status: 'ACCEPTED' },
    });
    const ties = await api.app
      .get(Db)
      .query<{ sources: string[] }>(
        `SELECT sources::text[] FROM tie WHERE person_a = LEAST($1::uuid, $2::uuid) AND person_b = GREATEST($1::uuid, $2::uuid)`,
        [me.personId, match.personId],
      );
    expect(ties).toEqual([{ sources: ['INTRODUCTION'] }]);
    expect(codeOf(await api.gql(INTRODUCE, { p: match.personId }, me.accessToken))).toBe(
      'CONFLICT',
    );

    // Once connected, the new acquaintance going to a session is a reason to suggest it.
    const coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      {
        input: weeklyActivity([choir], {
          title: 'Community choir',
          venueLocation: { lat: 51.5051, lng: -0.1 },
          recurrence: null,
          firstStartsAt: new Date(Date.now() + 30 * 3600 * 1000).toISOString(),
        }),
      },
      coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    // Seen going only by the people they confirmed, and only once they choose to be.
    await api.gql(UPDATE_PROFILE, { input: { showMeGoing: true } }, match.accessToken);
    await api.gql(JOIN, { id: sessionId }, match.accessToken);
    const recommended = await api.gql<{
      recommendedSessions: { session: { id: string }; reasons: { code: string; text: string }[] }[];
    }>(
      `{ recommendedSessions(first: 50) { session { id } reasons { code text } } }`,
      {},
      me.accessToken,
    );
    const choirMatch = recommended.data!.recommendedSessions.find(
      (m) => m.session.id === sessionId,
    );
    expect(choirMatch?.reasons.find((r) => r.code === 'KNOWN_PEOPLE')?.text).toMatch(/ is going$/);
  });

  it('allows at most five introductions a week, even when asked for at the same moment', async () => {
    const me = await person(51.505, -0.1, [choir], true);
    const others = await Promise.all(
      Array.from({ length: 8 }, (_, i) => person(51.505 + i * 0.0002, -0.1, [choir], true)),
    );
    const results = await Promise.all(
      others.map((o) => api.gql(INTRODUCE, { p: o.personId }, me.accessToken)),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(5);
    expect(results.filter((r) => codeOf(r) === 'RATE_LIMITED')).toHaveLength(3);
    const [row] = await api.app
      .get(Db)
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM introduction WHERE from_id = $1`, [
        me.personId,
      ]);
    expect(row.n).toBe(5);
  });

  it('makes two people asking each other at the same moment one introduction, accepted, with one tie', async () => {
    for (let round = 0; round < 5; round += 1) {
      const a = await person(51.505, -0.1, [chess], true);
      const b = await person(51.5052, -0.1, [chess], true);
      const [ab, ba] = await Promise.all([
        api.gql<{ requestIntroduction: { id: string; status: string } }>(
          INTRODUCE,
          { p: b.personId },
          a.accessToken,
        ),
        api.gql<{ requestIntroduction: { id: string; status: string } }>(
          INTRODUCE,
          { p: a.personId },
          b.accessToken,
        ),
      ]);
      expect(ab.errors).toBeUndefined();
      expect(ba.errors).toBeUndefined();
      const answers = [ab.data!.requestIntroduction, ba.data!.requestIntroduction];
      expect(answers[0].id).toBe(answers[1].id);
      expect(answers.map((x) => x.status).sort()).toEqual(['ACCEPTED', 'PENDING']);
      const db = api.app.get(Db);
      const rows = await db.query<{ status: string }>(
        `SELECT status FROM introduction WHERE from_id IN ($1, $2) AND to_id IN ($1, $2)`,
        [a.personId, b.personId],
      );
      expect(rows).toEqual([{ status: 'ACCEPTED' }]);
      const ties = await db.query(
        `SELECT 1 FROM tie WHERE person_a = LEAST($1::uuid, $2::uuid) AND person_b = GREATEST($1::uuid, $2::uuid)`,
        [a.personId, b.personId],
      );
      expect(ties).toHaveLength(1);
    }
  });

  const BLOCK = `mutation($p: ID!) { blockPerson(personId: $p) }`;
  type Refusal = { errors?: { message: string; extensions: { code: string } }[] };
  const refusalOf = (r: Refusal) => ({
    code: r.errors?.[0]?.extensions.code,
    message: r.errors?.[0]?.message,
  });
  const statusOf = async (id: string) =>
    (
      await api.app
        .get(Db)
        .query<{ status: string }>(`SELECT status FROM introduction WHERE id = $1`, [id])
    )[0].status;
  const tieBetween = async (x: Session, y: Session) =>
    (
      await api.app
        .get(Db)
        .query(
          `SELECT 1 FROM tie WHERE person_a = LEAST($1::uuid, $2::uuid) AND person_b = GREATEST($1::uuid, $2::uuid)`,
          [x.personId, y.personId],
        )
    ).length > 0;
  const ask = async (from: Session, to: Session) => {
    const asked = await api.gql<{ requestIntroduction: { id: string } }>(
      INTRODUCE,
      { p: to.personId },
      from.accessToken,
    );
    expect(asked.errors).toBeUndefined();
    return asked.data!.requestIntroduction.id;
  };

  it('withdraws what is pending both ways when either blocks, and the blocked one hears only what a refusal says', async () => {
    const [blocker, blocked, asker, shy] = [
      await person(51.505, -0.1, [choir], true),
      await person(51.5051, -0.1, [choir], true),
      await person(51.5052, -0.1, [choir], true),
      await person(51.5053, -0.1, [choir], false),
    ];
    // Asked by the blocker, and asked of the blocker by someone the blocker then blocks.
    const theirs = await ask(blocker, blocked);
    const towards = await ask(asker, blocker);
    await api.gql(BLOCK, { p: blocked.personId }, blocker.accessToken);
    await api.gql(BLOCK, { p: asker.personId }, blocker.accessToken);
    // The blocked one tries to accept what was asked of them: closed, nothing tied.
    const accepted = await api.gql(ANSWER, { id: theirs, a: true }, blocked.accessToken);
    expect(refusalOf(accepted)).toEqual({
      code: 'CONFLICT',
      message: 'This introduction is no longer open',
    });
    expect(await tieBetween(blocker, blocked)).toBe(false);
    // Nor can the blocker accept what the other asked: nothing pending is left either way.
    expect(refusalOf(await api.gql(ANSWER, { id: towards, a: true }, blocker.accessToken))).toEqual(
      { code: 'CONFLICT', message: 'This introduction is no longer open' },
    );
    expect([await statusOf(theirs), await statusOf(towards)]).toEqual(['WITHDRAWN', 'WITHDRAWN']);
    // Asking again: the very words and code of someone who does not take introductions.
    const shyRefusal = refusalOf(
      await api.gql(INTRODUCE, { p: shy.personId }, blocked.accessToken),
    );
    expect(shyRefusal.code).toBe('FORBIDDEN');
    expect(JSON.stringify(shyRefusal)).not.toMatch(/block/i);
    expect(
      refusalOf(await api.gql(INTRODUCE, { p: blocker.personId }, blocked.accessToken)),
    ).toEqual(shyRefusal);
    expect(refusalOf(await api.gql(INTRODUCE, { p: blocker.personId }, asker.accessToken))).toEqual(
      shyRefusal,
    );
    // And the blocker asking the one they blocked is answered the same way.
    expect(
      refusalOf(await api.gql(INTRODUCE, { p: blocked.personId }, blocker.accessToken)),
    ).toEqual(shyRefusal);
  });

  it('withdraws every introduction to and from someone who leaves Kith', async () => {
    const [leaver, a, b] = [
      await person(51.505, -0.1, [choir], true),
      await person(51.5051, -0.1, [choir], true),
      await person(51.5052, -0.1, [choir], true),
    ];
    const toLeaver = await ask(a, leaver);
    const fromLeaver = await ask(leaver, b);
    expect(
      (await api.gql(`mutation { leaveKith }`, {}, leaver.accessToken)).errors,
    ).toBeUndefined();
    expect(refusalOf(await api.gql(ANSWER, { id: fromLeaver, a: true }, b.accessToken))).toEqual({
      code: 'CONFLICT',
      message: 'This introduction is no longer open',
    });
    expect(codeOf(await api.gql(ANSWER, { id: toLeaver, a: true }, leaver.accessToken))).toBe(
      'CONFLICT',
    );
    expect([await statusOf(toLeaver), await statusOf(fromLeaver)]).toEqual([
      'WITHDRAWN',
      'WITHDRAWN',
    ]);
    expect((await tieBetween(leaver, a)) || (await tieBetween(leaver, b))).toBe(false);
    // Asking them now is as asking anyone who does not take introductions.
    expect(refusalOf(await api.gql(INTRODUCE, { p: leaver.personId }, a.accessToken))).toEqual({
      code: 'FORBIDDEN',
      message: 'This person is not taking introductions just now',
    });
  });

  it('a block and an acceptance at the same moment: accepted before the block, or withdrawn, never both', async () => {
    for (let round = 0; round < 6; round += 1) {
      const [a, b] = [
        await person(51.505, -0.1, [chess], true),
        await person(51.5052, -0.1, [chess], true),
      ];
      const id = await ask(a, b);
      const [answer] = await Promise.all([
        api.gql(ANSWER, { id, a: true }, b.accessToken),
        api.gql(BLOCK, { p: b.personId }, a.accessToken),
      ]);
      const status = await statusOf(id);
      if (answer.errors) {
        expect(refusalOf(answer)).toEqual({
          code: 'CONFLICT',
          message: 'This introduction is no longer open',
        });
        expect(status).toBe('WITHDRAWN');
        expect(await tieBetween(a, b)).toBe(false);
      } else {
        expect(status).toBe('ACCEPTED');
        expect(await tieBetween(a, b)).toBe(true);
      }
    }
  });

  it('an introduction asked at the moment someone leaves is never left open', async () => {
    for (let round = 0; round < 6; round += 1) {
      const [leaver, asker] = [
        await person(51.505, -0.1, [chess], true),
        await person(51.5052, -0.1, [chess], true),
      ];
      await Promise.all([
        api.gql(INTRODUCE, { p: leaver.personId }, asker.accessToken),
        api.gql(`mutation { leaveKith }`, {}, leaver.accessToken),
      ]);
      const open = await api.app
        .get(Db)
        .query(`SELECT 1 FROM introduction WHERE to_id = $1 AND status = 'PENDING'`, [
          leaver.personId,
        ]);
      expect(open).toEqual([]);
    }
  });
});
