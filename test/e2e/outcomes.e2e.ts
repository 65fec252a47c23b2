import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { SurveyService } from '@kith/network';
import { jStat } from 'jstat';
import { Db } from '@kith/platform';
import { familyKey, figuresFromMoments, perturbAmount, perturbCount } from '@kith/reporting';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { testConfig } from '../support/config';
import { JumpingClock } from '../support/clock';
import { HelpFixtures } from '../support/help';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const REPORT = `query($a: ID!, $f: DateTime!, $t: DateTime!) {
  outcomesReport(areaId: $a, from: $f, to: $t) {
    area { code } threshold
    rows { measure baselines { value suppressed } completers { value suppressed } completionRate
           meanChange ciLow ciHigh effectSize
           improved { value suppressed } unchanged { value suppressed } worse { value suppressed } }
    isolation { month }
  } }`;

interface Row {
  measure: string;
  baselines: { value: number | null; suppressed: boolean };
  completers: { value: number | null; suppressed: boolean };
  completionRate: number | null;
  meanChange: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  improved: { value: number | null; suppressed: boolean };
}

// Twelve completers' UCLA-3 (lower is better), baseline in March, review in July.
const UCLA = [
  [6, 4],
  [7, 5],
  [5, 5],
  [8, 4],
  [6, 6],
  [9, 6],
  [7, 7],
  [6, 3],
  [8, 8],
  [5, 4],
  [7, 5],
  [6, 6],
];
/** Three items of 1 to 3 that add up to a UCLA-3 score of 3 to 9 (6: 3, 2, 1). */
function items(score: number) {
  let rest = score - 3;
  return ['companionship', 'left-out', 'isolated'].map((itemId) => {
    const extra = Math.min(2, rest);
    rest -= extra;
    return { itemId, value: 1 + extra };
  });
}

/**
 * What the method publishes for completers' cells (month of review, where they lived at its
 * start): counts perturbed by their people's keys, sums of changes and of their squares by noise
 * scaled to the largest change (at least one point), worked out here from the stored answers.
 */
function expected(cells: Cell[]) {
  let n = 0;
  let sum = 0;
  let squares = 0;
  for (const c of cells) {
    const scale = Math.max(1, c.largest);
    // Completers of UCLA-3 are a family of their own; each cell's sums draw anew.
    const key = c.keys.reduce((k, r) => k + familyKey(r, 'completers|survey:ucla-3'), 0);
    const named = `ucla-3|${c.m}|${c.code}`;
    n += perturbCount(c.n, key);
    sum += perturbAmount(c.sum, scale, key, `${named}|sum`);
    squares += perturbAmount(c.squares, scale * scale, key, `${named}|squares`);
  }
  return { n, mean: sum / n, squares };
}

interface Cell {
  m: number;
  area: string;
  code: string;
  keys: number[];
  n: number;
  sum: number;
  squares: number;
  largest: number;
}

/** The completers' cells of UCLA-3 in the areas given, from the answers as stored. */
const CELLS = `
  WITH pairs AS (
    SELECT r.person_id, r.score - b.score AS change,
           extract(year FROM r.created_at AT TIME ZONE 'Europe/London')::int * 12
             + extract(month FROM r.created_at AT TIME ZONE 'Europe/London')::int - 1 AS m
      FROM survey_response r JOIN survey_response b ON b.person_id = r.person_id AND b.stage = 'BASELINE'
     WHERE r.stage = 'REVIEW' AND r.instrument_id = 'ucla-3'),
  placed AS (
    SELECT p.*, pe.record_key AS k,
           (SELECT h.area_id FROM member_home h WHERE h.person_id = p.person_id
               AND h.from_at <= make_timestamptz(p.m / 12, p.m % 12 + 1, 1, 0, 0, 0, 'Europe/London')
             ORDER BY h.from_at DESC LIMIT 1) AS area
      FROM pairs p JOIN person pe ON pe.id = p.person_id)
  SELECT m, area, (SELECT code FROM area WHERE id = placed.area) AS code, array_agg(k) AS keys,
         count(*)::int AS n, sum(change)::int AS sum, sum(change * change)::int AS squares,
         max(abs(change))::int AS largest
    FROM placed WHERE area = ANY($1::uuid[]) GROUP BY m, area`;

describe('the outcomes report: change among completers, perturbed, small numbers hidden, for its area only', () => {
  let api: RunningApi;
  let db: Db;
  let commissioner: Session;
  let otherBorough: Session;
  let riverside: string;
  let members: Session[];
  const clock = new JumpingClock();
  const period = { f: '2026-01-01T00:00:00Z', t: '2026-12-01T00:00:00Z' };
  const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
    result.errors?.[0]?.extensions?.code;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }), clock);
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    const help = await HelpFixtures.create(api);
    const people = api.app.get(PersonService);
    commissioner = await signIn(api);
    await people.grantRole(commissioner.email, Role.COMMISSIONER, 'K09000001');
    otherBorough = await signIn(api);
    await people.grantRole(otherBorough.email, Role.COMMISSIONER, 'K09000002');
    [{ id: riverside }] = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE code = 'K09000001'`,
    );
    members = await Promise.all(Array.from({ length: 15 }, () => help.member()));
    // They have lived there all along (the answers below are history, from March).
    await db.query(
      `UPDATE member_home SET from_at = '-infinity' WHERE person_id = ANY($1::uuid[])`,
      [members.map((m) => m.personId)],
    );
    // Record keys fixed, so the perturbed figures are the same in every run.
    await db.query(
      `UPDATE person SET record_key = k FROM unnest($1::uuid[], $2::int[]) AS x(id, k) WHERE person.id = x.id`,
      [members.map((m) => m.personId), members.map((_, i) => (i * 104_729 + 11) % 2 ** 20)],
    );
    const surveys = api.app.get(SurveyService);
    const answers = members.flatMap((m, i) => {
      const baseline = {
        personId: m.personId,
        instrumentId: 'ucla-3',
        answers: items(UCLA[i]?.[0] ?? 6),
        at: new Date('2026-03-02T10:00:00Z'),
      };
      // The last three answered only at baseline.
      if (i >= 12) return [baseline];
      return [
        baseline,
        { ...baseline, answers: items(UCLA[i][1]), at: new Date('2026-07-06T10:00:00Z') },
      ];
    });
    await surveys.importHistory(answers);
  });

  afterAll(() => api?.close());

  it('gives the mean change of the completers with its interval, perturbed, and hides counts under 10', async () => {
    const stored = await db.query<{ score: number }>(
      `SELECT score FROM survey_response WHERE stage = 'REVIEW' ORDER BY person_id`,
    );
    expect(stored).toHaveLength(12);
    const result = await api.gql<{ outcomesReport: { threshold: number; rows: Row[] } }>(
      REPORT,
      { a: riverside, ...period },
      commissioner.accessToken,
    );
    expect(result.errors).toBeUndefined();
    const report = result.data!.outcomesReport;
    expect(report.threshold).toBe(10);
    const ucla = report.rows.find((r) => r.measure === 'ucla-3')!;
    // The scores as stored (items of 1 to 3 summed) give the changes the report averages.
    const [{ mean }] = await db.query<{ mean: number }>(
      `SELECT avg(r.score - b.score)::float8 AS mean FROM survey_response r
         JOIN survey_response b ON b.person_id = r.person_id AND b.stage = 'BASELINE'
        WHERE r.stage = 'REVIEW'`,
    );
    // Changes -2 -2 0 -4 0 -3 0 -3 0 -1 -2 0: -17/12, all in one cell (July, one ward).
    expect(mean).toBeCloseTo(-17 / 12, 9);
    const inside = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE id = $1 OR parent_id = $1`,
      [riverside],
    );
    const cells = await db.query<Cell>(CELLS, [inside.map((a) => a.id)]);
    expect(cells.map(({ n, sum, squares, largest }) => ({ n, sum, squares, largest }))).toEqual([
      { n: 12, sum: -17, squares: 47, largest: 4 },
    ]);
    const published = expected(cells);
    // Perturbed: the twelve shown as they are published, the mean as the perturbed sum over them.
    expect(published.n).not.toBeLessThan(10);
    expect(ucla.completers).toEqual({ value: published.n, suppressed: false });
    expect(ucla.meanChange).toBeCloseTo(published.mean, 9);
    expect(ucla.meanChange).not.toBeCloseTo(mean, 6);
    // Within the noise: a sum moved by at most √6 times the largest change (4).
    expect(Math.abs(ucla.meanChange! * published.n - -17)).toBeLessThanOrEqual(4 * Math.sqrt(6));
    // The interval from the perturbed moments (none where the noise left no spread).
    const interval = figuresFromMoments({
      n: published.n,
      sum: published.mean * published.n,
      sumOfSquares: published.squares,
    })!;
    if (interval.ciLow === null) expect([ucla.ciLow, ucla.ciHigh]).toEqual([null, null]);
    else {
      expect(ucla.ciLow).toBeCloseTo(interval.ciLow, 9);
      expect(ucla.ciHigh).toBeCloseTo(interval.ciHigh!, 9);
      expect(ucla.ciLow!).toBeLessThan(ucla.meanChange!);
    }
    expect(ucla).toMatchObject({
      // Fewer than 10 improved: hidden.
      improved: { value: null, suppressed: true },
    });
    // Fifteen baselines, perturbed as one cell (March, one ward).
    expect(ucla.baselines.value === null || Math.abs(ucla.baselines.value - 15) <= 3).toBe(true);
    // Nobody answered the resource generator: nothing to say, and nothing said.
    const resources = report.rows.find((r) => r.measure === 'kith-resources')!;
    expect(resources).toMatchObject({
      completers: { value: null, suppressed: true },
      meanChange: null,
    });
  });

  it('refuses another borough, a member, a bad period and no such area', async () => {
    const ask = (token: string, variables: Record<string, unknown>) =>
      api.gql(REPORT, { a: riverside, ...period, ...variables }, token);
    expect(codeOf(await ask(otherBorough.accessToken, {}))).toBe('FORBIDDEN');
    const member = await signIn(api);
    expect(codeOf(await ask(member.accessToken, {}))).toBe('FORBIDDEN');
    const backwards = await ask(commissioner.accessToken, { t: '2025-12-01T00:00:00Z' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'to', message: 'the period must end after it starts' }],
    });
    // Whole months only (London's): a day's shift would let two reports be subtracted.
    const midMonth = await ask(commissioner.accessToken, { f: '2026-01-02T00:00:00Z' });
    expect(midMonth.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'from' }],
    });
    const summer = await ask(commissioner.accessToken, { f: '2026-05-31T23:00:00Z' });
    expect(summer.errors).toBeUndefined();
    const long = await ask(commissioner.accessToken, { f: '2020-01-01T00:00:00Z' });
    expect(codeOf(long)).toBe('BAD_USER_INPUT');
    expect(codeOf(await ask(commissioner.accessToken, { a: crypto.randomUUID() }))).toBe(
      'NOT_FOUND',
    );
    // Its own borough's commissioner reads its own report.
    const own = await api.gql<{ outcomesReport: { area: { code: string } } }>(
      REPORT,
      {
        a: (await db.query<{ id: string }>(`SELECT id FROM area WHERE code = 'K09000002'`))[0].id,
        ...period,
      },
      otherBorough.accessToken,
    );
    expect(own.data?.outcomesReport.area.code).toBe('K09000002');
  });

  it('limits how many report tables one person reads an hour', async () => {
    const limited = await startApi(testConfig({ REPORTS_PER_HOUR: '3' }), clock);
    try {
      const ask = () => limited.gql(REPORT, { a: riverside, ...period }, commissioner.accessToken);
      const first = await Promise.all([ask(), ask(), ask()]);
      expect(first.map(codeOf)).toEqual([undefined, undefined, undefined]);
      const fourth = await ask();
      expect(codeOf(fourth)).toBe('RATE_LIMITED');
      expect(fourth.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(0);
      // Another person's hour is their own.
      const other = await limited.gql(
        REPORT,
        { a: riverside, ...period },
        otherBorough.accessToken,
      );
      expect(codeOf(other)).toBe('FORBIDDEN');
    } finally {
      await limited.close();
    }
  });

  it('gives the report as CSV by a link that works without a header for 15 minutes', async () => {
    const LINK = `query($k: String!, $f: String!, $a: ID!, $from: DateTime!, $to: DateTime!) {
      reportLink(kind: $k, format: $f, areaId: $a, from: $from, to: $to) }`;
    const linkFor = (token: string, k = 'outcomes', f = 'csv') =>
      api.gql<{ reportLink: string }>(
        LINK,
        { k, f, a: riverside, from: period.f, to: period.t },
        token,
      );
    const made = await linkFor(commissioner.accessToken);
    expect(made.errors).toBeUndefined();
    const link = made.data!.reportLink;
    expect(link.startsWith(`${api.url}/reports/outcomes.csv?`)).toBe(true);
    const got = await fetch(link);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toContain('text/csv');
    const csv = await got.text();
    expect(csv).toContain('\r\n');
    const uclaLine = csv.split('\r\n').find((line) => line.startsWith('ucla-3,'))!;
    expect(uclaLine.split(',')[2]).toMatch(/^1\d$/);
    // What is hidden in the report is hidden in the file.
    expect(csv).toContain('[c]');
    // Any part changed: refused, as is the same link after its 15 minutes.
    const altered = link.replace(/from=[^&]+/, 'from=2025-06-01T00%3A00%3A00.000Z');
    const refused = await fetch(altered);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    // With the bearer header instead, no link needed; another borough's commissioner refused.
    const path = `${api.url}/reports/outcomes.csv?areaId=${riverside}&from=${period.f}&to=${period.t}`;
    const bearer = (s: Session) =>
      fetch(path, { headers: { authorization: `Bearer ${s.accessToken}` } });
    expect((await bearer(commissioner)).status).toBe(200);
    expect((await bearer(otherBorough)).status).toBe(403);
    expect((await fetch(path)).status).toBe(401);
    expect(codeOf(await linkFor(otherBorough.accessToken))).toBe('FORBIDDEN');
    expect(codeOf(await linkFor(commissioner.accessToken, 'everything'))).toBe('BAD_USER_INPUT');
    expect((await linkFor(commissioner.accessToken, 'participation')).errors).toBeUndefined();
    // A link outlives no change of role: the person it was made for is checked again.
    const leaving = await signIn(api);
    await api.app.get(PersonService).grantRole(leaving.email, Role.COMMISSIONER, 'K09000001');
    const theirs = (await linkFor(leaving.accessToken)).data!.reportLink;
    expect((await fetch(theirs)).status).toBe(200);
    await db.query(`DELETE FROM role_grant WHERE person_id = $1 AND role = 'COMMISSIONER'`, [
      leaving.personId,
    ]);
    expect((await fetch(theirs)).status).toBe(403);
    clock.jumpTo(new Date(Date.now() + 16 * 60_000));
    expect((await fetch(link)).status).toBe(401);
  });
  it('tells no one person’s change from two periods and two instruments set against each other', async () => {
    // In the other borough, twenty completers of UCLA-3 and the ONS question reviewed in July,
    // and one more person reviewed in August alone: a period with August less the same without
    // it is that person's cells, one per instrument.
    const [{ id: borough, point }] = await db.query<{ id: string; point: string }>(
      `SELECT id, ST_AsText(ST_PointOnSurface(boundary::geometry)) AS point FROM area WHERE code = 'K09000002'`,
    );
    const [{ area }] = await db.query<{ area: string }>(
      `SELECT area_at(ST_GeomFromText($1, 4326)) AS area`,
      [point],
    );
    const people = await db.query<{ id: string }>(
      `INSERT INTO person (email, display_name, record_key)
       SELECT 'other-borough-' || i || '@example.test', 'O ' || i, (i * 7919 + 13) % 1048576
         FROM generate_series(1, 21) i RETURNING id`,
    );
    await db.query(
      `INSERT INTO member_home (person_id, from_at, area_id) SELECT unnest($1::uuid[]), '-infinity', $2`,
      [people.map((p) => p.id), area],
    );
    const ons = (value: number) => [{ itemId: 'lonely', value }];
    const march = new Date('2026-03-02T10:00:00Z');
    const answers = people.flatMap((p, i) => {
      const alone = i === 20;
      const at = new Date(alone ? '2026-08-10T10:00:00Z' : '2026-07-06T10:00:00Z');
      const [u0, u1] = alone ? [6, 3] : [7 - (i % 3), 5 + (i % 4) - 1];
      const [o0, o1] = alone ? [2, 4] : [3 + (i % 2), 2 + (i % 3)];
      return [
        { personId: p.id, instrumentId: 'ucla-3', answers: items(u0), at: march },
        { personId: p.id, instrumentId: 'ons-direct', answers: ons(o0), at: march },
        { personId: p.id, instrumentId: 'ucla-3', answers: items(u1), at },
        { personId: p.id, instrumentId: 'ons-direct', answers: ons(o1), at },
      ];
    });
    await api.app.get(SurveyService).importHistory(answers);
    const changes = { 'ucla-3': 3 - 6, 'ons-direct': 4 - 2 };
    const read = async (to: string) => {
      const result = await api.gql<{ outcomesReport: { rows: Row[] } }>(
        REPORT,
        { a: borough, f: '2026-07-01T00:00:00+01:00', t: to },
        otherBorough.accessToken,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.outcomesReport.rows;
    };
    const [withAugust, without] = [
      await read('2026-09-01T00:00:00+01:00'),
      await read('2026-08-01T00:00:00+01:00'),
    ];
    /** n × mean is the sum of the changes; the interval's width gives the sum of their squares. */
    const moments = (r: Row) => {
      const n = r.completers.value!;
      // No interval where the noise left no spread: then the squares are not told (NaN).
      const sd =
        r.ciLow === null || r.ciHigh === null
          ? NaN
          : ((r.ciHigh - r.ciLow) / 2 / jStat.studentt.inv(0.975, n - 1)) * Math.sqrt(n);
      return { sum: n * r.meanChange!, squares: (n - 1) * sd * sd + n * r.meanChange! ** 2 };
    };
    const told = Object.fromEntries(
      (['ucla-3', 'ons-direct'] as const).map((m) => {
        const [a, b] = [withAugust, without].map((rows) => rows.find((r) => r.measure === m)!);
        expect([a.meanChange, b.meanChange]).not.toContain(null);
        const [ma, mb] = [moments(a), moments(b)];
        return [m, { sum: ma.sum - mb.sum, squares: ma.squares - mb.squares }];
      }),
    );
    // Not the person's change: perturbed by noise of its own size.
    for (const m of ['ucla-3', 'ons-direct'] as const)
      expect(Math.abs(told[m].sum - changes[m])).toBeGreaterThan(1e-6);
    // Nor can the two cells be solved together, as they could if they shared one draw: every
    // pair of changes whose noise would be the same draw in both.
    const scale = (c: number) => Math.max(1, Math.abs(c));
    const solutions: [number, number][] = [];
    for (let c1 = -6; c1 <= 6; c1 += 1)
      for (let c2 = -4; c2 <= 4; c2 += 1) {
        const t = [
          (told['ucla-3'].sum - c1) / scale(c1),
          (told['ons-direct'].sum - c2) / scale(c2),
        ];
        const u = [
          (told['ucla-3'].squares - c1 * c1) / scale(c1) ** 2,
          (told['ons-direct'].squares - c2 * c2) / scale(c2) ** 2,
        ];
        const squaresTold = u.every((x) => Number.isFinite(x));
        if (Math.abs(t[0]) > Math.sqrt(6) || (squaresTold && Math.abs(u[0]) > Math.sqrt(6)))
          continue;
        if (Math.abs(t[0] - t[1]) < 1e-6 && (!squaresTold || Math.abs(u[0] - u[1]) < 1e-6))
          solutions.push([c1, c2]);
      }
    expect(solutions).not.toEqual([[changes['ucla-3'], changes['ons-direct']]]);
  });

  it("counts completers where they lived when reviewed: a ward's figures are its cells of the borough's", async () => {
    // Two of the twelve had moved to another ward of Riverside before their review in July.
    const [home] = await db.query<{ id: string }>(
      `SELECT home_area_id AS id FROM member_profile WHERE person_id = $1`,
      [members[0].personId],
    );
    const wards = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE kind = 'ward' AND parent_id = $1 ORDER BY code`,
      [riverside],
    );
    const other = wards.find((w) => w.id !== home.id)!;
    await db.query(
      `INSERT INTO member_home (person_id, from_at, area_id)
       SELECT unnest($2::uuid[]), '2026-06-15T10:00:00Z', $1`,
      [other.id, [members[10].personId, members[11].personId]],
    );
    const ask = async (area: string) => {
      const result = await api.gql<{ outcomesReport: { rows: Row[] } }>(
        REPORT,
        { a: area, ...period },
        commissioner.accessToken,
      );
      expect(result.errors).toBeUndefined();
      return result.data!.outcomesReport.rows.find((r) => r.measure === 'ucla-3')!;
    };
    const cellsIn = (areas: string[]) => db.query<Cell>(CELLS, [areas]);
    const inside = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE id = $1 OR parent_id = $1`,
      [riverside],
    );
    const boroughCells = await cellsIn(inside.map((a) => a.id));
    expect(boroughCells.map((c) => c.n).sort()).toEqual([10, 2]);
    const borough = await ask(riverside);
    const all = expected(boroughCells);
    expect(borough.completers).toEqual(
      all.n >= 10 ? { value: all.n, suppressed: false } : { value: null, suppressed: true },
    );
    // Each ward's report is its own cells: the ten and the two, each perturbed as in the borough's.
    for (const [ward, n] of [
      [home.id, 10],
      [other.id, 2],
    ] as const) {
      const cells = await cellsIn([ward]);
      expect(cells.map((c) => c.n)).toEqual([n]);
      const mine = expected(cells);
      const row = await ask(ward);
      expect(row.completers).toEqual(
        mine.n >= 10 ? { value: mine.n, suppressed: false } : { value: null, suppressed: true },
      );
      if (mine.n < 10) expect(row.meanChange).toBeNull();
      else expect(row.meanChange).toBeCloseTo(mine.mean, 9);
    }
    // The borough's figures are the sum of its wards' cells.
    const wardsN = (
      await Promise.all([home.id, other.id].map(async (w) => expected(await cellsIn([w])).n))
    ).reduce((a, b) => a + b, 0);
    expect(all.n).toBe(wardsN);
  });
});
