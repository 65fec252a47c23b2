import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

export type Grouping = 'MONTH' | 'WARD' | 'INTEREST_GROUP';

/** What a figure is grouped by: a London month (YYYY-MM), a ward (null: outside every ward), an interest. */
export interface GroupKey {
  month?: string;
  ward?: string | null;
  interest?: string;
}

export interface Period {
  areaId: string;
  from: Date;
  to: Date;
  /** The clock's now: a 3-month mark after it has not been reached. */
  now: Date;
}

export type Figures<F extends string> = GroupKey & Record<F, number | null>;

/**
 * The areas a report covers (the area and every area inside it, LSOAs aside) with the ward
 * each lies in, if any: members are counted where they live, sessions where they are held.
 */
const SCOPE = `WITH RECURSIVE inside AS (
    SELECT id, kind, CASE WHEN kind = 'ward' THEN id END AS ward FROM area WHERE id = $1
    UNION ALL
    SELECT a.id, a.kind, coalesce(inside.ward, CASE WHEN a.kind = 'ward' THEN a.id END)
      FROM area a JOIN inside ON a.parent_id = inside.id WHERE a.kind <> 'lsoa'),
  scope AS (SELECT id AS area_id, ward FROM inside)`;

const LONDON_DATE = (p: string) => `(${p}::timestamptz AT TIME ZONE 'Europe/London')::date`;
const LONDON_MONTH = (column: string) =>
  `to_char(${column} AT TIME ZONE 'Europe/London', 'YYYY-MM')`;
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

  /** Sessions held (at venues in scope) and attendances (by members living in scope), from the daily rollups. */
  activity(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'sessionsHeld' | 'attendances'>[]> {
    const table = groups.has('INTEREST_GROUP') ? 'participation_day_interest' : 'participation_day';
    return this.run(
      this.keys(groups, `to_char(d.day, 'YYYY-MM')`, 'd.interest_id'),
      `coalesce(sum(d.sessions_held), 0)::int AS "sessionsHeld", coalesce(sum(d.attendances), 0)::int AS attendances`,
      `FROM ${table} d JOIN scope s ON s.area_id = d.area_id
       WHERE d.day >= ${LONDON_DATE('$2')} AND d.day < ${LONDON_DATE('$3')}`,
      [p.areaId, p.from, p.to],
    );
  }

  /**
   * Distinct participants: by month from the monthly counts, over the period from each
   * member's months (a member who came in two months is one).
   */
  participants(groups: ReadonlySet<Grouping>, p: Period): Promise<Figures<'participants'>[]> {
    const months = monthNumbers(p.from, p.to);
    const interest = groups.has('INTEREST_GROUP');
    if (groups.has('MONTH'))
      return this.run(
        this.keys(groups, NUMBERED_MONTH('m.month'), 'm.interest_id'),
        `coalesce(sum(m.participants), 0)::int AS participants`,
        `FROM ${interest ? 'participant_interest_month' : 'participant_month'} m JOIN scope s ON s.area_id = m.area_id
         WHERE m.month = ANY($2::int[])`,
        [p.areaId, months],
      );
    return this.run(
      this.keys(groups, '', 't.interest_id'),
      `count(*)::int AS participants`,
      `FROM ${interest ? 'participant_interest' : 'participant'} t JOIN scope s ON s.area_id = t.area_id
       WHERE t.months && $2::int[]`,
      [p.areaId, months],
    );
  }

  /**
   * First-timers (first attendance in the period; by its month), those who came again within
   * 30 days, and the median days from joining to that first time. By interest: a first time
   * in that interest, and a return to it.
   */
  firsts(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'firstTimers' | 'returned' | 'medianDaysToFirst'>[]> {
    const interest = groups.has('INTEREST_GROUP');
    return this.run(
      this.keys(groups, LONDON_MONTH('t.first_at'), 't.interest_id'),
      `count(*)::int AS "firstTimers",
       count(*) FILTER (WHERE t.second_at < t.first_at + interval '30 days')::int AS returned,
       ${interest ? 'NULL::float' : `percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_at - t.joined_at) / 86400)`} AS "medianDaysToFirst"`,
      `FROM ${interest ? 'participant_interest' : 'participant'} t JOIN scope s ON s.area_id = t.area_id
       WHERE t.first_at >= $2 AND t.first_at < $3`,
      [p.areaId, p.from, p.to],
    );
  }

  /**
   * Members who joined in the period (by their month of joining), and of them those whose
   * third and sixth months are over, and who came in them.
   */
  joiners(
    groups: ReadonlySet<Grouping>,
    p: Period,
  ): Promise<Figures<'newMembers' | 'reached3' | 'active3' | 'reached6' | 'active6'>[]> {
    const interest = groups.has('INTEREST_GROUP');
    const reached = (months: number) =>
      `j.created_at + interval '${months} months' <= least($3::timestamptz, $4::timestamptz)`;
    return this.run(
      this.keys(groups, LONDON_MONTH('j.created_at'), 'mi.interest_id'),
      `count(*)::int AS "newMembers",
       count(*) FILTER (WHERE ${reached(3)})::int AS reached3,
       count(*) FILTER (WHERE ${reached(3)} AND pt.active_month3)::int AS active3,
       count(*) FILTER (WHERE ${reached(6)})::int AS reached6,
       count(*) FILTER (WHERE ${reached(6)} AND pt.active_month6)::int AS active6`,
      `FROM member_profile mp JOIN scope s ON s.area_id = mp.home_area_id
       JOIN person j ON j.id = mp.person_id
       ${interest ? 'JOIN member_interest mi ON mi.person_id = mp.person_id' : ''}
       LEFT JOIN participant pt ON pt.person_id = mp.person_id
       WHERE j.created_at >= $2 AND j.created_at < $3`,
      [p.areaId, p.from, p.to, p.now],
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
      this.keys(groups, LONDON_MONTH('a.completed_at'), ''),
      `count(*)::int AS fulfilled, count(DISTINCT a.helper_id)::int AS helpers,
       coalesce(sum(a.minutes), 0)::int AS minutes,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM a.created_at - r.created_at) / 3600) AS "medianHoursToHelper"`,
      `FROM help_request r JOIN scope s ON s.area_id = r.area_id
       JOIN help_assignment a ON a.request_id = r.id AND a.status = 'COMPLETED'
       WHERE a.completed_at >= $2 AND a.completed_at < $3`,
      [p.areaId, p.from, p.to],
    );
  }

  /** The period's participants by the age band they chose to give (null: not given). */
  ageBands(p: Period): Promise<{ category: string | null; people: number }[]> {
    return this.db.query(
      `${SCOPE}
       SELECT mp.age_band AS category, count(*)::int AS people
         FROM participant t JOIN scope s ON s.area_id = t.area_id
         JOIN member_profile mp ON mp.person_id = t.person_id
        WHERE t.months && $2::int[]
        GROUP BY mp.age_band`,
      [p.areaId, monthNumbers(p.from, p.to)],
    );
  }

  /**
   * The period's participants by the deprivation decile of the LSOA they live in, by the most
   * recently imported release (decile null: not in an LSOA of it); undefined when none is.
   */
  async deciles(
    p: Period,
  ): Promise<{ version: string; rows: { decile: number | null; people: number }[] } | undefined> {
    const [latest] = await this.db.query<{ version: string }>(
      `SELECT version FROM imd_decile GROUP BY version ORDER BY max(imported_at) DESC, version DESC LIMIT 1`,
    );
    if (!latest) return undefined;
    const rows = await this.db.query<{ decile: number | null; people: number }>(
      `${SCOPE}
       SELECT i.decile, count(*)::int AS people
         FROM participant t JOIN scope s ON s.area_id = t.area_id
         LEFT JOIN imd_decile i ON i.version = $3 AND i.lsoa_code = t.lsoa_code
        WHERE t.months && $2::int[]
        GROUP BY i.decile`,
      [p.areaId, monthNumbers(p.from, p.to), latest.version],
    );
    return { version: latest.version, rows };
  }

  /** The wards of the area (itself, if it is one), by name. */
  wards(areaId: string): Promise<{ id: string }[]> {
    return this.db.query(
      `${SCOPE} SELECT a.id FROM scope s JOIN area a ON a.id = s.area_id WHERE a.kind = 'ward' ORDER BY a.name, a.id`,
      [areaId],
    );
  }
}
