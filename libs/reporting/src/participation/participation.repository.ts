import { Injectable } from '@nestjs/common';
import { Db, londonMidnight } from '@kith/platform';

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

export type Figures<F extends string> = GroupKey & Record<F, number | null>;

/** The areas a report covers, given as two arrays ($1 areas, $2 the ward each lies in, or null). */
const SCOPE = `WITH scope AS (SELECT * FROM unnest($1::uuid[], $2::uuid[]) AS s(area_id, ward))`;

/** The areas a report covers: the area and every area inside it, LSOAs aside, with the ward each lies in. */
export interface Scope {
  areaIds: string[];
  wards: (string | null)[];
}

const scopeOf = (p: Period) => [p.scope.areaIds, p.scope.wards];
/** The month labels and starts, as the last two parameters, when grouped by month. */
const monthsFor = (groups: ReadonlySet<Grouping>, p: Period): unknown[] => {
  if (!groups.has('MONTH')) return [];
  const { labels, starts } = monthStarts(p.from, p.to);
  return [labels, starts];
};
/**
 * The London month of an instant, as the month's label: found among the period's month starts
 * by width_bucket ($m labels, $b starts), so no row's time is converted to London's clock.
 */
const LONDON_MONTH = (column: string, labels: string, starts: string) =>
  `(${labels}::text[])[width_bucket(${column}, ${starts}::timestamptz[])]`;

/** The period's months as labels (YYYY-MM) and their first instants, London time, with the end. */
export function monthStarts(from: Date, to: Date): { labels: string[]; starts: Date[] } {
  const labels = monthNumbers(from, to).map(
    (m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
  );
  return {
    labels,
    starts: [...labels.map((l) => londonMidnight(`${l}-01`)), to],
  };
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

/**
 * The reads of the participation report: the rollups the reporting lib keeps, and community's
 * profiles and help's requests for what happens without attendance (joining, help). Always for
 * the areas in scope only, grouped in SQL by what the report asks; an empty grouping gives the
 * period's totals, counted once (a member who came in two months is one participant).
 */
@Injectable()
export class ParticipationRepository {
  constructor(private readonly db: Db) {}

  private keys(groups: ReadonlySet<Grouping>, month: string, interest: string): string[] {
    const keys: string[] = [];
    if (groups.has('MONTH')) keys.push(`${month} AS month`);
    if (groups.has('WARD')) keys.push('s.ward AS ward');
    if (groups.has('INTEREST_GROUP')) keys.push(`${interest} AS interest`);
    return keys;
  }

  private run<F extends string>(
    keys: string[],
    select: string,
    rest: string,
    parameters: unknown[],
  ): Promise<Figures<F>[]> {
    const by = keys.map((k) => k.split(' AS ')[1]);
    return this.db.query<Figures<F>>(
      `${SCOPE} SELECT ${[...keys, select].join(', ')} ${rest}${by.length > 0 ? ` GROUP BY ${by.join(', ')}` : ''}`,
      parameters,
    );
  }

  /**
   * Figures summed from a monthly rollup (or its by-interest twin) over the period's months,
   * for the areas in scope; `extra` parameters follow the months as $4 on.
   */
  private monthly<F extends string>(
    groups: ReadonlySet<Grouping>,
    p: Period,
    tables: [whole: string, byInterest: string],
    select: string,
    extra: unknown[] = [],
  ): Promise<Figures<F>[]> {
    const table = groups.has('INTEREST_GROUP') ? tables[1] : tables[0];
    return this.run(
      this.keys(groups, NUMBERED_MONTH('r.month'), 'r.interest_id'),
      select,
      `FROM ${table} r JOIN scope s ON s.area_id = r.area_id WHERE r.month = ANY($3::int[])`,
      [...scopeOf(p), monthNumbers(p.from, p.to), ...extra],
    );
  }

  /** Sessions held (at venues in scope) and attendances (by members living in scope), from the monthly rollups. */
  activity(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'sessionsHeld' | 'attendances'>[]> {
    return this.monthly(
      groups,
      p,
      ['participation_month', 'participation_month_interest'],
      `coalesce(sum(r.sessions_held), 0)::int AS "sessionsHeld", coalesce(sum(r.attendances), 0)::int AS attendances`,
    );
  }

  /** Distinct participants month by month, from the monthly counts (by interest: in each interest). */
  participantsByMonth(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'participants'>[]> {
    return this.monthly(
      groups,
      p,
      ['participant_month', 'participant_interest_month'],
      `coalesce(sum(r.participants), 0)::int AS participants`,
    );
  }

  /** Distinct participants in each interest over the whole period (one who came in two months is one). */
  participantsByInterest(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'participants'>[]> {
    return this.run(
      this.keys(groups, '', 't.interest_id'),
      `count(*)::int AS participants`,
      `FROM participant_interest t JOIN scope s ON s.area_id = t.area_id WHERE t.months && $3::int[]`,
      [...scopeOf(p), monthNumbers(p.from, p.to)],
    );
  }

  /**
   * The period's distinct participants by area and age band, from each member's reach: those
   * whose first month at or after the period's first is before its end.
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
   * the Indices (decile null: not in an LSOA of it): one pass over those who have come.
   */
  periodDeciles(
    p: Period,
    imdVersion: string,
    byArea = false,
  ): Promise<{ areaId?: string; decile: number | null; participants: number }[]> {
    return this.db.query(
      `SELECT ${byArea ? 't.area_id AS "areaId", ' : ''}i.decile, count(*)::int AS participants
         FROM participant t
         LEFT JOIN imd_decile i ON i.version = $3 AND i.lsoa_code = t.lsoa_code
        WHERE t.area_id = ANY($1::uuid[]) AND t.months && $2::int[]
        GROUP BY ${byArea ? 't.area_id, ' : ''}i.decile`,
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
   * First-timers (first attendance in the period; by its month), those who came again within
   * 30 days, and the median whole days from joining to that first time, from the first-timers'
   * histogram (by interest: a first time in that interest, and a return to it; no median).
   */
  async firsts(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'firstTimers' | 'returned' | 'medianDaysToFirst'>[]> {
    const months = monthNumbers(p.from, p.to);
    if (groups.has('INTEREST_GROUP'))
      return this.run(
        this.keys(groups, NUMBERED_MONTH('f.month'), 'f.interest_id'),
        `coalesce(sum(f.first_timers), 0)::int AS "firstTimers", coalesce(sum(f.returned), 0)::int AS returned,
         NULL::float AS "medianDaysToFirst"`,
        `FROM participant_interest_first f JOIN scope s ON s.area_id = f.area_id WHERE f.month = ANY($3::int[])`,
        [...scopeOf(p), months],
      );
    const keys = this.keys(groups, NUMBERED_MONTH('f.month'), '');
    const by = keys.map((k) => k.split(' AS ')[1]);
    const partition = by.length > 0 ? `PARTITION BY ${by.join(', ')}` : '';
    // The middle one (or two) of the histogram by its running total: exact to the day.
    return this.db.query(
      `${SCOPE},
       h AS (SELECT ${[...keys, 'f.days'].join(', ')}, sum(f.first_timers) AS n, sum(f.returned) AS r
               FROM participant_first f JOIN scope s ON s.area_id = f.area_id
              WHERE f.month = ANY($3::int[])
              GROUP BY ${[...by, 'f.days'].join(', ')}),
       c AS (SELECT *, sum(n) OVER (${partition} ORDER BY days)::bigint AS upto,
                       sum(n) OVER (${partition})::bigint AS total FROM h)
       SELECT ${[...by, ''].join(', ')}
              coalesce(sum(n), 0)::int AS "firstTimers", coalesce(sum(r), 0)::int AS returned,
              CASE WHEN max(total) > 0 THEN
                (min(days) FILTER (WHERE upto >= (total + 1) / 2) + min(days) FILTER (WHERE upto >= total / 2 + 1)) / 2.0
              END AS "medianDaysToFirst"
         FROM c WHERE n > 0${by.length > 0 ? ` GROUP BY ${by.join(', ')}` : ''}`,
      [...scopeOf(p), months],
    );
  }

  /**
   * Members who joined in the period (by their London month of joining), and of them those
   * whose third and sixth months were over by its end (joined three or six whole months before
   * the end month), and who came in them; from the joiners' monthly rollup.
   */
  joiners(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'newMembers' | 'reached3' | 'active3' | 'reached6' | 'active6'>[]> {
    const months = monthNumbers(p.from, p.to);
    if (months.length === 0) return Promise.resolve([]);
    const over = (n: number) => `FILTER (WHERE r.month + ${n} < $4)`;
    return this.monthly(
      groups,
      p,
      ['member_join_month', 'member_join_month_interest'],
      `coalesce(sum(r.new_members), 0)::int AS "newMembers",
       coalesce(sum(r.new_members) ${over(3)}, 0)::int AS reached3,
       coalesce(sum(r.active3) ${over(3)}, 0)::int AS active3,
       coalesce(sum(r.new_members) ${over(6)}, 0)::int AS reached6,
       coalesce(sum(r.active6) ${over(6)}, 0)::int AS active6`,
      [months[months.length - 1] + 1],
    );
  }

  /**
   * Help completed in the period for members in scope (by the area of the request and the
   * month it was completed): requests fulfilled, helpers, minutes given, and the median hours
   * from asking to a helper being assigned. Help has no interest: by interest it is not read.
   */
  help(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'fulfilled' | 'helpers' | 'minutes' | 'medianHoursToHelper'>[]> {
    return this.run(
      this.keys(groups, LONDON_MONTH('a.completed_at', '$5', '$6'), ''),
      `count(*)::int AS fulfilled, count(DISTINCT a.helper_id)::int AS helpers,
       coalesce(sum(a.minutes), 0)::int AS minutes,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.created_at - r.created_at) / 3600) AS "medianHoursToHelper"`,
      `FROM help_request r JOIN scope s ON s.area_id = r.area_id
       JOIN help_assignment a ON a.request_id = r.id AND a.status = 'COMPLETED'
       WHERE a.completed_at >= $3 AND a.completed_at < $4`,
      [...scopeOf(p), p.from, p.to, ...monthsFor(groups, p)],
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
