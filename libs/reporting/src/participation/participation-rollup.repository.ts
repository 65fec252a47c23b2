import { Injectable } from '@nestjs/common';
import { EQUALITY_QUESTIONS } from '@kith/community';
import { Db } from '@kith/platform';

/** A London month as one number: year * 12 + month - 1. */
export const MONTH_NUMBER = (column: string) =>
  `(extract(year FROM ${column} AT TIME ZONE 'Europe/London')::int * 12 + extract(month FROM ${column} AT TIME ZONE 'Europe/London')::int - 1)`;

interface SessionContribution {
  day: string;
  venueAreaId: string;
  interestIds: string[];
  held: boolean;
  byArea: Record<string, number>;
}

interface MonthsRow {
  areaId: string | null;
  interestId?: string;
  months: number[];
  /** The London month of the first attendance, whole days from joining to it, and whether they came again within 30 days. */
  firstMonth: number;
  days?: number;
  returned: boolean;
  ageBand?: string | null;
  /** 'question:answer' for each answer given. */
  answers?: string[];
}

/** How far back from a member's first month a report could start and still reach them (five years). */
export const REACH_LOOKBACK_MONTHS = 61;

/** For each month a report could start in, the first month at or after it the member came in. */
export function reachOf(months: readonly number[]): [number, number][] {
  const sorted = [...months].sort((x, y) => x - y);
  if (sorted.length === 0) return [];
  const rows: [number, number][] = [];
  let i = 0;
  for (let a = sorted[0] - REACH_LOOKBACK_MONTHS; a <= sorted[sorted.length - 1]; a += 1) {
    while (sorted[i] < a) i += 1;
    rows.push([a, sorted[i]]);
  }
  return rows;
}

/** The London month number of a 'YYYY-MM-DD' day. */
const monthOfDay = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

const FIRSTS = `${MONTH_NUMBER('first_at')} AS "firstMonth",
  (second_at IS NOT NULL AND second_at < first_at + interval '30 days') AS returned`;

/** Every table a rebuild works out again. */
const REBUILT = [
  'participation_session',
  'participation_day',
  'participation_day_interest',
  'participation_month',
  'participation_month_interest',
  'participant',
  'participant_interest',
  'participant_month',
  'participant_interest_month',
  'participant_first',
  'participant_interest_first',
  'participant_reach',
  'participant_answer_reach',
  'member_join',
  'member_join_month',
  'member_join_month_interest',
];

/** Key columns of the rollup tables, with their types. */
const DAY: [string, string] = ['day', 'date'];
const MONTH: [string, string] = ['month', 'int'];
const AREA: [string, string] = ['area_id', 'uuid'];
const INTEREST: [string, string] = ['interest_id', 'uuid'];
const HELD = ['sessions_held', 'attendances'];
const JOINED = ['new_members', 'active3', 'active6'];

/** Adds up signed changes by key, dropping those that come to nothing. */
class Deltas<K extends unknown[]> {
  private readonly byKey = new Map<string, { key: K; values: number[] }>();

  add(key: K, values: number[]): void {
    const id = JSON.stringify(key);
    const entry = this.byKey.get(id);
    if (!entry) this.byKey.set(id, { key, values: [...values] });
    else values.forEach((v, i) => (entry.values[i] += v));
  }

  /** In key order, so two jobs touching the same rows lock them in the same order. */
  entries(): { key: K; values: number[] }[] {
    return [...this.byKey.entries()]
      .filter(([, e]) => e.values.some((v) => v !== 0))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, e]) => e);
  }
}

/** Whole days from joining to a first attendance (never below 0: history loaded from before joining). */
const DAYS_OF = `greatest(0, floor(extract(epoch FROM first_at - joined_at) / 86400))::int`;
const DAYS = `${DAYS_OF} AS days`;
/** What a participant row gives the monthly counts, firsts and reach. */
const MEMBER_FIGURES = `area_id AS "areaId", months, ${FIRSTS}, ${DAYS}, age_band AS "ageBand", answers`;

interface JoinRow {
  month: number;
  areaId: string;
  interestIds: string[];
  active3: boolean;
  active6: boolean;
}

const JOIN_FIGURES = `month, area_id AS "areaId", interest_ids AS "interestIds", active3, active6`;

/**
 * A joining row for each member matching `where` (over person p) who lives in an area: the
 * London month they joined, the interests they chose, and from their participant row (if they
 * have come) whether they came in their third and sixth months.
 */
const JOIN_ROWS = (where: string) => `
  INSERT INTO member_join (person_id, month, area_id, interest_ids, active3, active6)
  SELECT p.id, ${MONTH_NUMBER('p.created_at')}, mp.home_area_id,
         coalesce((SELECT array_agg(mi.interest_id ORDER BY mi.interest_id) FROM member_interest mi
                    WHERE mi.person_id = p.id), '{}'),
         coalesce(t.active_month3, false), coalesce(t.active_month6, false)
    FROM person p JOIN member_profile mp ON mp.person_id = p.id
    LEFT JOIN participant t ON t.person_id = p.id
   WHERE mp.home_area_id IS NOT NULL AND ${where}`;

/** Whose attendance rows a refresh rewrites: the people with a booking at a session. */
const ATTENDED = `b.status = 'ATTENDED' AND s.cancelled_at IS NULL`;

/**
 * The participation rollups (the reporting lib's own tables), kept from community's sessions
 * and bookings and identity's people. Per session: what it gives is worked out again and the
 * difference applied, under a lock per session; per member: their rows rewritten from their
 * whole attendance, under a lock per member, and the difference applied to the monthly counts.
 * Upkeep holds a shared lock that a rebuild from history takes exclusively.
 */
@Injectable()
export class ParticipationRollupRepository {
  constructor(private readonly db: Db) {}

  /** Call inside a transaction. Returns how many attendances the session now gives. */
  async rollUpSession(sessionId: string): Promise<{ attendances: number; people: number }> {
    await this.db.query(
      `SELECT pg_advisory_xact_lock_shared(hashtextextended('participation-rebuild', 29))`,
    );
    const now = await this.sessionContribution(sessionId);
    if (!now) return { attendances: 0, people: 0 };
    const people = await this.db.query<{ id: string }>(
      `SELECT person_id AS id FROM booking WHERE session_id = $1 ORDER BY person_id`,
      [sessionId],
    );
    await this.refreshPeople(people.map((p) => p.id));
    return {
      attendances: Object.values(now.byArea).reduce((sum, n) => sum + n, 0),
      people: people.length,
    };
  }

  /**
   * What the session gives the daily and monthly counts (held, attendances by home area),
   * worked out again and the difference applied, under the session's lock.
   */
  private async sessionContribution(sessionId: string): Promise<SessionContribution | undefined> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 29))`, [sessionId]);
    const [before] = await this.db.query<SessionContribution>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, venue_area_id AS "venueAreaId", interest_ids AS "interestIds",
              held, by_area AS "byArea"
         FROM participation_session WHERE session_id = $1`,
      [sessionId],
    );
    const [now] = await this.db.query<SessionContribution>(
      `SELECT to_char((s.starts_at AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS day,
              v.area_id AS "venueAreaId",
              coalesce((SELECT array_agg(ai.interest_id ORDER BY ai.interest_id) FROM activity_interest ai
                         WHERE ai.activity_id = s.activity_id), '{}') AS "interestIds",
              s.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM booking b WHERE b.session_id = s.id AND b.status = 'ATTENDED') AS held,
              coalesce((SELECT jsonb_object_agg(x.area_id, x.n) FROM (
                  SELECT mp.home_area_id AS area_id, count(*)::int AS n
                    FROM booking b JOIN member_profile mp ON mp.person_id = b.person_id
                   WHERE b.session_id = s.id AND b.status = 'ATTENDED' AND mp.home_area_id IS NOT NULL
                     AND s.cancelled_at IS NULL
                   GROUP BY mp.home_area_id) x), '{}') AS "byArea"
         FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
        WHERE s.id = $1`,
      [sessionId],
    );
    if (!now) return undefined;
    const days = new Deltas<[string, string]>();
    const interests = new Deltas<[string, string, string]>();
    const months = new Deltas<[number, string]>();
    const interestMonths = new Deltas<[number, string, string]>();
    const give = (c: SessionContribution, sign: number) => {
      const parts: [string, number, number][] = Object.entries(c.byArea).map(([area, n]) => [
        area,
        0,
        sign * n,
      ]);
      if (c.held) parts.push([c.venueAreaId, sign, 0]);
      const month = monthOfDay(c.day);
      for (const [area, held, attendances] of parts) {
        days.add([c.day, area], [held, attendances]);
        months.add([month, area], [held, attendances]);
        for (const interest of c.interestIds) {
          interests.add([c.day, area, interest], [held, attendances]);
          interestMonths.add([month, area, interest], [held, attendances]);
        }
      }
    };
    if (before) give(before, -1);
    give(now, 1);
    await this.addTo('participation_day', [DAY, AREA], HELD, days.entries());
    await this.addTo(
      'participation_day_interest',
      [DAY, AREA, INTEREST],
      HELD,
      interests.entries(),
    );
    await this.addTo('participation_month', [MONTH, AREA], HELD, months.entries());
    await this.addTo(
      'participation_month_interest',
      [MONTH, AREA, INTEREST],
      HELD,
      interestMonths.entries(),
    );
    await this.db.query(
      `INSERT INTO participation_session (session_id, day, venue_area_id, interest_ids, held, by_area)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (session_id) DO UPDATE SET day = EXCLUDED.day, venue_area_id = EXCLUDED.venue_area_id,
         interest_ids = EXCLUDED.interest_ids, held = EXCLUDED.held, by_area = EXCLUDED.by_area`,
      [sessionId, now.day, now.venueAreaId, now.interestIds, now.held, JSON.stringify(now.byArea)],
    );
    return now;
  }

  /**
   * Signed changes added to a rollup table in one statement: the key columns as given (with
   * their types), each figure column incremented. Entries come in key order (see Deltas).
   */
  private async addTo(
    table: string,
    keys: [column: string, type: string][],
    figures: string[],
    entries: { key: unknown[]; values: number[] }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const types = [...keys.map(([, type]) => type), ...figures.map(() => 'int')];
    const keyColumns = keys.map(([column]) => column).join(', ');
    await this.db.query(
      `INSERT INTO ${table} (${keyColumns}, ${figures.join(', ')})
       SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
       ON CONFLICT (${keyColumns}) DO UPDATE
         SET ${figures.map((f) => `${f} = ${table}.${f} + EXCLUDED.${f}`).join(', ')}`,
      [
        ...keys.map((_, i) => entries.map((e) => e.key[i])),
        ...figures.map((_, i) => entries.map((e) => e.values[i])),
      ],
    );
  }

  /**
   * Each person's participant rows rewritten from all their attendance, and the months they
   * left or gained (or the area they moved from) taken from or added to the monthly counts.
   */
  async refreshPeople(personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    const ids = [...new Set(personIds)].sort();
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 31)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [ids],
    );
    const goneMembers = await this.db.query<MonthsRow>(
      `DELETE FROM participant WHERE person_id = ANY($1)
       RETURNING ${MEMBER_FIGURES}`,
      [ids],
    );
    const goneInterests = await this.db.query<MonthsRow>(
      `DELETE FROM participant_interest WHERE person_id = ANY($1)
       RETURNING area_id AS "areaId", interest_id AS "interestId", months, ${FIRSTS}`,
      [ids],
    );
    const madeMembers = await this.db.query<MonthsRow>(
      `${PARTICIPANT_ROWS('b.person_id = ANY($1)')}
       RETURNING ${MEMBER_FIGURES}`,
      [ids],
    );
    const madeInterests = await this.db.query<MonthsRow>(
      `${PARTICIPANT_INTEREST_ROWS('b.person_id = ANY($1)')}
       RETURNING area_id AS "areaId", interest_id AS "interestId", months, ${FIRSTS}`,
      [ids],
    );
    const months = new Deltas<[number, string]>();
    const interestMonths = new Deltas<[number, string, string]>();
    const firsts = new Deltas<[number, string, number]>();
    const interestFirsts = new Deltas<[number, string, string]>();
    const reach = new Deltas<[number, string, string, number]>();
    const answerReach = new Deltas<[number, string, string, string, number]>();
    const count = (rows: MonthsRow[], sign: number) => {
      for (const row of rows) {
        if (!row.areaId) continue;
        const first = [sign, row.returned ? sign : 0];
        if (row.interestId) interestFirsts.add([row.firstMonth, row.areaId, row.interestId], first);
        else {
          firsts.add([row.firstMonth, row.areaId, row.days ?? 0], first);
          const answered = (row.answers ?? []).map((qa) => qa.split(':') as [string, string]);
          for (const [a, next] of reachOf(row.months)) {
            reach.add([a, row.areaId, row.ageBand ?? '', next], [sign]);
            for (const [question, answer] of answered)
              answerReach.add([a, row.areaId, question, answer, next], [sign]);
          }
        }
        for (const month of row.months)
          if (row.interestId) interestMonths.add([month, row.areaId, row.interestId], [sign]);
          else months.add([month, row.areaId], [sign]);
      }
    };
    count(goneMembers, -1);
    count(goneInterests, -1);
    count(madeMembers, 1);
    count(madeInterests, 1);
    await this.addTo('participant_month', [MONTH, AREA], ['participants'], months.entries());
    await this.addTo(
      'participant_interest_month',
      [MONTH, AREA, INTEREST],
      ['participants'],
      interestMonths.entries(),
    );
    await this.addTo(
      'participant_first',
      [MONTH, AREA, ['days', 'int']],
      ['first_timers', 'returned'],
      firsts.entries(),
    );
    await this.addTo(
      'participant_reach',
      [['start_month', 'int'], AREA, ['age_band', 'text'], ['next_month', 'int']],
      ['people'],
      reach.entries(),
    );
    await this.addTo(
      'participant_answer_reach',
      [
        ['start_month', 'int'],
        AREA,
        ['question', 'text'],
        ['answer', 'text'],
        ['next_month', 'int'],
      ],
      ['people'],
      answerReach.entries(),
    );
    await this.addTo(
      'participant_interest_first',
      [MONTH, AREA, INTEREST],
      ['first_timers', 'returned'],
      interestFirsts.entries(),
    );
    await this.refreshJoiners(ids);
  }

  /**
   * A member whose profile changed (home, interests, age band): their rows rewritten as they
   * are now, under the upkeep lock. Call inside a transaction.
   */
  async rollUpMember(personId: string, moved = false): Promise<void> {
    await this.db.query(
      `SELECT pg_advisory_xact_lock_shared(hashtextextended('participation-rebuild', 29))`,
    );
    // Moved: every figure counts members by where they live now, so the attendances they gave
    // are taken from the old area and given to the new. (Told by the change itself, or seen in
    // a participant row still in the old area.) Every session's lock first, in order, before
    // any row is touched, then the member's, as the attendance jobs take theirs.
    const sessions = await this.db.query<{ id: string }>(
      `SELECT DISTINCT b.session_id AS id
         FROM booking b JOIN member_profile mp ON mp.person_id = b.person_id
         LEFT JOIN participant t ON t.person_id = b.person_id
        WHERE b.person_id = $1 AND b.status = 'ATTENDED'
          AND ($2 OR t.area_id IS DISTINCT FROM mp.home_area_id)
        ORDER BY 1`,
      [personId, moved],
    );
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 29)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [sessions.map((session) => session.id)],
    );
    for (const session of sessions) await this.sessionContribution(session.id);
    await this.refreshPeople([personId]);
  }

  /**
   * Each person's joining row rewritten (month joined, home area, interests, whether they came
   * in their third and sixth months, from the participant rows just written), and the
   * difference applied to the joiners' monthly counts. Under the per-member lock.
   */
  private async refreshJoiners(ids: readonly string[]): Promise<void> {
    const gone = await this.db.query<JoinRow>(
      `DELETE FROM member_join WHERE person_id = ANY($1) RETURNING ${JOIN_FIGURES}`,
      [ids],
    );
    const made = await this.db.query<JoinRow>(
      `${JOIN_ROWS('p.id = ANY($1)')} RETURNING ${JOIN_FIGURES}`,
      [ids],
    );
    const months = new Deltas<[number, string]>();
    const interests = new Deltas<[number, string, string]>();
    for (const [rows, sign] of [
      [gone, -1],
      [made, 1],
    ] as const)
      for (const row of rows) {
        const values = [sign, row.active3 ? sign : 0, row.active6 ? sign : 0];
        months.add([row.month, row.areaId], values);
        for (const interest of row.interestIds)
          interests.add([row.month, row.areaId, interest], values);
      }
    await this.addTo('member_join_month', [MONTH, AREA], JOINED, months.entries());
    await this.addTo(
      'member_join_month_interest',
      [MONTH, AREA, INTEREST],
      JOINED,
      interests.entries(),
    );
  }

  /**
   * Every rollup worked out from all attendance, set-based: for history recorded before the
   * rollups were kept (the demo, an import, the migration that brought them). Call inside a
   * transaction: upkeep waits for it.
   */
  async rebuild(): Promise<{ sessions: number; participants: number }> {
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('participation-rebuild', 29))`,
    );
    // Deleted, not truncated: reports go on reading the rows as they were until this commits
    // (a TRUNCATE would hold them all up for the whole rebuild).
    for (const table of REBUILT) await this.db.query(`DELETE FROM ${table}`);
    const [sessions] = await this.db.query<{ n: number }>(
      `WITH came AS (
         SELECT b.session_id, mp.home_area_id AS area_id, count(*)::int AS n
           FROM booking b JOIN session s ON s.id = b.session_id JOIN member_profile mp ON mp.person_id = b.person_id
          WHERE ${ATTENDED}
          GROUP BY b.session_id, mp.home_area_id),
       made AS (
         INSERT INTO participation_session (session_id, day, venue_area_id, interest_ids, held, by_area)
         SELECT s.id, (s.starts_at AT TIME ZONE 'Europe/London')::date, v.area_id,
                coalesce((SELECT array_agg(ai.interest_id ORDER BY ai.interest_id) FROM activity_interest ai
                           WHERE ai.activity_id = s.activity_id), '{}'),
                true,
                coalesce(jsonb_object_agg(c.area_id, c.n) FILTER (WHERE c.area_id IS NOT NULL), '{}')
           FROM came c JOIN session s ON s.id = c.session_id JOIN activity a ON a.id = s.activity_id
           JOIN venue v ON v.id = a.venue_id
          GROUP BY s.id, v.area_id
         RETURNING 1)
       SELECT count(*)::int AS n FROM made`,
    );
    await this.db.query(
      `INSERT INTO participation_day (day, area_id, sessions_held, attendances)
       SELECT day, area_id, sum(held)::int, sum(attendances)::int FROM (
         SELECT ps.day, ps.venue_area_id AS area_id, 1 AS held, 0 AS attendances FROM participation_session ps WHERE ps.held
         UNION ALL
         SELECT ps.day, x.key::uuid, 0, x.value::int FROM participation_session ps, jsonb_each_text(ps.by_area) x) parts
       GROUP BY day, area_id`,
    );
    await this.db.query(
      `INSERT INTO participation_day_interest (day, area_id, interest_id, sessions_held, attendances)
       SELECT day, area_id, interest_id, sum(held)::int, sum(attendances)::int FROM (
         SELECT ps.day, ps.venue_area_id AS area_id, ps.interest_ids, 1 AS held, 0 AS attendances
           FROM participation_session ps WHERE ps.held
         UNION ALL
         SELECT ps.day, x.key::uuid, ps.interest_ids, 0, x.value::int FROM participation_session ps, jsonb_each_text(ps.by_area) x) parts,
         unnest(parts.interest_ids) interest_id
       GROUP BY day, area_id, interest_id`,
    );
    for (const table of ['participation_day', 'participation_day_interest']) {
      const interest = table.endsWith('_interest');
      await this.db.query(
        `INSERT INTO ${table.replace('_day', '_month')} (month, area_id, ${interest ? 'interest_id, ' : ''}sessions_held, attendances)
         SELECT extract(year FROM day)::int * 12 + extract(month FROM day)::int - 1, area_id, ${interest ? 'interest_id, ' : ''}
                sum(sessions_held)::int, sum(attendances)::int
           FROM ${table} GROUP BY 1, area_id${interest ? ', interest_id' : ''}`,
      );
    }
    await this.db.query(PARTICIPANT_ROWS('true'));
    await this.db.query(PARTICIPANT_INTEREST_ROWS('true'));
    await this.db.query(
      `INSERT INTO participant_month (month, area_id, participants)
       SELECT m, area_id, count(*)::int FROM participant, unnest(months) m WHERE area_id IS NOT NULL GROUP BY m, area_id`,
    );
    await this.db.query(
      `INSERT INTO participant_interest_month (month, area_id, interest_id, participants)
       SELECT m, area_id, interest_id, count(*)::int FROM participant_interest, unnest(months) m
        WHERE area_id IS NOT NULL GROUP BY m, area_id, interest_id`,
    );
    await this.db.query(
      `INSERT INTO participant_first (month, area_id, days, first_timers, returned)
       SELECT ${MONTH_NUMBER('first_at')}, area_id, ${DAYS_OF}, count(*)::int,
              count(*) FILTER (WHERE second_at < first_at + interval '30 days')::int
         FROM participant WHERE area_id IS NOT NULL GROUP BY 1, 2, 3`,
    );
    await this.db.query(
      `INSERT INTO participant_interest_first (month, area_id, interest_id, first_timers, returned)
       SELECT ${MONTH_NUMBER('first_at')}, area_id, interest_id, count(*)::int,
              count(*) FILTER (WHERE second_at < first_at + interval '30 days')::int
         FROM participant_interest WHERE area_id IS NOT NULL GROUP BY 1, 2, 3`,
    );
    await this.db.query(
      `INSERT INTO participant_reach (start_month, area_id, age_band, next_month, people)
       SELECT a, t.area_id, coalesce(t.age_band, ''),
              (SELECT min(m) FROM unnest(t.months) m WHERE m >= a), count(*)::int
         FROM participant t,
              generate_series((SELECT min(m) FROM unnest(t.months) m) - $1::int,
                              (SELECT max(m) FROM unnest(t.months) m)) a
        WHERE t.area_id IS NOT NULL
        GROUP BY 1, 2, 3, 4`,
      [REACH_LOOKBACK_MONTHS],
    );
    await this.db.query(
      `INSERT INTO participant_answer_reach (start_month, area_id, question, answer, next_month, people)
       SELECT r.a, r.area_id, split_part(qa, ':', 1), split_part(qa, ':', 2), r.next, count(*)::int
         FROM (SELECT t.area_id, t.answers, a, (SELECT min(m) FROM unnest(t.months) m WHERE m >= a) AS next
                 FROM participant t,
                      generate_series((SELECT min(m) FROM unnest(t.months) m) - $1::int,
                                      (SELECT max(m) FROM unnest(t.months) m)) a
                WHERE t.area_id IS NOT NULL AND cardinality(t.answers) > 0) r,
              unnest(r.answers) qa
        GROUP BY 1, 2, 3, 4, 5`,
      [REACH_LOOKBACK_MONTHS],
    );
    await this.db.query(JOIN_ROWS('true'));
    await this.db.query(
      `INSERT INTO member_join_month (month, area_id, new_members, active3, active6)
       SELECT month, area_id, count(*)::int, count(*) FILTER (WHERE active3)::int, count(*) FILTER (WHERE active6)::int
         FROM member_join GROUP BY month, area_id`,
    );
    await this.db.query(
      `INSERT INTO member_join_month_interest (month, area_id, interest_id, new_members, active3, active6)
       SELECT month, area_id, interest_id, count(*)::int, count(*) FILTER (WHERE active3)::int, count(*) FILTER (WHERE active6)::int
         FROM member_join, unnest(interest_ids) interest_id GROUP BY month, area_id, interest_id`,
    );
    const [participants] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participant`,
    );
    return { sessions: sessions.n, participants: participants.n };
  }
}

/**
 * A participant row for each person matching `where` (over booking b) who has come to
 * anything: first and second time, months, and whether they came in their third and sixth
 * month of membership (from joining + 2 months to joining + 3, and + 5 to + 6).
 */
const PARTICIPANT_ROWS = (where: string) => `
  INSERT INTO participant (person_id, area_id, lsoa_code, joined_at, first_at, second_at, months, active_month3, active_month6, age_band, answers)
  SELECT c.person_id, mp.home_area_id,
         (SELECT l.code FROM area l WHERE l.kind = 'lsoa' AND mp.home IS NOT NULL
             AND ST_Contains(l.boundary, mp.home::geometry) LIMIT 1),
         p.created_at, c.times[1], c.times[2], c.months,
         EXISTS (SELECT 1 FROM unnest(c.times) t WHERE t >= p.created_at + interval '2 months' AND t < p.created_at + interval '3 months'),
         EXISTS (SELECT 1 FROM unnest(c.times) t WHERE t >= p.created_at + interval '5 months' AND t < p.created_at + interval '6 months'),
         mp.age_band,
         array_remove(ARRAY[${EQUALITY_QUESTIONS.map((q) => `'${q.key}:' || e.${q.column}`).join(', ')}]::text[], NULL)
    FROM (SELECT b.person_id, array_agg(s.starts_at ORDER BY s.starts_at) AS times,
                 array_agg(DISTINCT ${MONTH_NUMBER('s.starts_at')}) AS months
            FROM booking b JOIN session s ON s.id = b.session_id
           WHERE ${where} AND ${ATTENDED}
           GROUP BY b.person_id) c
    JOIN person p ON p.id = c.person_id
    JOIN member_profile mp ON mp.person_id = c.person_id
    LEFT JOIN equality_monitoring e ON e.person_id = c.person_id`;

const PARTICIPANT_INTEREST_ROWS = (where: string) => `
  INSERT INTO participant_interest (person_id, interest_id, area_id, first_at, second_at, months)
  SELECT c.person_id, c.interest_id, mp.home_area_id, c.times[1], c.times[2], c.months
    FROM (SELECT b.person_id, ai.interest_id, array_agg(s.starts_at ORDER BY s.starts_at) AS times,
                 array_agg(DISTINCT ${MONTH_NUMBER('s.starts_at')}) AS months
            FROM booking b JOIN session s ON s.id = b.session_id
            JOIN activity_interest ai ON ai.activity_id = s.activity_id
           WHERE ${where} AND ${ATTENDED}
           GROUP BY b.person_id, ai.interest_id) c
    JOIN member_profile mp ON mp.person_id = c.person_id`;
