import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { SurveyService } from '@kith/network';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { testConfig } from '../support/config';
import { JumpingClock } from '../support/clock';
import { HelpFixtures } from '../support/help';
import { determined } from '../support/linear';
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

describe('the outcomes report: change among completers, small numbers hidden, for its area only', () => {
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

  it('gives the mean change of the completers with its interval, and hides counts under 10', async () => {
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
    // Changes -2 -2 0 -4 0 -3 0 -3 0 -1 -2 0: -17/12.
    expect(mean).toBeCloseTo(-17 / 12, 9);
    expect(ucla.meanChange).toBeCloseTo(mean, 9);
    expect(ucla.ciLow!).toBeLessThan(ucla.meanChange!);
    expect(ucla.ciHigh!).toBeGreaterThan(ucla.meanChange!);
    expect(ucla).toMatchObject({
      // Fifteen baselines, but the three without a review are a small number: the baselines
      // (and so the completion rate) are hidden, or 15 - 12 would tell of those three.
      baselines: { value: null, suppressed: true },
      completers: { value: 12, suppressed: false },
      completionRate: null,
      // Fewer than 10 improved: hidden, and so is at least one more of the three.
      improved: { value: null, suppressed: true },
    });
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
    expect(csv.split('\r\n').find((line) => line.startsWith('ucla-3,[c],12,[c],'))).toBeDefined();
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
  it("cuts a ward's report from its borough's: the borough less another ward tells no small ward", async () => {
    // Two of the twelve completers move to another ward of Riverside: ten and two.
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
      `UPDATE member_profile SET home_area_id = $1 WHERE person_id = ANY($2::uuid[])`,
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
    const borough = await ask(riverside);
    expect(borough.completers).toEqual({ value: 12, suppressed: false });
    const byWard = new Map(
      await Promise.all(wards.map(async (w) => [w.id, await ask(w.id)] as const)),
    );
    // Ten in the one ward would be shown on their own, and twelve less ten is two: hidden too.
    expect(byWard.get(home.id)!.completers.suppressed).toBe(true);
    expect(byWard.get(home.id)!.meanChange).toBeNull();
    expect(byWard.get(other.id)!.completers.suppressed).toBe(true);
    // Nothing published tells the two: completers by ward c[w] (and those outside the wards).
    const unit = (w: number) => wards.map((_, i) => (i === w ? 1 : 0)).concat([0]);
    const known = [wards.map(() => 1).concat([1])];
    wards.forEach((w, i) => {
      if (!byWard.get(w.id)!.completers.suppressed) known.push(unit(i));
    });
    expect(determined(known, unit(wards.indexOf(other)))).toBe(false);
  });
});
