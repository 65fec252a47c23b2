import { AreaService } from '@kith/areas';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { interestIds, UPDATE_PROFILE } from '../support/community';
import { testConfig } from '../support/config';
import { ASK, HelpFixtures } from '../support/help';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

interface Point {
  lat: number;
  lng: number;
}

const EARTH = 6_371_000;
const rad = (degrees: number) => (degrees * Math.PI) / 180;

/** Where `metres` along `bearing` (degrees) from `from` lands (on a sphere: ample at these scales). */
function move(from: Point, bearing: number, metres: number): Point {
  const north = metres * Math.cos(rad(bearing));
  const east = metres * Math.sin(rad(bearing));
  return {
    lat: from.lat + (north / EARTH) * (180 / Math.PI),
    lng: from.lng + (east / (EARTH * Math.cos(rad(from.lat)))) * (180 / Math.PI),
  };
}

function metresBetween(a: Point, b: Point): number {
  const x = rad(b.lng - a.lng) * Math.cos(rad((a.lat + b.lat) / 2));
  const y = rad(b.lat - a.lat);
  return Math.sqrt(x * x + y * y) * EARTH;
}

/** The centre of the circle through three points (planar, in metres around the first). */
function circumcentre(points: Point[]): Point {
  const origin = points[0];
  const [a, b, c] = points.map((p) => ({
    x: rad(p.lng - origin.lng) * Math.cos(rad(origin.lat)) * EARTH,
    y: rad(p.lat - origin.lat) * EARTH,
  }));
  const d = 2 * (a.x * (b.y - c.y) + b.x * (c.y - a.y) + c.x * (a.y - b.y));
  const ux =
    ((a.x ** 2 + a.y ** 2) * (b.y - c.y) +
      (b.x ** 2 + b.y ** 2) * (c.y - a.y) +
      (c.x ** 2 + c.y ** 2) * (a.y - b.y)) /
    d;
  const uy =
    ((a.x ** 2 + a.y ** 2) * (c.x - b.x) +
      (b.x ** 2 + b.y ** 2) * (a.x - c.x) +
      (c.x ** 2 + c.y ** 2) * (b.x - a.x)) /
    d;
  return {
    lat: origin.lat + (uy / EARTH) * (180 / Math.PI),
    lng: origin.lng + (ux / (EARTH * Math.cos(rad(origin.lat)))) * (180 / Math.PI),
  };
}

/**
 * The attack that found a member's home to within a metre: an attacker moves their own home,
 * watches where the band flips from "under 500 m", from three bearings, and takes the centre of
 * the circle through the three edges. `bandAt` moves the attacker and reads the band.
 */
async function trilaterate(
  bandAt: (p: Point) => Promise<string | undefined>,
  roughly: Point,
): Promise<{ estimate: Point; radius: number; probes: number }> {
  let probes = 0;
  const inside = async (p: Point) => {
    probes += 1;
    return (await bandAt(p)) === 'under 500 m';
  };
  // A start inside the band: where the attacker believes the person lives, or around it.
  let start: Point | undefined;
  for (const candidate of [
    roughly,
    ...[0, 45, 90, 135, 180, 225, 270, 315].map((b) => move(roughly, b, 350)),
  ]) {
    if (await inside(candidate)) {
      start = candidate;
      break;
    }
  }
  if (!start) throw new Error('the attack found no point inside the band');
  const edges: Point[] = [];
  for (const bearing of [0, 120, 240]) {
    let low = 0;
    let high = 1100;
    while (high - low > 1) {
      const middle = (low + high) / 2;
      if (await inside(move(start, bearing, middle))) low = middle;
      else high = middle;
    }
    edges.push(move(start, bearing, low));
  }
  const estimate = circumcentre(edges);
  return { estimate, radius: metresBetween(estimate, edges[0]), probes };
}

describe('nobody can place another person more closely than their coarse location', () => {
  let api: RunningApi;
  let db: Db;
  let fixtures: HelpFixtures;
  let choir: string;

  beforeAll(async () => {
    api = await startApi(
      testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000', HOME_MOVES_PER_DAY: '100000' }),
    );
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    fixtures = await HelpFixtures.create(api);
    [choir] = await interestIds(api, fixtures.coordinator.accessToken, 'choir');
  });

  afterAll(() => api?.close());

  const moveHome = (session: Session, home: Point, extra: Record<string, unknown> = {}) =>
    api.gql(UPDATE_PROFILE, { input: { home, ...extra } }, session.accessToken);

  async function coarseOf(table: 'member_profile' | 'helper_profile', personId: string) {
    const column = table === 'member_profile' ? 'home_coarse' : 'base_coarse';
    const [row] = await db.query<Point>(
      `SELECT ST_Y(${column}::geometry) AS lat, ST_X(${column}::geometry) AS lng FROM ${table} WHERE person_id = $1`,
      [personId],
    );
    return row;
  }

  it("keeps a member's home at least 200 m from where the band-edge attack puts it (suggestedPeers)", async () => {
    const home = { lat: 51.5045, lng: -0.1012 };
    const target = await signIn(api);
    await moveHome(target, home, {
      interestIds: [choir],
      shownInterestIds: [choir],
      peerIntroductions: true,
      travelRadiusMetres: 5000,
    });
    const attacker = await signIn(api);
    await moveHome(attacker, home, {
      interestIds: [choir],
      peerIntroductions: true,
      travelRadiusMetres: 5000,
    });

    const attack = await trilaterate(async (p) => {
      await moveHome(attacker, p);
      const peers = await api.gql<{
        suggestedPeers: { person: { id: string; distanceBand: string } }[];
      }>(`{ suggestedPeers(first: 50) { person { id distanceBand } } }`, {}, attacker.accessToken);
      return peers.data!.suggestedPeers.find((m) => m.person.id === target.personId)?.person
        .distanceBand;
    }, home);

    // The attack works: it traces the 500 m edge and finds its centre to a few metres...
    expect(Math.abs(attack.radius - 500)).toBeLessThan(10);
    expect(
      metresBetween(attack.estimate, await coarseOf('member_profile', target.personId)),
    ).toBeLessThan(10);
    // ...but that centre is the coarse home, not the home.
    expect(metresBetween(attack.estimate, home)).toBeGreaterThanOrEqual(200);
  });

  it("keeps a helper's base at least 200 m from where the attack puts it (helperMatches)", async () => {
    const base = { lat: 51.5052, lng: -0.0985 };
    const gardener = await fixtures.helper();
    await api.gql(
      `mutation($input: HelperProfileInput!) { updateHelperProfile(input: $input) { status } }`,
      {
        input: {
          skillIds: [fixtures.skills.gardening],
          base,
          travelRadiusMetres: 5000,
          availability: [{ weekday: 'SAT', start: '09:00', end: '17:00' }],
        },
      },
      gardener.accessToken,
    );
    const attacker = await fixtures.member();
    const request = await api.gql<{ createHelpRequest: { id: string } }>(
      ASK,
      {
        input: {
          skillId: fixtures.skills.gardening,
          description: 'Weeding',
          durationMinutes: 60,
          atHome: true,
        },
      },
      attacker.accessToken,
    );
    const requestId = request.data!.createHelpRequest.id;

    const attack = await trilaterate(async (p) => {
      await moveHome(attacker, p);
      const matches = await api.gql<{
        helperMatches: { helper: { id: string; distanceBand: string } }[];
      }>(
        `query($r: ID!) { helperMatches(requestId: $r, first: 50) { helper { id distanceBand } } }`,
        { r: requestId },
        attacker.accessToken,
      );
      return matches.data!.helperMatches.find((m) => m.helper.id === gardener.personId)?.helper
        .distanceBand;
    }, base);

    expect(Math.abs(attack.radius - 500)).toBeLessThan(10);
    expect(
      metresBetween(attack.estimate, await coarseOf('helper_profile', gardener.personId)),
    ).toBeLessThan(10);
    expect(metresBetween(attack.estimate, base)).toBeGreaterThanOrEqual(200);
  });
});

describe('moving one’s home', () => {
  it('is allowed a few times a day; saving the same home again does not count', async () => {
    const api = await startApi(testConfig({ HOME_MOVES_PER_DAY: '3' }));
    try {
      await importShippedAreas(api.app.get(AreaService));
      const member = await signIn(api);
      const save = (lat: number) =>
        api.gql(UPDATE_PROFILE, { input: { home: { lat, lng: -0.1 } } }, member.accessToken);
      const outcomes = [];
      for (const lat of [51.501, 51.502, 51.502, 51.503, 51.504]) {
        const answer = await save(lat);
        outcomes.push(answer.errors?.[0].extensions.code ?? 'ok');
      }
      expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
    } finally {
      await api.close();
    }
  });
});
