import { Injectable } from '@nestjs/common';
import { Db, londonMidnight } from '@kith/platform';
import { HOME_AT, MONTH_NUMBER, MONTH_START } from './participation-rollup.repository';

export type Grouping = 'MONTH' | 'WARD' | 'INTEREST_GROUP';

/** What a figure is grouped by: a London month (YYYY-MM), a ward (null: outside every ward), an interest. */
export interface GroupKey {
  month?: string;
  ward?: string | null;
  interest?: string;
}

export interface Period {
  scope: Scope;
  from: Date;
  to: Date;
}

/** The areas a report covers: the area and every area inside it, LSOAs aside, with the ward each lies in. */
export interface Scope {
  areaIds: string[];
  wards: (string | null)[];
}

/**
 * One of the smallest cells a report is built from: a London month (numbered), the area members
 * were counted in, the interests it belongs to (none, one, or a session's set), how many and
 * the sum of their record keys. Every published count is a sum of such cells, each perturbed.
 */
export interface CellRow {
  month: number;
  areaId: string;
  interests: string[];
  count: number;
  key: number;
}

/** A month's help for members counted in an area: fulfilled requests, minutes, the most one helper gave. */
export interface HelpCellRow extends CellRow {
  minutes: number;
  topHelperMinutes: number;
}

/** The exact figures a cell's medians and its minutes' publication are judged by, by grouping. */
export interface GroupedFacts extends GroupKey {
  firstTimers?: number;
  medianDaysToFirst?: number | null;
  fulfilled?: number;
  helpers?: number;
  medianHoursToHelper?: number | null;
}

/** The areas a report covers, given as two arrays ($1 areas, $2 the ward each lies in, or null). */
const SCOPE = `WITH scope AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS s(area_id, ward))`;
const scopeOf = (p: Period) => [p.scope.areaIds, p.scope.wards];

/** The period's months as labels (YYYY-MM) and their first instants, London time, with the end. */
export function monthStarts(from: Date, to: Date): { labels: string[]; starts: Date[] } {
  const labels = monthNumbers(from, to).map(monthLabel);
  return {
    labels,
    starts: [...labels.map((l) => londonMidnight(`${l}-01`)), to],
  };
}

/** A numbered London month as its label, YYYY-MM. */
export function monthLabel(m: number): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

const NUMBERED_MONTH = (column: string) =>
  `to_char(make_date(${column} / 12, ${column} % 12 + 1, 1), 'YYYY-MM')`;

/** The London month numbers from `from` to before `to`. */
export function monthNumbers(from: Date, to: Date): number[] {
  const number = (at: Date) => {
    const [y, m] = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
    })
      .format(at)
      .split('-')
      .map(Number);
    return y * 12 + m - 1;
  };
  const months: number[] = [];
  for (let m = number(from); m < number(to); m += 1) months.push(m);
  return months;
}

/** Rows of (month, area, interests?, count, key) with numbers as numbers. */
const asCells = <T extends CellRow>(rows: Record<string, unknown>[]): T[] =>
  rows.map(
    (r) =>
      ({
        ...r,
        month: Number(r.month),
        count: Number(r.count),
        key: Number(r.key),
        interests: (r.interests as string[] | null) ?? [],
      }) as T,
  );

/**
 * The reads of the participation report: the rollups the reporting lib keeps, and help's
 * requests for what happens without attendance. Always for the areas in scope only. The cells
 * are the smallest a report is built from (month by area, with interests where asked); the
 * grouped facts are exact figures only ever used to decide what is shown (medians, minutes).
 */
@Injectable()
export class ParticipationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Attendances (by where members lived) and sessions held (at venues), by month, area and
   * the sessions' set of interests.
   */
  async attendances(p: Period): Promise<(CellRow & { sessionsHeld: number })[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT r.month, r.area_id AS "areaId",
              CASE WHEN r.interest_set = '' THEN '{}'::uuid[] ELSE string_to_array(r.interest_set, ',')::uuid[] END AS interests,
              r.attendances AS count, r.attendances_key AS key, r.sessions_held AS "sessionsHeld"
         FROM participation_month_set r
        WHERE r.month = ANY($1::int[]) AND r.area_id = ANY($2::uuid[])`,
      [monthNumbers(p.from, p.to), p.scope.areaIds],
    );
    return asCells<CellRow & { sessionsHeld: number }>(rows).map((r) => ({
      ...r,
      sessionsHeld: Number(r.sessionsHeld),
    }));
  }

  /** Distinct participants of each month (by interest: in each interest), where they lived then. */
  async participantsByMonth(p: Period, byInterest: boolean): Promise<CellRow[]> {
    const interest = byInterest ? ', ARRAY[r.interest_id] AS interests' : '';
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT r.month, r.area_id AS "areaId", r.participants AS count, r.participants_key AS key${interest}
         FROM ${byInterest ? 'participant_interest_month' : 'participant_month'} r
        WHERE r.month = ANY($1::int[]) AND r.area_id = ANY($2::uuid[])`,
      [monthNumbers(p.from, p.to), p.scope.areaIds],
    );
    return asCells(rows);
  }

  /**
   * The period's distinct participants in each area, as cells by the first month of the period
   * they came in while living there (from each member's reach): their sum over any areas is
   * the period's participants, each person once per area.
   */
  async participantsOverPeriod(p: Period): Promise<CellRow[]> {
    const months = monthNumbers(p.from, p.to);
    if (months.length === 0) return [];
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT r.next_month AS month, r.area_id AS "areaId", sum(r.people)::int AS count, sum(r.people_key)::bigint AS key
         FROM participant_reach r
        WHERE r.start_month = $1 AND r.next_month <= $2 AND r.area_id = ANY($3::uuid[])
        GROUP BY r.next_month, r.area_id`,
      [months[0], months[months.length - 1], p.scope.areaIds],
    );
    return asCells(rows);
  }

  /** The same in each interest: by the first month of the period they came to it from an area. */
  async interestParticipantsOverPeriod(p: Period): Promise<CellRow[]> {
    const months = monthNumbers(p.from, p.to);
    if (months.length === 0) return [];
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT x.next AS month, x.area AS "areaId", ARRAY[t.interest_id] AS interests,
              count(*)::int AS count, sum(t.record_key)::bigint AS key
         FROM participant_interest t
         CROSS JOIN LATERAL (
           SELECT u.area, min(u.m) AS next FROM unnest(t.months, t.month_areas) u(m, area)
            WHERE u.m BETWEEN $1 AND $2 AND u.area = ANY($3::uuid[]) GROUP BY u.area) x
        WHERE t.months && $4::int[]
        GROUP BY x.next, x.area, t.interest_id`,
      [months[0], months[months.length - 1], p.scope.areaIds, months],
    );
    return asCells(rows);
  }

  /**
   * The period's distinct participants by area and age band, from each member's reach: those
   * whose first month in the area at or after the period's first is before its end.
   */
  periodParticipants(
    p: Period,
  ): Promise<{ areaId: string; ageBand: string; participants: number }[]> {
    const months = monthNumbers(p.from, p.to);
    if (months.length === 0) return Promise.resolve([]);
    return this.db.query(
      `SELECT r.area_id AS "areaId", r.age_band AS "ageBand", sum(r.people)::int AS participants
         FROM participant_reach r
        WHERE r.start_month = $1 AND r.next_month <= $2 AND r.area_id = ANY($3::uuid[])
        GROUP BY r.area_id, r.age_band`,
      [months[0], months[months.length - 1], p.scope.areaIds],
    );
  }

  /**
   * The period's participants by each equality monitoring answer given, from the answers'
   * reach (as `periodParticipants`); those who gave none are the rest.
   */
  periodAnswers(
    p: Period,
    byArea = false,
  ): Promise<{ areaId?: string; question: string; answer: string; participants: number }[]> {
    const months = monthNumbers(p.from, p.to);
    if (months.length === 0) return Promise.resolve([]);
    const area = byArea ? 'r.area_id AS "areaId", ' : '';
    return this.db.query(
      `SELECT ${area}r.question, r.answer, sum(r.people)::int AS participants
         FROM participant_answer_reach r
        WHERE r.start_month = $1 AND r.next_month <= $2 AND r.area_id = ANY($3::uuid[])
        GROUP BY ${byArea ? 'r.area_id, ' : ''}r.question, r.answer`,
      [months[0], months[months.length - 1], p.scope.areaIds],
    );
  }

  /**
   * The period's participants by the deprivation decile of where they live, by a release of
   * the Indices (decile null: not in an LSOA of it), in each area they lived in while they came.
   */
  periodDeciles(
    p: Period,
    imdVersion: string,
    byArea = false,
  ): Promise<{ areaId?: string; decile: number | null; participants: number }[]> {
    return this.db.query(
      `SELECT ${byArea ? 'x.area AS "areaId", ' : ''}i.decile, count(*)::int AS participants
         FROM participant t
         CROSS JOIN LATERAL (SELECT DISTINCT u.area FROM unnest(t.months, t.month_areas) u(m, area)
                              WHERE u.m = ANY($2::int[]) AND u.area = ANY($1::uuid[])) x
         LEFT JOIN imd_decile i ON i.version = $3 AND i.lsoa_code = t.lsoa_code
        WHERE t.months && $2::int[]
        GROUP BY ${byArea ? 'x.area, ' : ''}i.decile`,
      [p.scope.areaIds, monthNumbers(p.from, p.to), imdVersion],
    );
  }

  /**
   * A closed quarter's tables of who took part, as first published for the area (the whole
   * area's, and the ward's if one is asked for), if they were.
   */
  async frozenQuarter(
    areaId: string,
    quarterFrom: Date,
    imdVersion: string,
    ward?: string,
  ): Promise<{ part: string; tables: Record<string, unknown> }[]> {
    return this.db.query(
      `SELECT part, tables FROM report_quarter
        WHERE area_id = $1 AND quarter_from = $2 AND imd_version = $3 AND part IN ('', $4)`,
      [areaId, quarterFrom, imdVersion, ward ?? ''],
    );
  }

  /**
   * Keeps a quarter's tables, a row for the whole area and one per ward, unless another
   * request kept them first (then those stand). Call inside a transaction.
   */
  async freezeQuarter(
    areaId: string,
    quarterFrom: Date,
    imdVersion: string,
    parts: { part: string; tables: Record<string, unknown> }[],
  ): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || $2 || $3, 37))`, [
      areaId,
      quarterFrom.toISOString(),
      imdVersion,
    ]);
    await this.db.query(
      `INSERT INTO report_quarter (area_id, quarter_from, imd_version, part, tables)
       SELECT $1, $2, $3, p, t FROM unnest($4::text[], $5::jsonb[]) AS x(p, t)
        WHERE NOT EXISTS (SELECT 1 FROM report_quarter
                           WHERE area_id = $1 AND quarter_from = $2 AND imd_version = $3)`,
      [
        areaId,
        quarterFrom,
        imdVersion,
        parts.map((p) => p.part),
        parts.map((p) => JSON.stringify(p.tables)),
      ],
    );
  }

  /** Forgets an area's kept quarters; how many quarters they were. */
  async forgetQuarters(areaId: string): Promise<number> {
    const rows = await this.db.query<{ n: number }>(
      `WITH gone AS (DELETE FROM report_quarter WHERE area_id = $1 RETURNING quarter_from)
       SELECT count(DISTINCT quarter_from)::int AS n FROM gone`,
      [areaId],
    );
    return rows[0].n;
  }

  /** The top of an area's tree: the ancestor with no parent. */
  async rootOf(areaId: string): Promise<string> {
    const [root] = await this.db.query<{ id: string }>(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id FROM area WHERE id = $1
         UNION ALL
         SELECT a.id, a.parent_id FROM area a JOIN up ON a.id = up.parent_id)
       SELECT id FROM up WHERE parent_id IS NULL LIMIT 1`,
      [areaId],
    );
    return root?.id ?? areaId;
  }

  /**
   * First-timers (first attendance in the period, counted where they lived in its month) and
   * those who came again within 30 days (by interest: a first time in that interest, and a
   * return to it).
   */
  async firsts(
    p: Period,
    byInterest: boolean,
  ): Promise<{ firstTimers: CellRow[]; returned: CellRow[] }> {
    const rows = await this.db.query<Record<string, unknown>>(
      byInterest
        ? `SELECT f.month, f.area_id AS "areaId", ARRAY[f.interest_id] AS interests,
                  f.first_timers, f.returned, f.first_timers_key, f.returned_key
             FROM participant_interest_first f
            WHERE f.month = ANY($1::int[]) AND f.area_id = ANY($2::uuid[])`
        : `SELECT f.month, f.area_id AS "areaId", sum(f.first_timers)::int AS first_timers,
                  sum(f.returned)::int AS returned, sum(f.first_timers_key)::bigint AS first_timers_key,
                  sum(f.returned_key)::bigint AS returned_key
             FROM participant_first f
            WHERE f.month = ANY($1::int[]) AND f.area_id = ANY($2::uuid[])
            GROUP BY f.month, f.area_id`,
      [monthNumbers(p.from, p.to), p.scope.areaIds],
    );
    const of = (count: string, key: string) =>
      asCells(rows.map((r) => ({ ...r, count: r[count], key: r[key] })));
    return {
      firstTimers: of('first_timers', 'first_timers_key'),
      returned: of('returned', 'returned_key'),
    };
  }

  /**
   * The median whole days from joining to a first time of the period's first-timers, by the
   * grouping (exact to the day, from the histogram: the middle one or two by its running total),
   * with how many first-timers it is of.
   */
  async medianDaysToFirst(groups: ReadonlySet<Grouping>, p: Period): Promise<GroupedFacts[]> {
    const keys: string[] = [];
    if (groups.has('MONTH')) keys.push(`${NUMBERED_MONTH('f.month')} AS month`);
    if (groups.has('WARD')) keys.push('s.ward AS ward');
    const by = keys.map((k) => k.split(' AS ')[1]);
    const partition = by.length > 0 ? `PARTITION BY ${by.join(', ')}` : '';
    return this.db.query(
      `${SCOPE},
       h AS (SELECT ${[...keys, 'f.days'].join(', ')}, sum(f.first_timers) AS n
               FROM participant_first f JOIN scope s ON s.area_id = f.area_id
              WHERE f.month = ANY($3::int[])
              GROUP BY ${[...by, 'f.days'].join(', ')}),
       c AS (SELECT *, sum(n) OVER (${partition} ORDER BY days)::bigint AS upto,
                       sum(n) OVER (${partition})::bigint AS total FROM h)
       SELECT ${[...by, ''].join(', ')}
              coalesce(sum(n), 0)::int AS "firstTimers",
              CASE WHEN max(total) > 0 THEN
                (min(days) FILTER (WHERE upto >= (total + 1) / 2) + min(days) FILTER (WHERE upto >= total / 2 + 1)) / 2.0
              END::float AS "medianDaysToFirst"
         FROM c WHERE n > 0${by.length > 0 ? ` GROUP BY ${by.join(', ')}` : ''}`,
      [...scopeOf(p), monthNumbers(p.from, p.to)],
    );
  }

  /**
   * Members who joined in the period, by the month they joined and where they lived at its
   * start, and of them those who came in their third and sixth months (by interest: those who
   * chose it).
   */
  async joiners(
    p: Period,
    byInterest: boolean,
  ): Promise<{ newMembers: CellRow[]; active3: CellRow[]; active6: CellRow[] }> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT r.month, r.area_id AS "areaId"${byInterest ? ', ARRAY[r.interest_id] AS interests' : ''},
              r.new_members, r.active3, r.active6, r.new_members_key, r.active3_key, r.active6_key
         FROM ${byInterest ? 'member_join_month_interest' : 'member_join_month'} r
        WHERE r.month = ANY($1::int[]) AND r.area_id = ANY($2::uuid[])`,
      [monthNumbers(p.from, p.to), p.scope.areaIds],
    );
    const of = (count: string, key: string) =>
      asCells(rows.map((r) => ({ ...r, count: r[count], key: r[key] })));
    return {
      newMembers: of('new_members', 'new_members_key'),
      active3: of('active3', 'active3_key'),
      active6: of('active6', 'active6_key'),
    };
  }

  /**
   * Help completed in the period for members in scope, by the month it was completed and where
   * the member lived at its start: requests fulfilled (with the members' keys), minutes given,
   * and the most minutes one helper gave in the cell (what their perturbation is scaled to).
   */
  async help(p: Period): Promise<HelpCellRow[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `WITH done AS (
         SELECT ${MONTH_NUMBER('a.completed_at')} AS month, a.helper_id, coalesce(a.minutes, 0) AS minutes,
                pe.record_key, r.member_id
           FROM help_assignment a JOIN help_request r ON r.id = a.request_id JOIN person pe ON pe.id = r.member_id
          WHERE a.status = 'COMPLETED' AND a.completed_at >= $1 AND a.completed_at < $2),
       placed AS (
         SELECT d.*, ${HOME_AT('d.member_id', MONTH_START('d.month'))} AS area_id FROM done d),
       by_helper AS (
         SELECT month, area_id, helper_id, count(*)::int AS n, sum(record_key)::bigint AS k, sum(minutes)::int AS minutes
           FROM placed WHERE area_id = ANY($3::uuid[]) GROUP BY month, area_id, helper_id)
       SELECT month, area_id AS "areaId", sum(n)::int AS count, sum(k)::bigint AS key,
              sum(minutes)::int AS minutes, max(minutes)::int AS "topHelperMinutes"
         FROM by_helper GROUP BY month, area_id`,
      [p.from, p.to, p.scope.areaIds],
    );
    return asCells<HelpCellRow>(rows).map((r) => ({
      ...r,
      minutes: Number(r.minutes),
      topHelperMinutes: Number(r.topHelperMinutes),
    }));
  }

  /**
   * By the grouping (month, ward; help has no interest): requests fulfilled, how many helpers
   * gave them, and the median hours from asking to a helper being assigned. Exact: only ever
   * used to decide whether minutes and the median are shown.
   */
  async helpFacts(groups: ReadonlySet<Grouping>, p: Period): Promise<GroupedFacts[]> {
    const keys: string[] = [];
    if (groups.has('MONTH')) keys.push(`${NUMBERED_MONTH('x.month')} AS month`);
    if (groups.has('WARD')) keys.push('s.ward AS ward');
    const by = keys.map((k) => k.split(' AS ')[1]);
    return this.db.query(
      `${SCOPE},
       x AS (
         SELECT ${MONTH_NUMBER('a.completed_at')} AS month, a.helper_id, a.created_at - r.created_at AS waited,
                ${HOME_AT('r.member_id', MONTH_START(MONTH_NUMBER('a.completed_at')))} AS area_id
           FROM help_assignment a JOIN help_request r ON r.id = a.request_id
          WHERE a.status = 'COMPLETED' AND a.completed_at >= $3 AND a.completed_at < $4)
       SELECT ${[...keys, ''].join(', ')} count(*)::int AS fulfilled, count(DISTINCT x.helper_id)::int AS helpers,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM x.waited) / 3600) AS "medianHoursToHelper"
         FROM x JOIN scope s ON s.area_id = x.area_id${by.length > 0 ? ` GROUP BY ${by.join(', ')}` : ''}`,
      [...scopeOf(p), p.from, p.to],
    );
  }

  /** The most recently imported release of the Indices of Deprivation, if any. */
  async latestImd(): Promise<string | null> {
    const [latest] = await this.db.query<{ version: string }>(
      `SELECT version FROM imd_decile GROUP BY version ORDER BY max(imported_at) DESC, version DESC LIMIT 1`,
    );
    return latest?.version ?? null;
  }

  /** The area and every area inside it (LSOAs aside), each with the ward it lies in, if any. */
  async scope(areaId: string): Promise<Scope> {
    const rows = await this.db.query<{ id: string; ward: string | null }>(
      `WITH RECURSIVE inside AS (
         SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area WHERE id = $1
         UNION ALL
         SELECT a.id, coalesce(inside.ward, CASE WHEN a.kind = 'ward' THEN a.id END)
           FROM area a JOIN inside ON a.parent_id = inside.id WHERE a.kind <> 'lsoa')
       SELECT id, ward FROM inside`,
      [areaId],
    );
    return { areaIds: rows.map((r) => r.id), wards: rows.map((r) => r.ward) };
  }

  /** The wards of the scope, by name. */
  wards(scope: Scope): Promise<{ id: string }[]> {
    return this.db.query(
      `SELECT id FROM area WHERE id = ANY($1::uuid[]) AND kind = 'ward' ORDER BY name, id`,
      [scope.areaIds],
    );
  }
}
