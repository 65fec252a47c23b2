import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import axe from 'axe-core';
import puppeteer from 'puppeteer-core';
import { PersonService, Role } from '@kith/identity';
import { Db, loadConfig } from '@kith/platform';
import { EQUALITY_KEYS } from '@kith/community';
import { FAMILY, familyKeySql, ParticipationRollups, perturbCount } from '@kith/reporting';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { testEnv } from '../support/config';
import { runBuilt } from '../support/processes';
import { londonMonthStart, rollupsSettled, seedDemo } from '../support/reports';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';
import { determined } from '../support/linear';

interface Count {
  value: number | null;
  suppressed: boolean;
}
interface Row {
  month: string | null;
  ward: { code: string } | null;
  outsideWards: boolean;
  interest: { slug: string } | null;
  sessionsHeld: Count;
  attendances: Count;
  participants: Count;
  newMembers: Count;
  firstTimers: Count;
  returnedWithin30Days: Count;
  reached3Months: Count;
  activeAt3Months: Count;
  helpFulfilled: Count;
  helperMinutes: Count;
  medianDaysToFirstActivity: number | null;
}
interface Report {
  threshold: number;
  groupBy: string[];
  rows: Row[];
  totals: Row;
  ageBands: { category: string; people: Count }[];
  deprivation: null | { version: string };
  equality: { key: string; categories: { category: string; label: string; people: Count }[] }[];
  whoTakesPart: { from: string; to: string } | null;
}

const COUNT = '{ value suppressed }';
const ROW = `month ward { code } outsideWards interest { slug } sessionsHeld ${COUNT} attendances ${COUNT}
  participants ${COUNT} newMembers ${COUNT} firstTimers ${COUNT} returnedWithin30Days ${COUNT}
  reached3Months ${COUNT} activeAt3Months ${COUNT} helpFulfilled ${COUNT} helperMinutes ${COUNT} medianDaysToFirstActivity`;
const REPORT = `query($a: ID!, $f: DateTime!, $t: DateTime!, $g: [ReportGrouping!]) {
  participationReport(areaId: $a, from: $f, to: $t, groupBy: $g) {
    threshold groupBy rows { ${ROW} } totals { ${ROW} } ageBands { category people ${COUNT} }
    deprivation { version deciles { category people ${COUNT} } }
    whoTakesPart { from to } equality { key categories { category label people ${COUNT} } }
  } }`;
const OUTCOMES = `query($a: ID!, $f: DateTime!, $t: DateTime!) {
  outcomesReport(areaId: $a, from: $f, to: $t) { rows { measure completers ${COUNT} meanChange } } }`;
const ATTENDANCE = `mutation($s: ID!, $p: ID!, $a: Boolean!) { recordAttendance(sessionId: $s, personId: $p, attended: $a) { status } }`;

const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

/**
 * The issue's "done when": the demo neighbourhood's history gives a commissioner participation
 * and outcomes reports; a ward planted with three participants cannot be recovered from any
 * published total or difference; another borough's commissioner is refused.
 */
describe('the participation report on the demo history', () => {
  const env = testEnv({ RATE_LIMIT_SIGNIN_PER_IP: '100000' });
  const config = loadConfig(env);
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let commissioner: Session;
  let coordinator: Session;
  let riverside: string;
  let planted: { ward: string; people: string[]; sessionId: string };
  // The demo's six months of history, in whole London months up to this one.
  const now = new Date();
  const monthStart = (back: number) => londonMonthStart(back, now);
  const period = { f: monthStart(7), t: monthStart(0) };
  /**
   * How many months back the period's last whole calendar quarter ends (its last month's
   * start), of those that ended at least 14 days ago (left to settle before they are kept).
   */
  const quarterEnd = [1, 2, 3, 4].find(
    (back) =>
      new Date(new Date(monthStart(back)).getTime() + 12 * 3600_000).getUTCMonth() % 3 === 2 &&
      new Date(monthStart(back - 1)).getTime() <= now.getTime() - 14 * 24 * 3600_000,
  )!;
  const quarter = { f: monthStart(quarterEnd + 2), t: monthStart(quarterEnd - 1) };

  const report = async (
    groupBy: string[],
    token = commissioner.accessToken,
    area = riverside,
    over = period,
  ) => {
    const result = await api.gql<{ participationReport: Report }>(
      REPORT,
      { a: area, ...over, g: groupBy },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.participationReport;
  };
  const attend = async (sessionId: string, personId: string, came = true) => {
    const result = await api.gql(
      ATTENDANCE,
      { s: sessionId, p: personId, a: came },
      coordinator.accessToken,
    );
    expect(result.errors).toBeUndefined();
  };
  /** The rollup of the planted people, once every job the attendance started has run. */
  const settled = () => rollupsSettled(db);

  beforeAll(async () => {
    await seedDemo(env, 1500, 11);
    api = await startApi(config);
    worker = await startWorker(config);
    db = api.app.get(Db);
    const people = api.app.get(PersonService);
    commissioner = await signIn(api, 'commissioner@demo.kith.example');
    coordinator = await signIn(api);
    await people.grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    [{ id: riverside }] = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE code = 'K09000001'`,
    );
    // A ward of Riverside where three members live, who came to one session last month.
    const [ward] = await db.query<{ id: string }>(
      `INSERT INTO area (code, name, kind, parent_id, boundary)
       VALUES ('E05PLANTED', 'Planted', 'ward', $1, ST_Multi(ST_MakeEnvelope(10, 10, 10.001, 10.001, 4326)))
       RETURNING id`,
      [riverside],
    );
    const three = await db.query<{ id: string }>(
      `WITH p AS (INSERT INTO person (email, display_name, created_at)
                  SELECT 'planted-' || i || '@example.com', 'Planted ' || i, $2::timestamptz
                    FROM generate_series(1, 3) i RETURNING id)
       INSERT INTO member_profile (person_id, home_area_id) SELECT id, $1 FROM p RETURNING person_id AS id`,
      [ward.id, monthStart(quarterEnd + 1)],
    );
    await db.query(
      `INSERT INTO member_home (person_id, from_at, area_id) SELECT unnest($1::uuid[]), '-infinity', $2`,
      [three.map((p) => p.id), ward.id],
    );
    await db.query(`INSERT INTO role_grant (person_id, role) SELECT unnest($1::uuid[]), 'MEMBER'`, [
      three.map((p) => p.id),
    ]);
    const [session] = await db.query<{ id: string }>(
      `SELECT s.id FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
         JOIN area w ON w.id = v.area_id
        WHERE w.parent_id = $1 AND s.starts_at >= $2 AND s.starts_at < $3 AND s.cancelled_at IS NULL
          AND s.capacity - s.booked_count >= 3
        ORDER BY s.starts_at LIMIT 1`,
      [riverside, monthStart(quarterEnd), monthStart(quarterEnd - 1)],
    );
    await db.query(
      `INSERT INTO booking (session_id, person_id, status) SELECT $1, unnest($2::uuid[]), 'BOOKED'`,
      [session.id, three.map((p) => p.id)],
    );
    await db.query(`UPDATE session SET booked_count = booked_count + 3 WHERE id = $1`, [
      session.id,
    ]);
    planted = { ward: ward.id, people: three.map((p) => p.id), sessionId: session.id };
    // Recorded at once: each recording's job works the session out again, concurrently.
    await Promise.all(planted.people.map((p) => attend(session.id, p)));
    await settled();
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /**
   * The cells a figure is made of, worked out here from bookings, homes and record keys as the
   * method defines them (not from the rollups), with what each is published as.
   */
  const MONTH_OF = (t: string) =>
    `(extract(year FROM ${t} AT TIME ZONE 'Europe/London')::int * 12 + extract(month FROM ${t} AT TIME ZONE 'Europe/London')::int - 1)`;
  const LIVED_AT = (person: string, month: string) =>
    `(SELECT h.area_id FROM member_home h WHERE h.person_id = ${person}
       AND h.from_at <= make_timestamptz(${month} / 12, ${month} % 12 + 1, 1, 0, 0, 0, 'Europe/London')
     ORDER BY h.from_at DESC LIMIT 1)`;
  const INSIDE = `WITH RECURSIVE inside AS (SELECT id FROM area WHERE id = $1 UNION SELECT a.id FROM area a JOIN inside ON a.parent_id = inside.id)`;
  /** Each attendance in the period, with its month, its attendee's key and where they lived then. */
  const CAME = `${INSIDE},
    came AS (SELECT b.person_id, s.activity_id, ${MONTH_OF('s.starts_at')} AS m, p.record_key AS k
               FROM booking b JOIN session s ON s.id = b.session_id JOIN person p ON p.id = b.person_id
              WHERE b.status = 'ATTENDED' AND s.cancelled_at IS NULL AND s.starts_at >= $2 AND s.starts_at < $3),
    placed AS (SELECT c.*, ${LIVED_AT('c.person_id', 'c.m')} AS area FROM came c)`;
  const published = (cells: { count: number; key: string }[]) =>
    cells.reduce((sum, c) => sum + perturbCount(c.count, Number(c.key)), 0);

  it('publishes what the history holds through its cells, each perturbed, each person once a cell', async () => {
    const byMonth = await report(['MONTH']);
    expect(byMonth.threshold).toBe(10);
    expect(byMonth.rows).toHaveLength(7);
    // Attendances: cells of a month, an area and a session's set of interests.
    const attendanceCells = await db.query<{ m: number; count: number; key: string }>(
      `${CAME}
       SELECT p.m, count(*)::int AS count, sum(${familyKeySql('p.k', FAMILY.attendances)})::bigint AS key FROM placed p
        WHERE p.area IN (SELECT id FROM inside)
        GROUP BY p.m, p.area,
                 (SELECT string_agg(ai.interest_id::text, ',' ORDER BY ai.interest_id) FROM activity_interest ai
                   WHERE ai.activity_id = p.activity_id)`,
      [riverside, period.f, period.t],
    );
    // Participants of the period: each person in each area they lived in while they came, in
    // the cell of the first month they came from there.
    const reachCells = await db.query<{ count: number; key: string }>(
      `${CAME}, firsts AS (SELECT person_id, area, min(m) AS m, min(k) AS k FROM placed
                             WHERE area IN (SELECT id FROM inside) GROUP BY person_id, area)
       SELECT count(*)::int AS count, sum(${familyKeySql('k', FAMILY.participants)})::bigint AS key
         FROM firsts GROUP BY m, area`,
      [riverside, period.f, period.t],
    );
    const monthCells = await db.query<{ m: number; count: number; key: string }>(
      `${CAME}, distinct_people AS (SELECT DISTINCT person_id, m, area, k FROM placed WHERE area IN (SELECT id FROM inside))
       SELECT m, count(*)::int AS count, sum(${familyKeySql('k', FAMILY.participants)})::bigint AS key
         FROM distinct_people GROUP BY m, area`,
      [riverside, period.f, period.t],
    );
    const exact = attendanceCells.reduce((n, c) => n + c.count, 0);
    expect(exact).toBeGreaterThan(1000);
    expect(byMonth.totals.attendances).toEqual({
      value: published(attendanceCells),
      suppressed: false,
    });
    expect(byMonth.totals.participants).toEqual({
      value: published(reachCells),
      suppressed: false,
    });
    // Near the truth: each cell moved by at most 3.
    const people = reachCells.reduce((n, c) => n + c.count, 0);
    expect(Math.abs(byMonth.totals.participants.value! - people)).toBeLessThanOrEqual(
      3 * reachCells.length,
    );
    const months = [...new Set(monthCells.map((c) => c.m))].sort((a, b) => a - b);
    for (const row of byMonth.rows) {
      const [y, mm] = row.month!.split('-').map(Number);
      const m = y * 12 + mm - 1;
      const value = (cells: { m: number; count: number; key: string }[]) => {
        const v = published(cells.filter((c) => c.m === m));
        return v >= 10 ? { value: v, suppressed: false } : { value: null, suppressed: true };
      };
      expect({
        month: row.month,
        attendances: row.attendances,
        participants: row.participants,
      }).toEqual({
        month: row.month,
        attendances: value(attendanceCells),
        participants: value(monthCells),
      });
    }
    expect(months.length).toBeGreaterThan(4);
    // A member who came in two months is one participant of the period, and one in each month.
    const monthly = byMonth.rows.reduce((sum, r) => sum + (r.participants.value ?? 0), 0);
    expect(monthly).toBeGreaterThan(byMonth.totals.participants.value!);
    expect(byMonth.totals.sessionsHeld.value).toBeGreaterThan(0);
    // By interest over the period: each person in each interest and area they came to it from,
    // in the cell of the first month of the period they did.
    const interestCells = await db.query<{ slug: string; count: number; key: string }>(
      `${CAME}, firsts AS (
         SELECT p.person_id, ai.interest_id, p.area, min(p.m) AS m, min(p.k) AS k
           FROM placed p JOIN activity_interest ai ON ai.activity_id = p.activity_id
          WHERE p.area IN (SELECT id FROM inside) GROUP BY p.person_id, ai.interest_id, p.area)
       SELECT i.slug, count(*)::int AS count, sum(${familyKeySql('f.k', FAMILY.interestParticipants)})::bigint AS key
         FROM firsts f JOIN interest i ON i.id = f.interest_id GROUP BY i.slug, f.m, f.area`,
      [riverside, period.f, period.t],
    );
    const byInterest = await report(['INTEREST_GROUP']);
    for (const row of byInterest.rows) {
      const v = published(interestCells.filter((c) => c.slug === row.interest!.slug));
      expect({ interest: row.interest!.slug, participants: row.participants }).toEqual({
        interest: row.interest!.slug,
        participants: v >= 10 ? { value: v, suppressed: false } : { value: null, suppressed: true },
      });
    }
    expect(byInterest.rows.filter((r) => !r.participants.suppressed).length).toBeGreaterThan(5);
    // Joined in the period, counted where they lived at the start of the month they joined;
    // and of them those whose third month was over by its end (joined three whole months
    // before its last month) and who came in it.
    const joined = await db.query<{
      reached: boolean;
      count: number;
      key: string;
      active: number;
      activeKey: string;
    }>(
      `${INSIDE},
       j AS (SELECT p.id, p.record_key AS k, ${MONTH_OF('p.created_at')} AS m,
                    ${LIVED_AT('p.id', MONTH_OF('p.created_at'))} AS area,
                    EXISTS (SELECT 1 FROM booking b JOIN session s ON s.id = b.session_id
                             WHERE b.person_id = p.id AND b.status = 'ATTENDED' AND s.cancelled_at IS NULL
                               AND s.starts_at >= p.created_at + interval '2 months'
                               AND s.starts_at < p.created_at + interval '3 months') AS came3
               FROM person p JOIN member_profile mp ON mp.person_id = p.id
              WHERE p.created_at >= $2 AND p.created_at < $3)
       SELECT m + 3 <= ${MONTH_OF("($3::timestamptz - interval '1 day')")} AS reached, count(*)::int AS count,
              sum(${familyKeySql('k', FAMILY.newMembers)})::bigint AS key, count(*) FILTER (WHERE came3)::int AS active,
              coalesce(sum(${familyKeySql('k', FAMILY.active3)}) FILTER (WHERE came3), 0)::bigint AS "activeKey"
         FROM j WHERE area IN (SELECT id FROM inside) GROUP BY m, area`,
      [riverside, period.f, period.t],
    );
    expect(joined.reduce((n, c) => n + c.count, 0)).toBeGreaterThan(100);
    expect(byMonth.totals.newMembers).toEqual({ value: published(joined), suppressed: false });
    expect(byMonth.totals.reached3Months.value).toBe(published(joined.filter((c) => c.reached)));
    expect(byMonth.totals.activeAt3Months.value).toBe(
      published(
        joined.filter((c) => c.reached).map((c) => ({ count: c.active, key: c.activeKey })),
      ),
    );
    // The median whole days from joining to a first time: from the histogram of first-timers by
    // month, area and days, each bin perturbed (a family of its own), worked out from bookings.
    const bins = await db.query<{ days: number; count: number; key: string }>(
      `${CAME},
       firsts AS (SELECT c.person_id, min(s.starts_at) AS first_at FROM booking c
                    JOIN session s ON s.id = c.session_id
                   WHERE c.status = 'ATTENDED' AND s.cancelled_at IS NULL GROUP BY c.person_id),
       f AS (SELECT f.person_id, ${MONTH_OF('f.first_at')} AS m, pe.record_key AS k,
                    greatest(0, floor(extract(epoch FROM f.first_at - pe.created_at) / 86400))::int AS days,
                    ${LIVED_AT('f.person_id', MONTH_OF('f.first_at'))} AS area
               FROM firsts f JOIN person pe ON pe.id = f.person_id
              WHERE f.first_at >= $2 AND f.first_at < $3)
       SELECT days, count(*)::int AS count, sum(${familyKeySql('k', FAMILY.daysToFirst)})::bigint AS key
         FROM f WHERE area IN (SELECT id FROM inside) GROUP BY m, area, days`,
      [riverside, period.f, period.t],
    );
    const histogram = new Map<number, number>();
    for (const b of bins)
      histogram.set(b.days, (histogram.get(b.days) ?? 0) + perturbCount(b.count, Number(b.key)));
    const ordered = [...histogram].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
    const total = ordered.reduce((s, [, n]) => s + n, 0);
    const at = (rank: number) => {
      let upto = 0;
      for (const [days, n] of ordered) if ((upto += n) >= rank) return days;
      throw new Error('no such rank');
    };
    const median = (at(Math.floor((total + 1) / 2)) + at(Math.floor(total / 2) + 1)) / 2;
    expect(byMonth.totals.medianDaysToFirstActivity).toBe(median);
    // Age bands add up to the participants (every one of them, given or not).
    expect(byMonth.ageBands.map((a) => a.category)).toContain('not given');
    // No release of the Indices of Deprivation imported: nothing said about deciles.
    expect(byMonth.deprivation).toBeNull();
  });

  it('counts participants by age band and by each equality answer exactly, small ones hidden together', async () => {
    const byMonth = await report(['MONTH']);
    // Told for the period's last whole quarter, not the period.
    expect(byMonth.whoTakesPart).toEqual({
      from: new Date(quarter.f).toISOString(),
      to: new Date(quarter.t).toISOString(),
    });
    // The quarter's participants living in scope, with what each chose to give.
    const people = await db.query<Record<string, string | null>>(
      `WITH RECURSIVE inside AS (SELECT id FROM area WHERE id = $1 UNION SELECT a.id FROM area a JOIN inside ON a.parent_id = inside.id)
       SELECT DISTINCT b.person_id, mp.age_band AS "ageBand", e.sex, e.gender_identity AS "genderIdentity",
              e.ethnic_group AS "ethnicGroup", e.disability, e.religion, e.sexual_orientation AS "sexualOrientation"
         FROM booking b JOIN session s ON s.id = b.session_id JOIN member_profile mp ON mp.person_id = b.person_id
         LEFT JOIN equality_monitoring e ON e.person_id = b.person_id
        WHERE b.status = 'ATTENDED' AND s.cancelled_at IS NULL AND mp.home_area_id IN (SELECT id FROM inside)
          AND s.starts_at >= $2 AND s.starts_at < $3`,
      [riverside, quarter.f, quarter.t],
    );
    const total = people.length;
    expect(total).toBeGreaterThan(100);
    const tables = [{ key: 'ageBand', categories: byMonth.ageBands }, ...byMonth.equality];
    expect(tables.map((t) => t.key)).toEqual(['ageBand', ...EQUALITY_KEYS]);
    let hiddenSomewhere = 0;
    for (const { key, categories } of tables) {
      const exact = (category: string) =>
        people.filter((p) => (p[key] ?? 'not given') === category).length;
      for (const c of categories)
        if (!c.people.suppressed)
          expect({ key, c: c.category, v: c.people.value }).toEqual({
            key,
            c: c.category,
            v: exact(c.category),
          });
      // Every participant is in one category of each: the hidden ones are the total less the
      // rest, never one alone and never fewer than the threshold together.
      const hidden = categories.filter((c) => c.people.suppressed);
      if (hidden.length === 0) continue;
      hiddenSomewhere += 1;
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      const published = categories.reduce((n, c) => n + (c.people.value ?? 0), 0);
      expect(total - published).toBeGreaterThanOrEqual(byMonth.threshold);
      // Hidden because one of them is small (and the rest to keep it hidden), not by chance.
      expect(hidden.some((c) => exact(c.category) < byMonth.threshold)).toBe(true);
    }
    // The demo's members give their answers as people do: some small groups are hidden, most shown.
    expect(hiddenSomewhere).toBeGreaterThan(0);
    const given = byMonth.equality.find((q) => q.key === 'ethnicGroup')!.categories;
    expect(given.find((c) => c.category === 'white')?.people.value).toBeGreaterThan(10);
    expect(given.find((c) => c.category === 'not given')?.label).toBe('Not given');
  });

  it('hides the planted ward of three, and its tables add up', async () => {
    const byWard = await report(['WARD']);
    const plantedRow = byWard.rows.find((r) => r.ward?.code === 'E05PLANTED')!;
    expect(plantedRow.participants).toEqual({ value: null, suppressed: true });
    expect(plantedRow.attendances).toEqual({ value: null, suppressed: true });
    expect(byWard.rows.some((r) => r.outsideWards)).toBe(true);
    // Every figure is a sum of perturbed cells, so what adds up in the history adds up in the
    // report: the wards' attendances and participants are the total (the hidden ones are what
    // is left, the planted ward's perturbed cells among them: noise, never its three).
    for (const measure of ['participants', 'attendances', 'newMembers', 'firstTimers'] as const) {
      const shown = byWard.rows.filter((r) => !r[measure].suppressed);
      const hidden = byWard.rows.filter((r) => r[measure].suppressed);
      const total = byWard.totals[measure].value!;
      const published = shown.reduce((sum, r) => sum + r[measure].value!, 0);
      expect(total - published).toBeGreaterThanOrEqual(0);
      if (hidden.length === 0) expect(total).toBe(published);
    }
    // By month and ward: each ward's months add up to its attendances over the period.
    const both = await report(['MONTH', 'WARD']);
    expect(both.groupBy).toEqual(['MONTH', 'WARD']);
    for (const w of byWard.rows.filter((r) => !r.attendances.suppressed)) {
      const cells = both.rows.filter((r) => (r.ward?.code ?? null) === (w.ward?.code ?? null));
      if (cells.some((c) => c.attendances.suppressed)) continue;
      expect(cells.reduce((sum, c) => sum + c.attendances.value!, 0)).toBe(w.attendances.value);
    }
    const plantedCells = both.rows.filter((r) => r.ward?.code === 'E05PLANTED');
    expect(plantedCells.every((r) => r.participants.suppressed)).toBe(true);
  });

  it("gives a ward the cells of its borough's row, and who takes part no combination of tables tells", async () => {
    const [byWard, byMonth, both] = await Promise.all([
      report(['WARD']),
      report(['MONTH']),
      report(['MONTH', 'WARD']),
    ]);
    const wards = byWard.rows.filter((r) => r.ward).map((r) => r.ward!.code);
    const ids = new Map(
      (
        await db.query<{ id: string; code: string }>(
          `SELECT id, code FROM area WHERE code = ANY($1::text[])`,
          [wards],
        )
      ).map((a) => [a.code, a.id]),
    );
    // Each ward's own report, as a commissioner of the borough may ask for it.
    const own = new Map(
      await Promise.all(
        wards.map(
          async (code) =>
            [
              code,
              {
                total: await report([], commissioner.accessToken, ids.get(code)),
                byMonth: await report(['MONTH'], commissioner.accessToken, ids.get(code)),
              },
            ] as const,
        ),
      ),
    );
    // A ward's totals are its row of the borough's report by ward, its months its column of
    // the borough's table by month and ward: the same cells, the same noise.
    for (const code of wards) {
      const row = byWard.rows.find((r) => r.ward?.code === code)!;
      const { total, byMonth: months } = own.get(code)!;
      expect(total.totals.attendances).toEqual(row.attendances);
      expect(total.totals.participants).toEqual(row.participants);
      expect(total.totals.newMembers).toEqual(row.newMembers);
      expect(months.rows.map((r) => r.attendances)).toEqual(
        both.rows.filter((r) => r.ward?.code === code).map((r) => r.attendances),
      );
    }
    // Not all hidden: the reports would be of no use.
    expect(byWard.rows.filter((r) => !r.attendances.suppressed).length).toBeGreaterThan(2);
    const monthsShown = [...own.values()].flatMap((o) =>
      o.byMonth.rows.filter((r) => !r.participants.suppressed),
    );
    expect(monthsShown.length).toBeGreaterThan(wards.length);
    expect(byMonth.rows.filter((r) => !r.attendances.suppressed).length).toBeGreaterThan(4);
    // Who takes part is the quarter's, exact and kept: a[ward][age band], told by the
    // borough's and the wards' tables of the quarter, and (taken here as if exact, more than a
    // reader has) by the quarter's own reports of participants by ward.
    const months = byMonth.rows.map((r) => r.month!);
    expect(months).toHaveLength(7);
    const columns = [...wards, null];
    const wardOf = (r: Row) => columns.indexOf(r.ward?.code ?? null);
    const planted = columns.indexOf('E05PLANTED');
    const [quarterByWard, quarterTotals] = await Promise.all([
      report(['WARD'], commissioner.accessToken, riverside, quarter),
      report([], commissioner.accessToken, riverside, quarter),
    ]);
    const bands = byWard.ageBands.map((b) => b.category);
    const ages: number[][] = [];
    const person = (w: number, bandsOf: number[]) => {
      const f = new Array<number>(columns.length * bands.length).fill(0);
      for (const k of bandsOf) f[w * bands.length + k] = 1;
      return f;
    };
    const everyBand = bands.map((_, k) => k);
    const sumOver = (parts: number[][]) =>
      parts[0].map((_, i) => parts.reduce((n, p) => n + p[i], 0));
    if (!quarterTotals.totals.participants.suppressed)
      ages.push(sumOver(columns.map((_, w) => person(w, everyBand))));
    for (const r of quarterByWard.rows)
      if (!r.participants.suppressed) ages.push(person(wardOf(r), everyBand));
    byWard.ageBands.forEach((b, k) => {
      if (!b.people.suppressed) ages.push(sumOver(columns.map((_, w) => person(w, [k]))));
    });
    for (const [code, { total }] of own) {
      const w = columns.indexOf(code);
      total.ageBands.forEach((b, k) => {
        if (!b.people.suppressed) ages.push(person(w, [k]));
      });
    }
    // The planted three came in the quarter: there is something to find, and it is not found.
    expect(
      quarterByWard.rows.find((r) => r.ward?.code === 'E05PLANTED')?.participants.suppressed,
    ).toBe(true);
    expect(determined(ages, person(planted, everyBand))).toBe(false);
    for (const k of everyBand) expect(determined(ages, person(planted, [k]))).toBe(false);
    // A ward may be read by months and interests at once: its cells are its borough's.
    const three = await report(
      ['MONTH', 'INTEREST_GROUP'],
      commissioner.accessToken,
      ids.get('E05PLANTED'),
    );
    expect(three.rows.every((r) => r.attendances.suppressed)).toBe(true);
  });

  it('takes back a corrected no-show, and keeps counting under concurrent recording', async () => {
    const participants = () =>
      db.query<{ n: number }>(
        `SELECT coalesce(sum(participants), 0)::int AS n FROM participant_month WHERE area_id = $1`,
        [planted.ward],
      );
    expect(await participants()).toEqual([{ n: 3 }]);
    await attend(planted.sessionId, planted.people[0], false);
    await settled();
    expect(await participants()).toEqual([{ n: 2 }]);
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT coalesce(sum(attendances), 0)::int AS n FROM participation_month_set WHERE area_id = $1`,
      [planted.ward],
    );
    expect(n).toBe(2);
    // A member who has come moves into the planted ward, chooses other interests and gives an
    // age band: the profile's change is an event, and their rows follow it; but every month
    // already begun stays where they lived at its start (a move tells no history), and the
    // month they joined, long over, keeps the interests it gave.
    const [mover] = await db.query<{ id: string; email: string; area: string; areas: string[] }>(
      `SELECT p.id, p.email, t.area_id AS area, t.month_areas AS areas FROM participant t JOIN person p ON p.id = t.person_id
        WHERE t.area_id <> $1 AND p.email LIKE '%@example.org' AND cardinality(t.months) > 1
        ORDER BY p.email LIMIT 1`,
      [planted.ward],
    );
    const interests = await db.query<{ id: string }>(
      `SELECT id FROM interest ORDER BY slug LIMIT 2`,
    );
    // The interests they gave when they joined, months ago: what new members by interest keep.
    const [{ chose }] = await db.query<{ chose: string[] }>(
      `SELECT interest_ids AS chose FROM member_join WHERE person_id = $1`,
      [mover.id],
    );
    expect(chose.sort()).not.toEqual(interests.map((i) => i.id).sort());
    const moving = await signIn(api, mover.email);
    const moved = await api.gql<{ updateMemberProfile: { area: { code: string } } }>(
      `mutation($i: MemberProfileInput!) { updateMemberProfile(input: $i) { area { code } } }`,
      {
        i: {
          home: { lat: 10.0005, lng: 10.0005 },
          interestIds: interests.map((i) => i.id),
          ageBand: '85+',
        },
      },
      moving.accessToken,
    );
    expect(moved.data?.updateMemberProfile.area.code).toBe('E05PLANTED');
    const answered = await api.gql(
      `mutation { updateEqualityMonitoring(input: { sex: "male", religion: "sikh", disability: null }) { sex } }`,
      {},
      moving.accessToken,
    );
    expect(answered.errors).toBeUndefined();
    await settled();
    const rowsNow = await db.query<{ answers: string[] }>(
      `SELECT t.area_id AS participant, t.month_areas AS areas, t.age_band AS band, j.area_id AS joined,
              j.interest_ids AS chose
         FROM participant t JOIN member_join j ON j.person_id = t.person_id WHERE t.person_id = $1`,
      [mover.id],
    );
    expect(rowsNow).toEqual([
      {
        participant: mover.area,
        areas: mover.areas,
        band: '85+',
        joined: mover.area,
        chose,
      },
    ]);
    // From the start of next month they are counted in the planted ward.
    expect(
      await db.query(`SELECT area_id FROM member_home WHERE person_id = $1 ORDER BY from_at`, [
        mover.id,
      ]),
    ).toEqual([{ area_id: mover.area }, { area_id: planted.ward }]);
    // The answers the row gave, each as question:answer, the one taken back gone.
    const [{ answers }] = await db.query<{ answers: string[] }>(
      `SELECT answers FROM participant WHERE person_id = $1`,
      [mover.id],
    );
    expect(answers).toEqual(expect.arrayContaining(['sex:male', 'religion:sikh']));
    expect(answers.some((a) => a.startsWith('disability:'))).toBe(false);
    // The rollups as kept agree with those worked out from all history again.
    // Each table, and the figures a row carries (a row of only zeros is nothing kept).
    const TABLES: Record<string, [string, string]> = {
      participation_month_set: [
        'month, area_id, interest_set',
        'sessions_held, attendances, attendances_key',
      ],
      participant_month: ['month, area_id', 'participants, participants_key'],
      participant_first: [
        'month, area_id, days',
        'first_timers, returned, first_timers_key, returned_key',
      ],
      participant_reach: ['start_month, area_id, age_band, next_month', 'people, people_key'],
      participant_interest_reach: [
        'start_month, area_id, interest_id, next_month',
        'people, people_key',
      ],
      participant_interest_first: [
        'month, area_id, interest_id',
        'first_timers, returned, first_timers_key, returned_key',
      ],
      participant_answer_reach: ['start_month, area_id, question, answer, next_month', 'people'],
      participant_interest_month: ['month, area_id, interest_id', 'participants, participants_key'],
      member_join: [
        'person_id, month, area_id, interest_ids::text',
        'active3::int, active6::int, record_key, 1',
      ],
      member_join_month: [
        'month, area_id',
        'new_members, active3, active6, new_members_key, active3_key, active6_key',
      ],
      member_join_month_interest: [
        'month, area_id, interest_id',
        'new_members, active3, active6, new_members_key, active3_key, active6_key',
      ],
    };
    const read = () =>
      Promise.all(
        Object.entries(TABLES).map(([table, [keys, figures]]) =>
          db.query(
            `SELECT ${keys}, ${figures} FROM ${table}
              WHERE ${figures
                .split(', ')
                .map((f) => `${f} <> 0`)
                .join(' OR ')} ORDER BY ${keys}`,
          ),
        ),
      );
    const kept = await read();
    const rebuilt = await runBuilt('cli', ['reports', 'rebuild-rollups'], env, 60_000);
    expect(rebuilt.stdout).toContain('rebuilt the participation rollups');
    const again = await read();
    Object.keys(TABLES).forEach((table, i) => {
      expect({ table, rows: again[i] }).toEqual({ table, rows: kept[i] });
    });
  });

  it('tells who takes part for one fixed quarter, the same whatever period holds it', async () => {
    const longer = await report(['MONTH']);
    const shorter = await report(['WARD'], commissioner.accessToken, riverside, {
      f: quarter.f,
      t: period.t,
    });
    expect(shorter.whoTakesPart).toEqual(longer.whoTakesPart);
    expect(shorter.ageBands).toEqual(longer.ageBands);
    expect(shorter.equality).toEqual(longer.equality);
    // Kept as first published: one of the quarter's participants takes an answer back and
    // gives another, and the quarter's tables stay as they were (they would differ by them).
    const [someone] = await db.query<{ email: string }>(
      `SELECT p.email FROM participant t JOIN person p ON p.id = t.person_id
         JOIN equality_monitoring e ON e.person_id = t.person_id
        WHERE p.email LIKE '%@example.org' AND t.months && $1::int[]
          AND e.ethnic_group IN ('white', 'black') AND e.religion IS NOT NULL
        ORDER BY p.email LIMIT 1`,
      [
        [0, 1, 2].map((i) => {
          const d = new Date(new Date(quarter.f).getTime() + (i * 31 + 12) * 24 * 3600_000);
          return d.getUTCFullYear() * 12 + d.getUTCMonth();
        }),
      ],
    );
    const changing = await signIn(api, someone.email);
    const changed = await api.gql(
      `mutation { updateEqualityMonitoring(input: { ethnicGroup: "other", religion: null }) { ethnicGroup } }`,
      {},
      changing.accessToken,
    );
    expect(changed.errors).toBeUndefined();
    await settled();
    const later = await report(['MONTH']);
    expect(later.equality).toEqual(longer.equality);
    expect(later.ageBands).toEqual(longer.ageBands);
    // Worked out afresh they would differ by that one person: the keeping is what holds them.
    await db.query(`DELETE FROM report_quarter`);
    const afresh = await report(['MONTH']);
    expect(afresh.equality).not.toEqual(longer.equality);
    // Three first reports of a quarter at once: one set of tables kept, the same to all three.
    await db.query(`DELETE FROM report_quarter`);
    const atOnce = await Promise.all([
      report(['MONTH']),
      report(['WARD']),
      report([], commissioner.accessToken, planted.ward),
    ]);
    expect(atOnce[1].equality).toEqual(atOnce[0].equality);
    expect(await db.query(`SELECT count(*)::int AS n FROM report_quarter WHERE part = ''`)).toEqual(
      [{ n: 1 }],
    );
    // Two periods one inside the other tell nothing apart: a month alone holds no quarter.
    const month = await report(['MONTH'], commissioner.accessToken, riverside, {
      f: monthStart(1),
      t: monthStart(0),
    });
    expect(month.whoTakesPart).toBeNull();
    expect(month.ageBands).toEqual([]);
    expect(month.equality).toEqual([]);
    expect(month.deprivation).toBeNull();
  });

  it('answers from the rollups as they were while they are worked out again, and not while a rebuild waits', async () => {
    const before = await report(['MONTH']);
    // The rebuild under way in a transaction not yet committed: reports are not held up by it.
    await db.transaction(async () => {
      await api.app.get(ParticipationRollups).rebuild();
      const during = await report(['MONTH']);
      expect(during.totals).toEqual(before.totals);
    });
    // A rebuild a migration asked for, not run yet: until it is, the figures are partial.
    await db.query(
      `INSERT INTO job (job_name, job_id, payload, available_at)
       VALUES ('rebuild-participation-rollups', 'rebuild-waiting-test', '{}', now() + interval '1 hour')`,
    );
    const waiting = await api.gql(
      REPORT,
      { a: riverside, ...period, g: ['MONTH'] },
      commissioner.accessToken,
    );
    expect(codeOf(waiting)).toBe('CONFLICT');
    // A rebuild from the command line does what it would have: it is done, and reports answer.
    const rebuilt = await runBuilt('cli', ['reports', 'rebuild-rollups'], env, 60_000);
    expect(rebuilt.code).toBe(0);
    expect(
      await db.query(`SELECT state, result FROM job WHERE job_id = 'rebuild-waiting-test'`),
    ).toEqual([{ state: 'done', result: { supersededBy: 'reports rebuild-rollups' } }]);
    expect((await report(['MONTH'])).totals).toEqual(before.totals);
  });

  it('gives reach by deprivation decile once a release is imported, suppressed like the rest', async () => {
    // One LSOA around the whole demo, in the most deprived tenth: every placed home lies in it.
    await db.query(
      `INSERT INTO area (code, name, kind, boundary)
       VALUES ('E01DEMO', 'Demo LSOA', 'lsoa', ST_Multi(ST_MakeEnvelope(-1, 51, 1, 52, 4326)))`,
    );
    await db.query(
      `INSERT INTO imd_decile (version, lsoa_code, decile) VALUES ('IoD2025', 'E01DEMO', 1)`,
    );
    const rebuilt = await runBuilt('cli', ['reports', 'rebuild-rollups'], env, 60_000);
    expect(rebuilt.code).toBe(0);
    // The quarter's tables were kept before there was a release: they stay so until an
    // operator forgets them.
    expect((await report(['MONTH'])).deprivation).toBeNull();
    const forgot = await runBuilt(
      'cli',
      ['reports', 'forget-quarters', '--area', 'K09000001'],
      env,
      60_000,
    );
    expect(forgot.stdout).toContain('forgot the kept tables of 1 quarters of Riverside');
    const byMonth = await report(['MONTH']);
    expect(byMonth.deprivation?.version).toBe('IoD2025');
    const [{ homed }] = await db.query<{ homed: number }>(
      `SELECT count(*)::int AS homed FROM participant p JOIN area a ON a.id = p.area_id
        WHERE p.lsoa_code = 'E01DEMO' AND p.months && $1::int[]
          AND (a.id = $2 OR a.parent_id = $2)`,
      [
        Array.from({ length: 7 }, (_, i) => {
          const d = new Date(monthStart(7 - i));
          const london = new Date(d.getTime() + 12 * 3600_000);
          return london.getUTCFullYear() * 12 + london.getUTCMonth();
        }),
        riverside,
      ],
    );
    expect(homed).toBeGreaterThanOrEqual(10);
    const deciles = byMonth.deprivation as unknown as {
      deciles: { category: string; people: Count }[];
    };
    // 210-odd in decile 1 beside the planted three with no home (not known): publishing the
    // decile would tell the three, so it is hidden with them, and the zeros of the other nine.
    const [{ unplaced }] = await db.query<{ unplaced: number }>(
      `SELECT count(*)::int AS unplaced FROM participant WHERE lsoa_code IS NULL AND area_id = $1`,
      [planted.ward],
    );
    // The planted three less the one whose attendance was taken back: in no LSOA of the release.
    expect(unplaced).toBe(2);
    expect(deciles.deciles.every((d) => d.people.suppressed)).toBe(true);
    expect(deciles.deciles.map((d) => d.category)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => String(i + 1)),
      'not known',
    ]);
  });

  it('gives the outcomes report on the same history', async () => {
    const result = await api.gql<{
      outcomesReport: { rows: { measure: string; completers: Count; meanChange: number | null }[] };
    }>(OUTCOMES, { a: riverside, ...period }, commissioner.accessToken);
    expect(result.errors).toBeUndefined();
    const rows = result.data!.outcomesReport.rows;
    expect(rows.map((r) => r.measure)).toContain('ucla-3');
    // Enough completers for a mean change of each measure (their count itself may be hidden
    // beside the small counts of those who changed reliably).
    expect(rows.filter((r) => r.meanChange !== null).map((r) => r.measure)).toContain('ucla-3');
  });

  it('refuses another borough, an unknown grouping, two of one, and a backwards period', async () => {
    // An area between the borough and its wards has no report (set against its wards' it could
    // tell a hidden one); a ward drawn after the quarter was kept tells no demographics.
    const [between] = await db.query<{ id: string }>(
      `INSERT INTO area (code, name, kind, parent_id, boundary)
       VALUES ('E99LOCALITY', 'Locality', 'locality', $1, ST_Multi(ST_MakeEnvelope(20, 20, 20.001, 20.001, 4326)))
       RETURNING id`,
      [riverside],
    );
    const locality = await api.gql(
      REPORT,
      { a: between.id, ...period, g: ['MONTH'] },
      commissioner.accessToken,
    );
    expect(locality.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'areaId' }],
    });
    const [late] = await db.query<{ id: string }>(
      `INSERT INTO area (code, name, kind, parent_id, boundary)
       VALUES ('E05LATE', 'Late', 'ward', $1, ST_Multi(ST_MakeEnvelope(30, 30, 30.001, 30.001, 4326)))
       RETURNING id`,
      [riverside],
    );
    const lateWard = await report(['MONTH'], commissioner.accessToken, late.id);
    expect(lateWard.whoTakesPart).toBeNull();
    expect(lateWard.ageBands).toEqual([]);
    await db.query(`DELETE FROM area WHERE id = ANY($1::uuid[])`, [[between.id, late.id]]);
    const other = await signIn(api);
    await api.app.get(PersonService).grantRole(other.email, Role.COMMISSIONER, 'K09000002');
    const refused = await api.gql(
      REPORT,
      { a: riverside, ...period, g: ['MONTH'] },
      other.accessToken,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const unknown = await api.gql(
      REPORT,
      { a: riverside, ...period, g: ['POSTCODE'] },
      commissioner.accessToken,
    );
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    const twice = await api.gql(
      REPORT,
      { a: riverside, ...period, g: ['WARD', 'WARD'] },
      commissioner.accessToken,
    );
    expect(codeOf(twice)).toBe('BAD_USER_INPUT');
    const backwards = await api.gql(
      REPORT,
      { a: riverside, f: period.t, t: period.f, g: ['MONTH'] },
      commissioner.accessToken,
    );
    expect(codeOf(backwards)).toBe('BAD_USER_INPUT');
    // This month is not over: it would change day by day, and two days could be subtracted.
    const unfinished = await api.gql(
      REPORT,
      { a: riverside, f: period.f, t: monthStart(-1), g: ['MONTH'] },
      commissioner.accessToken,
    );
    expect(unfinished.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'to', message: expect.stringMatching(/months it covers must be over/) as string },
      ],
    });
    const member = await signIn(api);
    const asMember = await api.gql(
      REPORT,
      { a: riverside, ...period, g: ['MONTH'] },
      member.accessToken,
    );
    expect(codeOf(asMember)).toBe('FORBIDDEN');
  });

  it('breaks down by interest, help not applicable there', async () => {
    const byInterest = await report(['INTEREST_GROUP']);
    expect(byInterest.rows.length).toBeGreaterThan(5);
    expect(byInterest.rows.every((r) => r.interest !== null)).toBe(true);
    expect(byInterest.rows[0].helpFulfilled).toEqual({ value: null, suppressed: false });
    expect(
      byInterest.totals.helpFulfilled.suppressed || byInterest.totals.helpFulfilled.value! >= 10,
    ).toBe(true);
  });

  it('gives the page in Chromium: charts drawn as SVG, no script, no serious accessibility fault', async () => {
    const LINK = `query($k: String!, $f: String!, $a: ID!, $from: DateTime!, $to: DateTime!, $g: [ReportGrouping!]) {
      reportLink(kind: $k, format: $f, areaId: $a, from: $from, to: $to, groupBy: $g) }`;
    const linkFor = async (k: string, f: string, g?: string[], a = riverside) => {
      const made = await api.gql<{ reportLink: string }>(
        LINK,
        { k, f, a, from: period.f, to: period.t, g },
        commissioner.accessToken,
      );
      expect(made.errors).toBeUndefined();
      return made.data!.reportLink;
    };
    // The CSV by ward, through a link: the planted ward's line hidden there too.
    const csv = await (await fetch(await linkFor('participation', 'csv', ['WARD']))).text();
    const plantedLine = csv.split('\r\n').find((l) => l.includes('E05PLANTED'))!;
    expect(plantedLine.split(',').slice(5, 8)).toEqual(expect.arrayContaining(['[c]']));
    expect(csv).toContain('\r\ntotal,');
    // The file is the same report as GraphQL gives: the same perturbed figures, row for row.
    const graph = await report(['WARD']);
    const totalLine = csv
      .split('\r\n')
      .find((l) => l.startsWith('total,'))!
      .split(',');
    expect(totalLine.slice(5, 8).map(Number)).toEqual([
      graph.totals.sessionsHeld.value,
      graph.totals.attendances.value,
      graph.totals.participants.value,
    ]);
    for (const row of graph.rows.filter((r) => r.ward && !r.attendances.suppressed))
      expect(csv).toContain(`,${row.ward!.code},`);
    expect(csv).toContain('\r\nethnic_group,participants\r\n');
    // A ward's file is cut from the borough's too: the planted ward's one line, hidden.
    const wardCsv = await (
      await fetch(await linkFor('participation', 'csv', ['WARD'], planted.ward))
    ).text();
    const wardLines = wardCsv.split('\r\n').filter((l) => l.startsWith('row,,'));
    expect(wardLines).toHaveLength(1);
    expect(wardLines[0]).toContain('E05PLANTED');
    expect(wardLines[0].split(',').slice(6, 8)).toEqual(['[c]', '[c]']);
    const browser = await puppeteer.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    try {
      const out = join(__dirname, '../../tmp');
      mkdirSync(out, { recursive: true });
      for (const kind of ['participation', 'outcomes']) {
        const page = await browser.newPage();
        await page.setJavaScriptEnabled(false);
        const response = await page.goto(await linkFor(kind, 'html'), { waitUntil: 'load' });
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
        // Run in the page, as source: the test itself has no DOM types.
        const facts = (await page.evaluate(`({
          title: document.title,
          charts: Array.from(document.querySelectorAll('figure svg')).map((svg) => ({
            marks: svg.querySelectorAll('path, rect, line, circle, text').length,
            label: svg.getAttribute('aria-label'),
          })),
          scripts: document.querySelectorAll('script').length,
          tables: document.querySelectorAll('table').length,
          suppressed: document.body.innerText.includes('[c]'),
          planted: document.body.innerText.includes('Planted'),
          captions: Array.from(document.querySelectorAll('caption')).map((c) => c.textContent),
        })`)) as {
          title: string;
          charts: { marks: number; label: string | null }[];
          scripts: number;
          tables: number;
          suppressed: boolean;
          planted: boolean;
          captions: string[];
        };
        expect(facts.scripts).toBe(0);
        expect(facts.tables).toBeGreaterThan(0);
        expect(facts.charts.length).toBeGreaterThanOrEqual(kind === 'participation' ? 2 : 1);
        for (const chart of facts.charts) {
          expect(chart.marks).toBeGreaterThan(10);
          expect(chart.label).toBeTruthy();
        }
        if (kind === 'participation') {
          expect(facts.title).toBe('Kith participation: Riverside');
          // The planted ward is named in the table, its figures hidden.
          expect(facts.planted).toBe(true);
          expect(facts.suppressed).toBe(true);
          // Who takes part: age bands and each equality monitoring question.
          expect(facts.captions).toEqual(
            expect.arrayContaining([
              'Participants by the age band they chose to give',
              'Participants by race (ethnic group)',
              'Participants by sexual orientation',
            ]),
          );
        }
        // axe-core, run in the page.
        // The page's policy allows no script at all: the test lets its own tool in.
        await page.setBypassCSP(true);
        await page.setJavaScriptEnabled(true);
        await page.reload({ waitUntil: 'load' });
        await page.addScriptTag({ content: axe.source });
        const results = (await page.evaluate(`axe
          .run(document, { resultTypes: ['violations'] })
          .then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })))`)) as {
          id: string;
          impact: string | null;
          nodes: number;
        }[];
        expect(results.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
          [],
        );
        // Nothing cut off or wider than the page: on a commissioner's laptop, and on A4 paper
        // (190 mm between the margins, 718 px).
        for (const [width, media] of [
          [718, 'print'],
          [1280, 'screen'],
        ] as const) {
          await page.setViewport({ width, height: 900 });
          await page.emulateMediaType(media);
          const overflow = (await page.evaluate(`({
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            wider: Array.from(document.querySelectorAll('table, figure'))
              .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth)
              .map((e) => e.querySelector('caption, figcaption')?.textContent ?? e.tagName),
          })`)) as { page: number; wider: string[] };
          expect({ width, ...overflow }).toEqual({ width, page: 0, wider: [] });
        }
        await page.screenshot({ path: join(out, `${kind}-report.png`), fullPage: true });
        // Printable: Chromium's own print to PDF.
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-');
        await page.close();
      }
    } finally {
      await browser.close();
    }
  }, 120_000);
});
