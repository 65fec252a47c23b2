import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { jStat } from 'jstat';
import { Db, loadConfig } from '@kith/platform';
import { FAMILY, familyKeySql, perturbCount } from '@kith/reporting';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { testEnv } from '../support/config';
import { queryDatabase } from '../support/databases';
import { runBuilt } from '../support/processes';
import { londonMonthStart, rollupsSettled, seedDemo } from '../support/reports';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface Row {
  month: string | null;
  ward: { code: string } | null;
  interest: { slug: string } | null;
  attendances: Count;
  participants: Count;
  newMembers: Count;
  firstTimers: Count;
  returnedWithin30Days: Count;
  activeAt3Months: Count;
  helpFulfilled: Count;
  helperMinutes: Count;
}
interface Report {
  rows: Row[];
  totals: Row;
}
interface OutcomeRow {
  measure: string;
  completers: Count;
  meanChange: number | null;
  ciLow: number | null;
  ciHigh: number | null;
}

const COUNT = '{ value suppressed }';
const ROW = `month ward { code } interest { slug } attendances ${COUNT} participants ${COUNT}
  newMembers ${COUNT} firstTimers ${COUNT} returnedWithin30Days ${COUNT} activeAt3Months ${COUNT}
  helpFulfilled ${COUNT} helperMinutes ${COUNT}`;
const REPORT = `query($a: ID!, $f: DateTime!, $t: DateTime!, $g: [ReportGrouping!]) {
  participationReport(areaId: $a, from: $f, to: $t, groupBy: $g) { rows { ${ROW} } totals { ${ROW} } } }`;
const OUTCOMES = `query($a: ID!, $f: DateTime!, $t: DateTime!) {
  outcomesReport(areaId: $a, from: $f, to: $t) {
    rows { measure completers ${COUNT} meanChange ciLow ciHigh }
    isolation { month members ${COUNT} isolated ${COUNT} } } }`;

/** Counts over months that add up: a month's is one period's less another's. */
const ADDITIVE = [
  'attendances',
  'newMembers',
  'firstTimers',
  'returnedWithin30Days',
  'helpFulfilled',
] as const;
type Additive = (typeof ADDITIVE)[number] | 'activeAt3Months';

/** How an attacker's estimates of hidden figures fared against the truth. */
function fared(errors: number[]) {
  const exact = errors.filter((e) => Math.abs(e) < 1e-6).length;
  return {
    targets: errors.length,
    exactShare: errors.length === 0 ? 0 : exact / errors.length,
    rms: Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / Math.max(1, errors.length)),
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

/**
 * The attacks of the privacy probe (issue 23), run as an attacker runs them against the demo's
 * history with the reports a borough's commissioner may read: every run of whole months, by
 * ward, by interest for each ward, outcomes for the borough and each ward. Each estimates
 * figures the reports hide (a ward's month of 1 to 9, a handful of completers' change, one
 * helper's visit) by setting two reports against each other, averaging every estimate it can
 * make; the protection holds when no estimate is exact more often than the noise allows and the
 * estimates' error spreads at least as the noise does. And a member's move changes no report.
 */
describe('reports set against each other, as an attacker would', () => {
  const env = testEnv({ RATE_LIMIT_SIGNIN_PER_IP: '100000', REPORTS_PER_HOUR: '1000000' });
  const config = loadConfig(env);
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let commissioner: Session;
  let riverside: string;
  let wards: { id: string; code: string }[];
  const codeOf = new Map<string | null, string>();
  const now = new Date();
  const monthStart = (back: number) => londonMonthStart(back, now);
  /** The demo's months, oldest first, and the instant each ends. */
  const months = Array.from({ length: 7 }, (_, i) => monthStart(7 - i));
  const ends = [...months.slice(1), monthStart(0)];
  const label = (i: number) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
    })
      .format(new Date(months[i]))
      .slice(0, 7);
  const runs: [number, number][] = [];
  for (let first = 0; first < months.length; first += 1)
    for (let last = first; last < months.length; last += 1) runs.push([first, last]);

  const report = async (groupBy: string[], area: string, first: number, last: number) => {
    const result = await api.gql<{ participationReport: Report }>(
      REPORT,
      { a: area, f: months[first], t: ends[last], g: groupBy },
      commissioner.accessToken,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.participationReport;
  };
  const outcomes = async (area: string, first: number, last: number) => {
    const result = await api.gql<{
      outcomesReport: { rows: OutcomeRow[]; isolation: unknown[] };
    }>(OUTCOMES, { a: area, f: months[first], t: ends[last] }, commissioner.accessToken);
    expect(result.errors).toBeUndefined();
    return result.data!.outcomesReport;
  };
  /** Every run of months, by ward, for the borough: what attacks 1 and 4 difference. */
  const byWard = new Map<string, Report>();
  /** Every run of months by interest for each ward (by its code), as the first attack reads them. */
  const byInterest = new Map<string, Map<string, Report>>();
  const wardOf = (r: Row) => r.ward?.code ?? 'outside';

  /** The truth, from the history (nobody has moved before the last attack: homes are now's). */
  const truth = async (sql: string): Promise<Map<string, number>> => {
    const rows = await db.query<{ ward: string | null; month: string; n: number }>(
      `WITH w AS (SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area
                   WHERE id = $1 OR parent_id = $1)
       ${sql}`,
      [riverside, months[0], ends[ends.length - 1]],
    );
    return new Map(rows.map((r) => [`${codeOf.get(r.ward) ?? 'outside'}|${r.month}`, Number(r.n)]));
  };
  const MONTH = (t: string) => `to_char(${t} AT TIME ZONE 'Europe/London', 'YYYY-MM')`;
  const ATTENDED = `booking b JOIN session s ON s.id = b.session_id AND b.status = 'ATTENDED' AND s.cancelled_at IS NULL`;
  const HOMED = (person: string) =>
    `JOIN member_profile mp ON mp.person_id = ${person} JOIN w ON w.id = mp.home_area_id`;

  beforeAll(async () => {
    await seedDemo(env, 3000, 20261124);
    // Three small wards planted as an attacker would want them: five members a month, each
    // joining on the month's 2nd, coming in its first days and again two weeks on (so every
    // first-timer there came back within 30 days).
    await queryDatabase(
      config.database.url,
      `DO $$
       DECLARE r uuid; w uuid; p uuid; s1 uuid; s2 uuid; start timestamptz;
       BEGIN
         SELECT id INTO r FROM area WHERE code = 'K09000001';
         FOR wi IN 1..3 LOOP
           INSERT INTO area (code, name, kind, parent_id, boundary)
           VALUES ('E05NEST' || wi, 'Nest ' || wi, 'ward', r,
                   ST_Multi(ST_MakeEnvelope(20 + wi, 20, 20.001 + wi, 20.001, 4326)))
           RETURNING id INTO w;
           FOR back IN 1..6 LOOP
             start := (date_trunc('month', now() AT TIME ZONE 'Europe/London') - make_interval(months => back))
                      AT TIME ZONE 'Europe/London';
             SELECT id INTO s1 FROM session WHERE cancelled_at IS NULL
                AND starts_at >= start + interval '2 days' AND starts_at < start + interval '9 days' ORDER BY starts_at LIMIT 1;
             SELECT id INTO s2 FROM session WHERE cancelled_at IS NULL
                AND starts_at >= start + interval '16 days' AND starts_at < start + interval '23 days' ORDER BY starts_at LIMIT 1;
             FOR i IN 1..5 LOOP
               INSERT INTO person (email, display_name, created_at)
               VALUES ('nest-' || wi || '-' || back || '-' || i || '@example.test', 'Nest', start + interval '1 day')
               RETURNING id INTO p;
               INSERT INTO member_profile (person_id, home_area_id) VALUES (p, w);
               IF to_regclass('member_home') IS NOT NULL THEN
                 EXECUTE 'INSERT INTO member_home (person_id, from_at, area_id) VALUES ($1, ''-infinity'', $2)' USING p, w;
               END IF;
               INSERT INTO booking (session_id, person_id, status) VALUES (s1, p, 'ATTENDED'), (s2, p, 'ATTENDED');
             END LOOP;
           END LOOP;
         END LOOP;
       END $$`,
    );
    // Record keys fixed (where they exist), so every run perturbs alike.
    await queryDatabase(
      config.database.url,
      `DO $$ BEGIN
         IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'person' AND column_name = 'record_key')
         THEN EXECUTE 'UPDATE person SET record_key = hashtext(email) & 1048575'; END IF;
       END $$`,
    );
    const rebuilt = await runBuilt('cli', ['reports', 'rebuild-rollups'], env, 200_000);
    expect(rebuilt.code).toBe(0);
    api = await startApi(config);
    worker = await startWorker(config);
    db = api.app.get(Db);
    commissioner = await signIn(api, 'commissioner@demo.kith.example');
    [{ id: riverside }] = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE code = 'K09000001'`,
    );
    wards = await db.query<{ id: string; code: string }>(
      `SELECT id, code FROM area WHERE parent_id = $1 AND kind = 'ward' ORDER BY code`,
      [riverside],
    );
    for (const w of wards) codeOf.set(w.id, w.code);
    for (const [first, last] of runs)
      byWard.set(`${first}:${last}`, await report(['WARD'], riverside, first, last));
  }, 400_000);

  /** What each attack found, kept in tmp/ for the notes. */
  const summary: Record<string, unknown> = {};

  afterAll(async () => {
    mkdirSync(join(__dirname, '../../tmp'), { recursive: true });
    writeFileSync(
      join(__dirname, '../../tmp/report-attacks.json'),
      JSON.stringify(summary, null, 2),
    );
    await worker?.close();
    await api?.close();
  });

  /**
   * Every estimate a pair of reports gives of one month's figure: a run less the same run a
   * month shorter at either end (for the 3-month mark, the joiners it newly reaches).
   */
  const estimates = (
    reports: Map<string, Report>,
    measure: Additive,
    rowKey: (r: Row) => string,
  ): Map<string, number[]> => {
    const found = new Map<string, number[]>();
    const push = (key: string, v: number) => found.set(key, [...(found.get(key) ?? []), v]);
    const value = (first: number, last: number, key: string) => {
      const row = reports.get(`${first}:${last}`)?.rows.find((r) => rowKey(r) === key);
      return row?.[measure].suppressed === false ? row[measure].value : null;
    };
    for (const [first, last] of runs) {
      if (first === last) continue;
      for (const row of reports.get(`${first}:${last}`)!.rows) {
        const key = rowKey(row);
        const whole = value(first, last, key);
        if (whole === null) continue;
        const withoutLast = value(first, last - 1, key);
        const withoutFirst = value(first + 1, last, key);
        if (measure === 'activeAt3Months') {
          // The run one shorter at its end reaches the joiners of three months before its last.
          if (withoutLast !== null && last - 3 >= first)
            push(`${key}|${label(last - 3)}`, whole - withoutLast);
          if (withoutFirst !== null && first + 3 <= last)
            push(`${key}|${label(first)}`, whole - withoutFirst);
          continue;
        }
        if (withoutLast !== null) push(`${key}|${label(last)}`, whole - withoutLast);
        if (withoutFirst !== null) push(`${key}|${label(first)}`, whole - withoutFirst);
      }
    }
    return found;
  };

  /** The attacker's best guess of each small hidden figure (the mean of its estimates), less the truth. */
  const attack = (
    reports: Map<string, Report>,
    measure: Additive,
    actual: Map<string, number>,
    rowKey: (r: Row) => string,
  ): { key: string; guess: number; truth: number }[] => {
    const found = estimates(reports, measure, rowKey);
    const targets: { key: string; guess: number; truth: number }[] = [];
    for (const [key, guesses] of found) {
      const [row, month] = [
        key.slice(0, key.lastIndexOf('|')),
        key.slice(key.lastIndexOf('|') + 1),
      ];
      const m = months.findIndex((_, i) => label(i) === month);
      const alone = reports.get(`${m}:${m}`)?.rows.find((r) => rowKey(r) === row)?.[measure];
      const truthValue = actual.get(key) ?? 0;
      // Hidden in the month's own report, and a small number in truth: what is protected.
      if (alone?.suppressed !== true || truthValue < 1 || truthValue > 9) continue;
      targets.push({ key, guess: mean(guesses), truth: truthValue });
    }
    return targets;
  };

  /** Each additive count's truth by ward and month, worked out once. */
  let truths: Promise<Record<Additive, Map<string, number>>> | undefined;
  const actuals = () =>
    (truths ??= (async () => ({
      attendances: await truth(
        `SELECT w.ward, ${MONTH('s.starts_at')} AS month, count(*)::int AS n FROM ${ATTENDED} ${HOMED('b.person_id')}
            WHERE s.starts_at >= $2 AND s.starts_at < $3 GROUP BY 1, 2`,
      ),
      newMembers: await truth(
        `SELECT w.ward, ${MONTH('p.created_at')} AS month, count(*)::int AS n FROM person p ${HOMED('p.id')}
            WHERE p.created_at >= $2 AND p.created_at < $3 GROUP BY 1, 2`,
      ),
      activeAt3Months: await truth(
        `SELECT w.ward, ${MONTH('p.created_at')} AS month, count(*)::int AS n FROM person p ${HOMED('p.id')}
            WHERE p.created_at >= $2 AND p.created_at < $3
              AND EXISTS (SELECT 1 FROM ${ATTENDED} WHERE b.person_id = p.id
                           AND s.starts_at >= p.created_at + interval '2 months' AND s.starts_at < p.created_at + interval '3 months')
            GROUP BY 1, 2`,
      ),
      firstTimers: await truth(
        `SELECT w.ward, ${MONTH('f.first')} AS month, count(*)::int AS n
             FROM (SELECT b.person_id, min(s.starts_at) AS first FROM ${ATTENDED} GROUP BY b.person_id) f ${HOMED('f.person_id')}
            WHERE f.first >= $2 AND f.first < $3 GROUP BY 1, 2`,
      ),
      returnedWithin30Days: await truth(
        `SELECT w.ward, ${MONTH('f.times[1]')} AS month, count(*)::int AS n
             FROM (SELECT b.person_id, array_agg(s.starts_at ORDER BY s.starts_at) AS times FROM ${ATTENDED} GROUP BY b.person_id) f
             ${HOMED('f.person_id')}
            WHERE f.times[1] >= $2 AND f.times[1] < $3 AND f.times[2] < f.times[1] + interval '30 days' GROUP BY 1, 2`,
      ),
      helpFulfilled: await truth(
        `SELECT w.ward, ${MONTH('a.completed_at')} AS month, count(*)::int AS n
             FROM help_assignment a JOIN help_request r ON r.id = a.request_id ${HOMED('r.member_id')}
            WHERE a.status = 'COMPLETED' AND a.completed_at >= $2 AND a.completed_at < $3 GROUP BY 1, 2`,
      ),
    }))());

  it('cannot tell a ward’s hidden month by one run of months less another', async () => {
    const actual = await actuals();
    const all: { key: string; guess: number; truth: number }[] = [];
    const perMeasure: Record<string, ReturnType<typeof fared>> = {};
    for (const measure of [...ADDITIVE, 'activeAt3Months'] as const) {
      const targets = attack(byWard, measure, actual[measure], wardOf);
      perMeasure[measure] = fared(targets.map((t) => t.guess - t.truth));
      all.push(...targets.map((t) => ({ ...t, key: `${measure}|${t.key}` })));
    }
    // By interest, for each ward: "memory café, April to 1 December less April to 1 November".
    const interestActual = new Map(
      (
        await db.query<{ ward: string; slug: string; month: string; n: number }>(
          `WITH w AS (SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area
                       WHERE id = $1 OR parent_id = $1)
           SELECT w.ward, i.slug, ${MONTH('s.starts_at')} AS month, count(*)::int AS n
             FROM ${ATTENDED} JOIN activity_interest ai ON ai.activity_id = s.activity_id
             JOIN interest i ON i.id = ai.interest_id ${HOMED('b.person_id')}
            WHERE s.starts_at >= $2 AND s.starts_at < $3 AND w.ward IS NOT NULL GROUP BY 1, 2, 3`,
          [riverside, months[0], ends[ends.length - 1]],
        )
      ).map((r) => [`${codeOf.get(r.ward)}:${r.slug}|${r.month}`, r.n] as const),
    );
    const interestTargets: { key: string; guess: number; truth: number }[] = [];
    for (const ward of wards) {
      const reports = new Map<string, Report>();
      for (const [first, last] of runs)
        reports.set(`${first}:${last}`, await report(['INTEREST_GROUP'], ward.id, first, last));
      byInterest.set(ward.code, reports);
      interestTargets.push(
        ...attack(
          reports,
          'attendances',
          interestActual,
          (r) => `${ward.code}:${r.interest!.slug}`,
        ),
      );
    }
    perMeasure.attendancesByInterest = fared(interestTargets.map((t) => t.guess - t.truth));
    all.push(...interestTargets);
    const overall = fared(all.map((t) => t.guess - t.truth));
    // There is plenty to find: small hidden months the probe recovered exactly.
    summary.hiddenMonths = { overall, perMeasure };
    expect(overall.targets).toBeGreaterThanOrEqual(30);
    // No better than the noise: exact at most as often as a cell's noise is nought (about a
    // quarter for counts over 2, never for 1 and 2), and spread at least as the noise (σ 1.5;
    // the bound leaves room for chance over this many figures).
    const held = { exactRarely: overall.exactShare < 0.45, spread: overall.rms >= 1.2 };
    expect({ held, overall, perMeasure }).toEqual({
      held: { exactRarely: true, spread: true },
      overall,
      perMeasure,
    });
    // And what the attacker gets is exactly the month's cells as perturbed: nothing better.
    // (Attendances: cells of month, area and session's interests, from bookings and keys.)
    const cells = await db.query<{
      ward: string | null;
      month: string;
      count: number;
      key: string;
    }>(
      `WITH w AS (SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area WHERE id = $1 OR parent_id = $1)
       SELECT w.ward, ${MONTH('s.starts_at')} AS month, count(*)::int AS count,
              sum(${familyKeySql('p.record_key', FAMILY.attendances)})::bigint AS key
         FROM ${ATTENDED} JOIN person p ON p.id = b.person_id ${HOMED('b.person_id')}
        WHERE s.starts_at >= $2 AND s.starts_at < $3
        GROUP BY w.ward, mp.home_area_id, month,
                 (SELECT string_agg(ai.interest_id::text, ',' ORDER BY ai.interest_id) FROM activity_interest ai
                   WHERE ai.activity_id = s.activity_id)`,
      [riverside, months[0], ends[ends.length - 1]],
    );
    for (const t of all.filter((x) => x.key.startsWith('attendances|'))) {
      const [, ward, month] = t.key.split('|');
      const perturbed = cells
        .filter((c) => (codeOf.get(c.ward) ?? 'outside') === ward && c.month === month)
        .reduce((sum, c) => sum + perturbCount(c.count, Number(c.key)), 0);
      expect({ key: t.key, guess: t.guess }).toEqual({ key: t.key, guess: perturbed });
    }
  }, 300_000);

  it('cannot tell from two counts of the same people that they came back or kept coming', async () => {
    // Cells where everyone counted in the first also counts in the second (every first-timer
    // came back; every joiner came in their third month): were the two one family, their
    // perturbed values would be equal, and equal would tell it. By ward, and by each ward's
    // interests (a first time in an interest, a return to it).
    const actual = await actuals();
    const firstsByInterest = await db.query<{ key: string; firsts: number; returned: number }>(
      `WITH w AS (SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area
                   WHERE id = $1 OR parent_id = $1),
       x AS (SELECT b.person_id, ai.interest_id, array_agg(s.starts_at ORDER BY s.starts_at) AS times
               FROM ${ATTENDED} JOIN activity_interest ai ON ai.activity_id = s.activity_id
              GROUP BY b.person_id, ai.interest_id)
       SELECT w.ward::text || ':' || i.slug || '|' || ${MONTH('x.times[1]')} AS key, count(*)::int AS firsts,
              count(*) FILTER (WHERE x.times[2] < x.times[1] + interval '30 days')::int AS returned
         FROM x JOIN interest i ON i.id = x.interest_id ${HOMED('x.person_id')}
        WHERE x.times[1] >= $2 AND x.times[1] < $3 AND w.ward IS NOT NULL GROUP BY 1`,
      [riverside, months[0], ends[ends.length - 1]],
    );
    const interestTruth = (part: 'firsts' | 'returned') =>
      new Map(
        firstsByInterest.map((r) => {
          const [wardId, rest] = [r.key.slice(0, 36), r.key.slice(37)];
          return [`${codeOf.get(wardId)}:${rest}`, r[part]] as const;
        }),
      );
    const sets: {
      reports: Map<string, Report>;
      row: (r: Row) => string;
      truth: Record<string, Map<string, number>>;
      pairs: [Additive, Additive][];
    }[] = [
      {
        reports: byWard,
        row: wardOf,
        truth: actual,
        pairs: [
          ['firstTimers', 'returnedWithin30Days'],
          ['newMembers', 'activeAt3Months'],
        ],
      },
      ...[...byInterest].map(([code, reports]) => ({
        reports,
        row: (r: Row) => `${code}:${r.interest!.slug}`,
        truth: {
          firstTimers: interestTruth('firsts'),
          returnedWithin30Days: interestTruth('returned'),
        },
        pairs: [['firstTimers', 'returnedWithin30Days']] as [Additive, Additive][],
      })),
    ];
    let cells = 0;
    let equal = 0;
    for (const { reports, row, truth: known, pairs } of sets)
      for (const [whole, part] of pairs) {
        const a = estimates(reports, whole, row);
        const b = estimates(reports, part, row);
        for (const [key, guesses] of a) {
          const n = known[whole].get(key) ?? 0;
          if (n < 1 || n > 9 || known[part].get(key) !== n || !b.has(key)) continue;
          cells += 1;
          if (Math.abs(mean(guesses) - mean(b.get(key)!)) < 1e-9) equal += 1;
        }
      }
    summary.nested = { cells, equal };
    expect(cells).toBeGreaterThanOrEqual(8);
    // Equal only as often as two independent changes happen to agree (about half, for one
    // person), never always.
    expect({ cells, equal, always: equal === cells }).toEqual({ cells, equal, always: false });
    expect(equal / cells).toBeLessThan(0.8);
  }, 120_000);

  it('cannot tell one helper’s minutes by one run of months less another', async () => {
    // Each ward's month: its minutes, and the most one helper gave in it.
    const given = await db.query<{
      ward: string | null;
      month: string;
      minutes: number;
      top: number;
    }>(
      `WITH w AS (SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area WHERE id = $1 OR parent_id = $1),
       by_helper AS (
         SELECT w.ward, ${MONTH('a.completed_at')} AS month, a.helper_id, sum(a.minutes)::int AS minutes
           FROM help_assignment a JOIN help_request r ON r.id = a.request_id ${HOMED('r.member_id')}
          WHERE a.status = 'COMPLETED' AND a.completed_at >= $2 AND a.completed_at < $3
          GROUP BY 1, 2, 3)
       SELECT ward, month, sum(minutes)::int AS minutes, max(minutes)::int AS top FROM by_helper GROUP BY 1, 2`,
      [riverside, months[0], ends[ends.length - 1]],
    );
    const truthOf = new Map<string, (typeof given)[number]>(
      given.map((g) => [`${codeOf.get(g.ward) ?? 'outside'}|${g.month}`, g] as const),
    );
    const found = new Map<string, number[]>();
    for (const [first, last] of runs) {
      if (first === last) continue;
      const minutes = (f: number, l: number, ward: string) => {
        const row = byWard.get(`${f}:${l}`)?.rows.find((r) => wardOf(r) === ward);
        return row && !row.helperMinutes.suppressed ? row.helperMinutes.value : null;
      };
      for (const row of byWard.get(`${first}:${last}`)!.rows) {
        const ward = wardOf(row);
        const whole = minutes(first, last, ward);
        if (whole === null) continue;
        for (const [other, month] of [
          [minutes(first, last - 1, ward), last],
          [minutes(first + 1, last, ward), first],
        ] as const)
          if (other !== null) {
            const key = `${ward}|${label(month)}`;
            found.set(key, [...(found.get(key) ?? []), whole - other]);
          }
      }
    }
    // Every ward's month the attacker can work out: its error in units of the most one helper
    // gave in it (what one helper's minutes would be found to within).
    const targets = [...found]
      .filter(([key]) => truthOf.has(key))
      .map(([key, guesses]) => {
        const t = truthOf.get(key)!;
        return { key, error: (mean(guesses) - t.minutes) / t.top, top: t.top };
      });
    const result = fared(targets.map((t) => t.error));
    expect(result.targets).toBeGreaterThanOrEqual(10);
    // The noise of a month's minutes is scaled to the most one helper gave in it (σ those
    // minutes): one helper's minutes are hidden in noise of their own size.
    const held = { exactRarely: result.exactShare < 0.2, spread: result.rms >= 0.5 };
    summary.helperMinutes = result;
    expect({ held, result }).toEqual({ held: { exactRarely: true, spread: true }, result });
  }, 120_000);

  it('cannot tell a handful of completers’ change by one period less another', async () => {
    /** The completers of UCLA-3 as of a period's end: where they lived, their review's month and change. */
    const completers = (to: string) =>
      db.query<{ ward: string | null; month: string; change: number }>(
        `WITH w AS (SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area WHERE id = $1 OR parent_id = $1),
         base AS (
           SELECT DISTINCT ON (r.person_id) r.person_id, r.version, r.score, r.created_at FROM survey_response r
            WHERE r.stage = 'BASELINE' AND r.instrument_id = 'ucla-3' AND r.created_at < $2
            ORDER BY r.person_id, r.created_at)
         SELECT w.ward, ${MONTH('later.created_at')} AS month, (later.score - b.score)::float8 AS change
           FROM base b ${HOMED('b.person_id')}
           JOIN LATERAL (SELECT r.score, r.created_at FROM survey_response r
                          WHERE r.person_id = b.person_id AND r.instrument_id = 'ucla-3' AND r.version = b.version
                            AND r.stage IN ('REVIEW', 'EXIT') AND r.created_at >= b.created_at + interval '3 months'
                            AND r.created_at < $2
                          ORDER BY r.created_at DESC LIMIT 1) later ON true`,
        [riverside, to],
      );
    const areas = [{ id: riverside, code: null as string | null }, ...wards];
    const sums: { key: string; guess: number; truth: number; people: number }[] = [];
    const squares: { guess: number; truth: number }[] = [];
    for (let last = 3; last < months.length; last += 1) {
      const truthRows = await completers(ends[last]);
      for (const area of areas) {
        const periods = await Promise.all(
          Array.from({ length: last + 1 }, (_, first) => outcomes(area.id, first, last)),
        );
        for (let first = 0; first < last; first += 1) {
          const [a, b] = [first, first + 1].map((f) =>
            periods[f].rows.find((r) => r.measure === 'ucla-3')!,
          );
          if (a.meanChange === null || b.meanChange === null) continue;
          // Where the noise left no spread, no interval is published: the squares are not told.
          const squaresTold = [a, b].every((r) => r.ciLow !== null && r.ciHigh !== null);
          if (a.completers.value === null || b.completers.value === null) continue;
          // n times the mean is the sum of the changes; the two periods differ by the month.
          const between = truthRows.filter(
            (r) =>
              r.month === label(first) && (area.code === null || codeOf.get(r.ward) === area.code),
          );
          if (between.length < 1 || between.length > 9) continue;
          const guess = a.completers.value * a.meanChange - b.completers.value * b.meanChange;
          const truthSum = between.reduce((s, r) => s + r.change, 0);
          sums.push({
            key: `${area.code ?? 'borough'}|${label(first)}|${label(last)}`,
            guess,
            truth: truthSum,
            people: between.length,
          });
          // The interval's width gives the spread, and with it the sum of squared changes.
          const sq = (row: OutcomeRow) => {
            const n = row.completers.value!;
            const sd =
              ((row.ciHigh! - row.ciLow!) / 2 / jStat.studentt.inv(0.975, n - 1)) * Math.sqrt(n);
            return (n - 1) * sd * sd + n * row.meanChange! ** 2;
          };
          if (squaresTold)
            squares.push({
              guess: sq(a) - sq(b),
              truth: between.reduce((s, r) => s + r.change ** 2, 0),
            });
        }
      }
    }
    const result = fared(sums.map((s) => s.guess - s.truth));
    const ofSquares = fared(squares.map((s) => s.guess - s.truth));
    summary.completers = { result, ofSquares };
    expect(result.targets).toBeGreaterThanOrEqual(5);
    // The sum of a cell's changes is perturbed by noise of σ at least a point (the largest
    // change in it): never exact, spread at least half a point over these few.
    const held = {
      neverExact: result.exactShare === 0 && ofSquares.exactShare === 0,
      spread: result.rms >= 0.5,
    };
    expect({ held, result, ofSquares }).toEqual({
      held: { neverExact: true, spread: true },
      result,
      ofSquares,
    });
  }, 300_000);

  it('changes no report of months already over when a member moves ward, first gives a home, or chooses other interests', async () => {
    // Someone who came in several of the months, moving to another ward of the borough and
    // choosing other interests than those they joined with.
    const [mover] = await db.query<{ email: string; ward: string; months: number }>(
      `SELECT p.email, mp.home_area_id AS ward, count(DISTINCT ${MONTH('s.starts_at')})::int AS months
         FROM person p JOIN member_profile mp ON mp.person_id = p.id
         JOIN booking b ON b.person_id = p.id AND b.status = 'ATTENDED' JOIN session s ON s.id = b.session_id
        WHERE mp.home_area_id = ANY($1::uuid[]) AND s.starts_at >= $2 AND s.starts_at < $3
          AND p.email LIKE '%@example.org'
        GROUP BY p.email, mp.home_area_id ORDER BY months DESC, p.email LIMIT 1`,
      [wards.map((w) => w.id), months[0], ends[ends.length - 1]],
    );
    expect(mover.months).toBeGreaterThanOrEqual(3);
    // And someone who came without ever giving a home (placed nowhere, so counted nowhere),
    // who gives one now.
    const [homeless] = await db.query<{ id: string; email: string }>(
      `SELECT p.id, p.email FROM person p JOIN member_profile mp ON mp.person_id = p.id
        WHERE mp.home_area_id = ANY($1::uuid[]) AND p.email LIKE '%@example.org' AND p.email <> $2
          AND EXISTS (SELECT 1 FROM booking b JOIN session s ON s.id = b.session_id
                       WHERE b.person_id = p.id AND b.status = 'ATTENDED' AND s.starts_at >= $3)
        ORDER BY p.email LIMIT 1`,
      [wards.map((w) => w.id), mover.email, months[0]],
    );
    await db.query(
      `UPDATE member_profile SET home = NULL, home_area_id = NULL WHERE person_id = $1`,
      [homeless.id],
    );
    await db.query(`DELETE FROM member_home WHERE person_id = $1`, [homeless.id]);
    expect((await runBuilt('cli', ['reports', 'rebuild-rollups'], env, 200_000)).code).toBe(0);
    const to = wards.find((w) => w.id !== mover.ward)!;
    const read = async () => {
      const all: unknown[] = [];
      for (const [first, last] of runs) {
        all.push(await report(['MONTH', 'WARD'], riverside, first, last));
        all.push(await report(['WARD'], riverside, first, last));
        all.push(await report(['INTEREST_GROUP'], riverside, first, last));
        for (const ward of [mover.ward, to.id]) {
          all.push(await report(['MONTH'], ward, first, last));
          all.push(await outcomes(ward, first, last));
        }
        all.push(await outcomes(riverside, first, last));
      }
      return all;
    };
    const before = await read();
    const [point] = await db.query<{ lat: number; lng: number }>(
      `SELECT ST_Y(ST_PointOnSurface(boundary::geometry)) AS lat, ST_X(ST_PointOnSurface(boundary::geometry)) AS lng
         FROM area WHERE id = $1`,
      [to.id],
    );
    const interests = await db.query<{ id: string }>(
      `SELECT id FROM interest ORDER BY slug DESC LIMIT 3`,
    );
    const UPDATE = `mutation($i: MemberProfileInput!) { updateMemberProfile(input: $i) { area { code } } }`;
    const moving = await signIn(api, mover.email);
    const moved = await api.gql<{ updateMemberProfile: { area: { code: string } } }>(
      UPDATE,
      { i: { home: { lat: point.lat, lng: point.lng }, interestIds: interests.map((i) => i.id) } },
      moving.accessToken,
    );
    expect(moved.data?.updateMemberProfile.area.code).toBe(to.code);
    const placing = await signIn(api, homeless.email);
    const placed = await api.gql<{ updateMemberProfile: { area: { code: string } } }>(
      UPDATE,
      { i: { home: { lat: point.lat, lng: point.lng } } },
      placing.accessToken,
    );
    expect(placed.data?.updateMemberProfile.area.code).toBe(to.code);
    await rollupsSettled(db);
    const after = await read();
    const changed = before.filter((r, i) => JSON.stringify(r) !== JSON.stringify(after[i])).length;
    summary.move = { reports: before.length, changed };
    expect({ changed, of: before.length }).toEqual({ changed: 0, of: before.length });
  }, 300_000);
});
