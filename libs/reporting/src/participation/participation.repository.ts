import { Injectable } from '@nestjs/common';
import { Db, londonMonthNumber } from '@kith/platform';
import { FAMILY, familyKeySql, noiseSql } from '../perturbation';
import { HOME_AT, MONTH_NUMBER, MONTH_START } from '../report-sql';

export type Grouping = 'MONTH' | 'WARD' | 'INTEREST_GROUP';

/** What a figure is grouped by: a London month (YYYY-MM), a ward (null: outside every ward), an interest. */
export interface GroupKey {
  month?: string;
  ward?: string | null;
  interest?: string;
}

export type Figures<F extends string> = GroupKey & Record<F, number | null>;

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
  /** The area's code: what its cells are named by (their draws the same wherever it is read). */
  areaCode: string;
  minutes: number;
  topHelperMinutes: number;
}

/** A median by the grouping, from a perturbed histogram. */
export interface GroupedFacts extends GroupKey {
  median: number | null;
}

/** The areas a report covers, given as two arrays ($1 areas, $2 the ward each lies in, or null). */
const SCOPE = `WITH scope AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS s(area_id, ward))`;
const scopeOf = (p: Period) => [p.scope.areaIds, p.scope.wards];

/** A numbered London month as its label, YYYY-MM. */
export function monthLabel(m: number): string {
  return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
}

const NUMBERED_MONTH = (column: string) =>
  `to_char(make_date(${column} / 12, ${column} % 12 + 1, 1), 'YYYY-MM')`;

/** The London month numbers from `from` to before `to`. */
export function monthNumbers(from: Date, to: Date): number[] {
  const months: number[] = [];
  for (let m = londonMonthNumber(from); m < londonMonthNumber(to); m += 1) months.push(m);
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

/** A count perturbed as published: the cell's count plus its change (see perturbation.ts). */
const PERTURBED = (count: string, key: string) => `(${count} + ${noiseSql(count, key)})`;

/** What a row of a report is keyed by, as SQL over a cell `c` (month number, ward, interest). */
function keysOf(groups: ReadonlySet<Grouping>): { select: string[]; by: string[] } {
  const select: string[] = [];
  if (groups.has('MONTH')) select.push(`${NUMBERED_MONTH('c.month')} AS month`);
  if (groups.has('WARD')) select.push('c.ward AS ward');
  if (groups.has('INTEREST_GROUP')) select.push('c.interest AS interest');
  return { select, by: select.map((k) => k.split(' AS ')[1]) };
}

/**
 * The reads of the participation report: the rollups the reporting lib keeps, and help's
 * requests for what happens without attendance. Always for the areas in scope only. Counts
 * come as sums of the smallest cells (month by area, with interests where asked), each cell
 * perturbed in SQL before any is added to another; medians come from histograms whose bins are
 * perturbed the same way.
 */
@Injectable()
export class ParticipationRepository {
  constructor(private readonly db: Db) {}

  /**
   * Cells (`c`: month, ward, interest when grouped by it, figures) added up by the grouping:
   * `cells` selects them for the scope ($1, $2) and the period's months ($3), `sums` what each
   * row adds up.
   */
  private grouped<F extends string>(
    groups: ReadonlySet<Grouping>,
    p: Period,
    cells: string,
    sums: string,
    extra: unknown[] = [],
  ): Promise<Figures<F>[]> {
    const { select, by } = keysOf(groups);
    return this.db.query<Figures<F>>(
      `${SCOPE}, c AS (${cells})
       SELECT ${[...select, sums].join(', ')} FROM c${by.length > 0 ? ` GROUP BY ${by.join(', ')}` : ''}`,
      [...scopeOf(p), monthNumbers(p.from, p.to), ...extra],
    );
  }

  /**
   * Sessions held (at venues; exact, sessions are not people) and attendances (by where members
   * lived, perturbed by month, area and the sessions' set of interests; by interest, a set's
   * attendances count for each of its interests).
   */
  activity(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'sessionsHeld' | 'attendances'>[]> {
    const interest = groups.has('INTEREST_GROUP')
      ? `, i.interest FROM participation_month_set r
           CROSS JOIN unnest(string_to_array(nullif(r.interest_set, ''), ',')::uuid[]) AS i(interest)`
      : ' FROM participation_month_set r';
    return this.grouped(
      groups,
      p,
      `SELECT r.month, s.ward, r.sessions_held AS held,
              ${PERTURBED('r.attendances', 'r.attendances_key')} AS attendances${interest}
         JOIN scope s ON s.area_id = r.area_id WHERE r.month = ANY($3::int[])`,
      `coalesce(sum(c.held), 0)::int AS "sessionsHeld", coalesce(sum(c.attendances), 0)::int AS attendances`,
    );
  }

  /**
   * Distinct participants. By month: each month's, where they lived then (by interest: in each
   * interest). Otherwise the period's: each person in each area they lived in while they came,
   * in the cell of the first month of the period they came from there (from each member's
   * reach, in each interest by interest).
   */
  participants(groups: ReadonlySet<Grouping>, p: Period): Promise<Figures<'participants'>[]> {
    const byInterest = groups.has('INTEREST_GROUP');
    const months = monthNumbers(p.from, p.to);
    if (months.length === 0) return Promise.resolve([]);
    const sum = `coalesce(sum(c.participants), 0)::int AS participants`;
    if (groups.has('MONTH'))
      return this.grouped(
        groups,
        p,
        `SELECT r.month, s.ward${byInterest ? ', r.interest_id AS interest' : ''},
                ${PERTURBED('r.participants', 'r.participants_key')} AS participants
           FROM ${byInterest ? 'participant_interest_month' : 'participant_month'} r
           JOIN scope s ON s.area_id = r.area_id WHERE r.month = ANY($3::int[])`,
        sum,
      );
    if (byInterest)
      return this.grouped(
        groups,
        p,
        `SELECT r.next_month AS month, s.ward, r.interest_id AS interest,
                ${PERTURBED('r.people', 'r.people_key')} AS participants
           FROM participant_interest_reach r JOIN scope s ON s.area_id = r.area_id
          WHERE r.start_month = $4 AND r.next_month = ANY($3::int[])`,
        sum,
        [months[0]],
      );
    return this.grouped(
      groups,
      p,
      `SELECT x.month, s.ward, ${PERTURBED('x.n', 'x.k')} AS participants
         FROM (SELECT r.next_month AS month, r.area_id, sum(r.people)::int AS n, sum(r.people_key)::bigint AS k
                 FROM participant_reach r
                WHERE r.start_month = $4 AND r.next_month = ANY($3::int[]) AND r.area_id = ANY($1::uuid[])
                GROUP BY r.next_month, r.area_id) x
         JOIN scope s ON s.area_id = x.area_id`,
      sum,
      [months[0]],
    );
  }

  /**
   * First-timers (first attendance in the period, counted where they lived in its month) and
   * those who came again within 30 days (by interest: a first time in that interest, and a
   * return to it), each perturbed by month and area (and interest).
   */
  firsts(groups: ReadonlySet<Grouping>, p: Period): Promise<Figures<'firstTimers' | 'returned'>[]> {
    const byInterest = groups.has('INTEREST_GROUP');
    return this.grouped(
      groups,
      p,
      `SELECT x.month, s.ward, x.interest,
              ${PERTURBED('x.first_timers', 'x.first_timers_key')} AS first_timers,
              ${PERTURBED('x.returned', 'x.returned_key')} AS returned
         FROM (${
           byInterest
             ? `SELECT f.month, f.area_id, f.interest_id AS interest, f.first_timers, f.returned,
                       f.first_timers_key, f.returned_key
                  FROM participant_interest_first f WHERE f.month = ANY($3::int[])`
             : `SELECT f.month, f.area_id, NULL::uuid AS interest, sum(f.first_timers)::int AS first_timers,
                       sum(f.returned)::int AS returned, sum(f.first_timers_key)::bigint AS first_timers_key,
                       sum(f.returned_key)::bigint AS returned_key
                  FROM participant_first f WHERE f.month = ANY($3::int[]) GROUP BY f.month, f.area_id`
         }) x
         JOIN scope s ON s.area_id = x.area_id`,
      `coalesce(sum(c.first_timers), 0)::int AS "firstTimers", coalesce(sum(c.returned), 0)::int AS returned`,
    );
  }

  /**
   * Members who joined in the period, by the month they joined and where they lived at its
   * start (by interest: those who chose it), and of them those whose third and sixth months
   * were over by its end (joined three or six whole months before its last month) and who came
   * in them: the same perturbed cells as new members, for the reached.
   */
  joiners(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'newMembers' | 'reached3' | 'active3' | 'reached6' | 'active6'>[]> {
    const months = monthNumbers(p.from, p.to);
    if (months.length === 0) return Promise.resolve([]);
    const byInterest = groups.has('INTEREST_GROUP');
    const over = (n: number) => `FILTER (WHERE c.month + ${n} <= $4)`;
    return this.grouped(
      groups,
      p,
      `SELECT r.month, s.ward, ${byInterest ? 'r.interest_id' : 'NULL::uuid'} AS interest,
              ${PERTURBED('r.new_members', 'r.new_members_key')} AS new_members,
              ${PERTURBED('r.active3', 'r.active3_key')} AS active3,
              ${PERTURBED('r.active6', 'r.active6_key')} AS active6
         FROM ${byInterest ? 'member_join_month_interest' : 'member_join_month'} r
         JOIN scope s ON s.area_id = r.area_id WHERE r.month = ANY($3::int[])`,
      `coalesce(sum(c.new_members), 0)::int AS "newMembers",
       coalesce(sum(c.new_members) ${over(3)}, 0)::int AS reached3,
       coalesce(sum(c.active3) ${over(3)}, 0)::int AS active3,
       coalesce(sum(c.new_members) ${over(6)}, 0)::int AS reached6,
       coalesce(sum(c.active6) ${over(6)}, 0)::int AS active6`,
      [months[months.length - 1]],
    );
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
   * A median by the grouping, from a histogram whose bins are perturbed as counts are (`bins`:
   * cells `c` of month, ward, value and perturbed count, over the scope $1, $2 and months $3):
   * the middle one (or two) by the running total, so a median tells no one's value.
   */
  private medianOf(
    groups: ReadonlySet<Grouping>,
    p: Period,
    bins: string,
    extra: unknown[] = [],
  ): Promise<GroupedFacts[]> {
    const { select, by } = keysOf(new Set([...groups].filter((g) => g !== 'INTEREST_GROUP')));
    const partition = by.length > 0 ? `PARTITION BY ${by.join(', ')}` : '';
    return this.db.query(
      `${SCOPE}, c AS (${bins}),
       h AS (SELECT ${[...select, 'c.value'].join(', ')}, sum(c.p) AS n FROM c
              GROUP BY ${[...by, 'c.value'].join(', ')}),
       r AS (SELECT *, sum(n) OVER (${partition} ORDER BY value)::bigint AS upto,
                       sum(n) OVER (${partition})::bigint AS total FROM h)
       SELECT ${[...by, ''].join(', ')}
              CASE WHEN max(total) > 0 THEN
                (min(value) FILTER (WHERE upto >= (total + 1) / 2) + min(value) FILTER (WHERE upto >= total / 2 + 1)) / 2.0
              END::float AS median
         FROM r WHERE n > 0${by.length > 0 ? ` GROUP BY ${by.join(', ')}` : ''}`,
      [...scopeOf(p), monthNumbers(p.from, p.to), ...extra],
    );
  }

  /**
   * The median whole days from joining to a first time of the period's first-timers, by the
   * grouping, from the histogram by days (each month, area and day a cell of its own family).
   */
  medianDaysToFirst(groups: ReadonlySet<Grouping>, p: Period): Promise<GroupedFacts[]> {
    return this.medianOf(
      groups,
      p,
      `SELECT f.month, s.ward, f.days AS value, ${PERTURBED('f.first_timers', 'f.days_key')} AS p
         FROM participant_first f JOIN scope s ON s.area_id = f.area_id WHERE f.month = ANY($3::int[])`,
    );
  }

  /**
   * The median whole hours from asking to a helper being assigned, of the help completed in the
   * period, by the grouping, from the histogram by hours (each month, area and hour a cell).
   */
  medianHoursToHelper(groups: ReadonlySet<Grouping>, p: Period): Promise<GroupedFacts[]> {
    return this.medianOf(
      groups,
      p,
      `SELECT x.month, s.ward, x.hours AS value, ${PERTURBED('x.n', 'x.k')} AS p
         FROM (SELECT ${MONTH_NUMBER('a.completed_at')} AS month,
                      ${HOME_AT('r.member_id', MONTH_START(MONTH_NUMBER('a.completed_at')))} AS area_id,
                      floor(extract(epoch FROM a.created_at - r.created_at) / 3600)::int AS hours,
                      count(*)::int AS n, sum(${familyKeySql('pe.record_key', FAMILY.hoursToHelper)})::bigint AS k
                 FROM help_assignment a JOIN help_request r ON r.id = a.request_id JOIN person pe ON pe.id = r.member_id
                WHERE a.status = 'COMPLETED' AND a.completed_at >= $4 AND a.completed_at < $5
                  AND ${MONTH_NUMBER('a.completed_at')} = ANY($3::int[])
                GROUP BY 1, 2, 3) x
         JOIN scope s ON s.area_id = x.area_id`,
      [p.from, p.to],
    );
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
                ${familyKeySql('pe.record_key', FAMILY.helpFulfilled)} AS record_key, r.member_id
           FROM help_assignment a JOIN help_request r ON r.id = a.request_id JOIN person pe ON pe.id = r.member_id
          WHERE a.status = 'COMPLETED' AND a.completed_at >= $1 AND a.completed_at < $2),
       placed AS (
         SELECT d.*, ${HOME_AT('d.member_id', MONTH_START('d.month'))} AS area_id FROM done d),
       by_helper AS (
         SELECT month, area_id, helper_id, count(*)::int AS n, sum(record_key)::bigint AS k, sum(minutes)::int AS minutes
           FROM placed WHERE area_id = ANY($3::uuid[]) GROUP BY month, area_id, helper_id)
       SELECT h.month, h.area_id AS "areaId", ar.code AS "areaCode", sum(h.n)::int AS count,
              sum(h.k)::bigint AS key, sum(h.minutes)::int AS minutes, max(h.minutes)::int AS "topHelperMinutes"
         FROM by_helper h JOIN area ar ON ar.id = h.area_id GROUP BY h.month, h.area_id, ar.code`,
      [p.from, p.to, p.scope.areaIds],
    );
    return asCells<HelpCellRow>(rows).map((r) => ({
      ...r,
      minutes: Number(r.minutes),
      topHelperMinutes: Number(r.topHelperMinutes),
    }));
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
