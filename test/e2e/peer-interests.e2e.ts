import { AreaService } from '@kith/areas';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { UPDATE_PROFILE } from '../support/community';
import { importShippedAreas } from '../support/areas';
import { testConfig } from '../support/config';
import { HelpFixtures } from '../support/help';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const SUGGEST = `{ suggestedPeers(first: 50) { person { id sharedInterests { id } } } }`;

/** A small seeded generator (mulberry32): the same peers every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Peer {
  session: Session;
  interests: Set<string>;
  shown: Set<string>;
}

/**
 * A peer's interests, attacked as the issue found it done: a member changes their own interests
 * between reads of suggestedPeers and puts together what each read says is shared (two reads of
 * 30 cover the whole catalogue of 60), or reads once per interest and notes who appears. A peer's
 * interests now reach anyone only as far as that peer marked them shown.
 */
describe("a peer's interests, read again and again under other interests of one's own", () => {
  let api: RunningApi;
  let catalogue: string[];
  /** Two groups of 50 peers, about 3 km apart, each read from its middle. */
  const CLUSTERS = [
    { lat: 51.53, lng: -0.05 },
    { lat: 51.53, lng: -0.01 },
  ];
  const peers: Peer[][] = [[], []];

  beforeAll(async () => {
    api = await startApi(
      testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000', HOME_MOVES_PER_DAY: '1000' }),
    );
    const someone = await signIn(api);
    catalogue = (
      await api.gql<{ interests: { id: string }[] }>(
        `{ interests { id } }`,
        {},
        someone.accessToken,
      )
    ).data!.interests.map((i) => i.id);
    expect(catalogue.length).toBeGreaterThanOrEqual(60);
    const next = random(20261204);
    for (const [c, centre] of CLUSTERS.entries()) {
      for (let i = 0; i < 50; i += 1) {
        const session = await signIn(api);
        const interests = new Set<string>();
        const wanted = 4 + Math.floor(next() * 9);
        while (interests.size < wanted) interests.add(catalogue[Math.floor(next() * 60)]);
        // Each keeps about half to themselves, and at least one.
        const list = [...interests];
        const shown = new Set(list.filter(() => next() < 0.5));
        if (shown.size === list.length) shown.delete(list[0]);
        const home = {
          lat: centre.lat + (next() - 0.5) * 0.004,
          lng: centre.lng + (next() - 0.5) * 0.006,
        };
        const saved = await api.gql(
          UPDATE_PROFILE,
          { input: { home, interestIds: list, peerIntroductions: true, travelRadiusMetres: 1000 } },
          session.accessToken,
        );
        expect(saved.errors).toBeUndefined();
        // What they show, said on its own (a server that cannot be told shows everything).
        await api.gql(
          `mutation($s: [ID!]) { updateMemberProfile(input: { shownInterestIds: $s }) { peerIntroductions } }`,
          { s: [...shown] },
          session.accessToken,
        );
        peers[c].push({ session, interests, shown });
      }
    }
  });

  afterAll(() => api?.close());

  /** The attacker, at a cluster's middle, with these interests of their own: who shares what. */
  async function read(attacker: Session, cluster: number, interests: string[]) {
    const saved = await api.gql(
      UPDATE_PROFILE,
      { input: { home: CLUSTERS[cluster], interestIds: interests, travelRadiusMetres: 1000 } },
      attacker.accessToken,
    );
    expect(saved.errors).toBeUndefined();
    const result = await api.gql<{
      suggestedPeers: { person: { id: string; sharedInterests: { id: string }[] } }[];
    }>(SUGGEST, {}, attacker.accessToken);
    expect(result.errors).toBeUndefined();
    return new Map(
      result.data!.suggestedPeers.map((m) => [
        m.person.id,
        m.person.sharedInterests.map((i) => i.id),
      ]),
    );
  }

  it('two reads of 30 interests each no longer put together any peer’s list: only what each shows', async () => {
    const attacker = await signIn(api);
    let exact = 0;
    let hiddenLearnt = 0;
    let shownLearnt = 0;
    for (const cluster of [0, 1]) {
      const first = await read(attacker, cluster, catalogue.slice(0, 30));
      const second = await read(attacker, cluster, catalogue.slice(30, 60));
      for (const peer of peers[cluster]) {
        const learnt = new Set([
          ...(first.get(peer.session.personId) ?? []),
          ...(second.get(peer.session.personId) ?? []),
        ]);
        if (learnt.size === peer.interests.size && [...learnt].every((i) => peer.interests.has(i)))
          exact += 1;
        hiddenLearnt += [...learnt].filter((i) => !peer.shown.has(i)).length;
        shownLearnt += [...learnt].filter((i) => peer.shown.has(i)).length;
      }
    }
    // Every peer keeps at least one interest to themselves: none of their lists is put together,
    // and no interest kept is ever told; what they chose to show still is (the feature works).
    expect({ exact, hiddenLearnt }).toEqual({ exact: 0, hiddenLearnt: 0 });
    const shownInAll = peers.flat().reduce((n, p) => n + p.shown.size, 0);
    expect(shownLearnt).toBe(shownInAll);
  });

  it('reading once per interest, and noting who appears, tells nothing a peer kept either', async () => {
    const attacker = await signIn(api);
    const appearsWith = new Map<string, Set<string>>();
    for (const interest of catalogue.slice(0, 60)) {
      const seen = await read(attacker, 0, [interest]);
      for (const id of seen.keys())
        appearsWith.set(id, new Set([...(appearsWith.get(id) ?? []), interest]));
    }
    let told = 0;
    for (const peer of peers[0]) {
      const inferred = appearsWith.get(peer.session.personId) ?? new Set<string>();
      told += [...inferred].filter((i) => !peer.shown.has(i)).length;
      expect([...inferred].sort()).toEqual([...peer.shown].sort());
    }
    expect(told).toBe(0);
  });

  it('names only the interests a helper shows among those shared in helperMatches', async () => {
    await importShippedAreas(api.app.get(AreaService));
    const help = await HelpFixtures.create(api);
    const [a, b] = catalogue;
    const helper = await help.helper();
    await api.gql(
      UPDATE_PROFILE,
      { input: { interestIds: [a, b], shownInterestIds: [a] } },
      helper.accessToken,
    );
    const member = await help.member();
    await api.gql(UPDATE_PROFILE, { input: { interestIds: [a, b] } }, member.accessToken);
    const request = await help.askWeeding(member);
    const matches = await api.gql<{
      helperMatches: { helper: { id: string; sharedInterests: { id: string }[] } }[];
    }>(
      `query($r: ID!) { helperMatches(requestId: $r, first: 50) { helper { id sharedInterests { id } } } }`,
      { r: request },
      member.accessToken,
    );
    expect(
      matches.data?.helperMatches.find((m) => m.helper.id === helper.personId)?.helper
        .sharedInterests,
    ).toEqual([{ id: a }]);
  });

  it('lets a member show only interests they chose, and see which they show', async () => {
    const member = await signIn(api);
    const [a, b, c] = catalogue;
    await api.gql(UPDATE_PROFILE, { input: { interestIds: [a, b] } }, member.accessToken);
    const PROFILE = `mutation($input: MemberProfileInput!) { updateMemberProfile(input: $input) { interests { id } shownInterests { id } } }`;
    const refused = await api.gql(
      PROFILE,
      { input: { shownInterestIds: [a, c] } },
      member.accessToken,
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          path: 'shownInterestIds',
          message: `only interests you chose can be shown; not among yours: ${c}`,
        },
      ],
    });
    const shown = await api.gql<{ updateMemberProfile: { shownInterests: { id: string }[] } }>(
      PROFILE,
      { input: { shownInterestIds: [a] } },
      member.accessToken,
    );
    expect(shown.data?.updateMemberProfile.shownInterests).toEqual([{ id: a }]);
    // Interests changed: those kept stay shown, a new one is not shown until said.
    const changed = await api.gql<{
      updateMemberProfile: { interests: { id: string }[]; shownInterests: { id: string }[] };
    }>(PROFILE, { input: { interestIds: [a, c] } }, member.accessToken);
    expect(changed.data?.updateMemberProfile.shownInterests).toEqual([{ id: a }]);
    // Shown and chosen in one go: checked against the interests as they will be.
    const both = await api.gql<{ updateMemberProfile: { shownInterests: { id: string }[] } }>(
      PROFILE,
      { input: { interestIds: [b, c], shownInterestIds: [b] } },
      member.accessToken,
    );
    expect(both.data?.updateMemberProfile.shownInterests).toEqual([{ id: b }]);
  });
});
