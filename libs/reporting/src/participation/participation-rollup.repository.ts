import { Injectable } from '@nestjs/common';
import { EQUALITY_QUESTIONS } from '@kith/community';
import { Db } from '@kith/platform';
import { FAMILY, familyKey, familyKeySql } from '../perturbation';
import { HOME_AT, MONTH_NUMBER, MONTH_START } from '../report-sql';

/** What a session gave the rollups: its day, venue's area, interests, held, attendances by home. */
interface SessionContribution {
  day: string;
  venueAreaId: string;
  interestIds: string[];
  held: boolean;
  byArea: Record<string, number>;
  /** The sum of the attendees' record keys, by the area each was counted in. */
  byAreaKey: Record<string, number>;
}

interface MonthsRow {
  /** The area of the first month (first-timers are counted there). */
  areaId: string | null;
  interestId?: string;
  months: number[];
  /** Where the member lived at the start of each of `months` (null: nowhere placed). */
  monthAreas: (string | null)[];
  /** The London month of the first attendance, whole days from joining to it, and whether they came again within 30 days. */
  firstMonth: number;
  days?: number;
  returned: boolean;
  ageBand?: string | null;
  /** 'question:answer' for each answer given. */
  answers?: string[];
  recordKey: number;
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

/** A member's months grouped by the area they lived in at each month's start (placed only). */
export function monthsByArea(
  months: readonly number[],
  areas: readonly (string | null)[],
): Map<string, number[]> {
  const byArea = new Map<string, number[]>();
  months.forEach((m, i) => {
    const area = areas[i];
    if (!area) return;
    const list = byArea.get(area);
    if (list) list.push(m);
    else byArea.set(area, [m]);
  });
  return byArea;
}

/** The London month number of a 'YYYY-MM-DD' day. */
const monthOfDay = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** A session's interests as one key: their ids in order, comma-joined ('' for none). */
export const interestSetOf = (interestIds: readonly string[]) => [...interestIds].sort().join(',');

const FIRSTS = `${MONTH_NUMBER('first_at')} AS "firstMonth",
  (second_at IS NOT NULL AND second_at < first_at + interval '30 days') AS returned`;

/** Every table a rebuild works out again. */
const REBUILT = [
  'participation_session',
  'participation_month_set',
  'participant',
  'participant_interest',
  'participant_month',
  'participant_interest_month',
  'participant_first',
  'participant_interest_first',
  'participant_reach',
  'participant_interest_reach',
  'participant_answer_reach',
  'member_join',
  'member_join_month',
  'member_join_month_interest',
];

/** Key columns of the rollup tables, with their types. */
const MONTH: [string, string] = ['month', 'int'];
const AREA: [string, string] = ['area_id', 'uuid'];
const INTEREST: [string, string] = ['interest_id', 'uuid'];
const JOINED = [
  'new_members',
  'active3',
  'active6',
  'new_members_key',
  'active3_key',
  'active6_key',
];
const FIRST = ['first_timers', 'returned', 'first_timers_key', 'returned_key'];
/** First-timers by days from joining also keep the key of the days' histogram, a family of its own. */
const FIRST_BY_DAYS = [...FIRST, 'days_key'];

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

/** A count and its family's key sum, each signed: one person added (+1) or taken back (-1). */
const counted = (
  yes: boolean,
  sign: number,
  recordKey: number,
  family: string,
): [number, number] => (yes ? [sign, sign * familyKey(recordKey, family)] : [0, 0]);

/** Whole days from joining to a first attendance (never below 0: history loaded from before joining). */
const DAYS_OF = `greatest(0, floor(extract(epoch FROM first_at - joined_at) / 86400))::int`;
const DAYS = `${DAYS_OF} AS days`;
/** What a participant row gives the monthly counts, firsts and reach. */
const MEMBER_FIGURES = `area_id AS "areaId", months, month_areas AS "monthAreas", ${FIRSTS}, ${DAYS},
  age_band AS "ageBand", answers, record_key AS "recordKey"`;
const INTEREST_FIGURES = `area_id AS "areaId", interest_id AS "interestId", months, month_areas AS "monthAreas",
  ${FIRSTS}, record_key AS "recordKey"`;

interface JoinRow {
  personId: string;
  month: number;
  areaId: string;
  interestIds: string[];
  active3: boolean;
  active6: boolean;
  recordKey: number;
}

const JOIN_FIGURES = `person_id AS "personId", month, area_id AS "areaId", interest_ids AS "interestIds",
  active3, active6, record_key AS "recordKey"`;

/**
 * A joining row for each member matching `where` (over person p) placed in an area at the start
 * of the month they joined: that month, the interests they chose, and from their participant
 * row (if they have come) whether they came in their third and sixth months. Once the month
 * they joined is over, the interests it gave (`kept`: person_id, interest_ids) stay: choosing
 * others later changes no month already over.
 */
const JOIN_ROWS = (where: string, kept: string) => `
  INSERT INTO member_join (person_id, month, area_id, interest_ids, active3, active6, record_key)
  SELECT j.id, j.month, j.area_id, j.interest_ids, j.active3, j.active6, j.record_key FROM (
    SELECT p.id, ${MONTH_NUMBER('p.created_at')} AS month,
           ${HOME_AT('p.id', MONTH_START(MONTH_NUMBER('p.created_at')))} AS area_id,
           CASE WHEN k.person_id IS NOT NULL AND ${MONTH_NUMBER('p.created_at')} < ${MONTH_NUMBER('now()')}
                THEN k.interest_ids
                ELSE coalesce((SELECT array_agg(mi.interest_id ORDER BY mi.interest_id) FROM member_interest mi
                                WHERE mi.person_id = p.id), '{}') END AS interest_ids,
           coalesce(t.active_month3, false) AS active3, coalesce(t.active_month6, false) AS active6,
           p.record_key
      FROM person p JOIN member_profile mp ON mp.person_id = p.id
      LEFT JOIN participant t ON t.person_id = p.id
      LEFT JOIN ${kept} k ON k.person_id = p.id
     WHERE ${where}) j
   WHERE j.area_id IS NOT NULL`;

/** Whose attendance rows a refresh rewrites: the people with a booking at a session. */
const ATTENDED = `b.status = 'ATTENDED' AND s.cancelled_at IS NULL`;

/**
 * The participation rollups (the reporting lib's own tables), kept from community's sessions,
 * bookings and homes and identity's people. Everything is counted where the member lived at the
 * start of its month, with the sum of the record keys of the people in it (what its
 * perturbation is drawn from). Per session: what it gives is worked out again and the difference
 * applied, under a lock per session; per member: their rows rewritten from their whole
 * attendance, under a lock per member, and the difference applied to the monthly counts.
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
   * What the session gives the monthly counts (held at its venue's area; attendances by where
   * each attendee lived at the start of its month, with their keys), worked out again and the
   * difference applied, under the session's lock.
   */
  private async sessionContribution(sessionId: string): Promise<SessionContribution | undefined> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 29))`, [sessionId]);
    const [before] = await this.db.query<SessionContribution>(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, venue_area_id AS "venueAreaId", interest_ids AS "interestIds",
              held, by_area AS "byArea", by_area_key AS "byAreaKey"
         FROM participation_session WHERE session_id = $1`,
      [sessionId],
    );
    const [now] = await this.db.query<SessionContribution>(
      `SELECT to_char((s.starts_at AT TIME ZONE 'Europe/London')::date, 'YYYY-MM-DD') AS day,
              v.area_id AS "venueAreaId",
              coalesce((SELECT array_agg(ai.interest_id ORDER BY ai.interest_id) FROM activity_interest ai
                         WHERE ai.activity_id = s.activity_id), '{}') AS "interestIds",
              s.cancelled_at IS NULL AND EXISTS (SELECT 1 FROM booking b WHERE b.session_id = s.id AND b.status = 'ATTENDED') AS held,
              coalesce(came.by_area, '{}') AS "byArea", coalesce(came.by_area_key, '{}') AS "byAreaKey"
         FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
         LEFT JOIN LATERAL (
           SELECT jsonb_object_agg(x.area_id, x.n) AS by_area, jsonb_object_agg(x.area_id, x.k) AS by_area_key
             FROM (SELECT h.area_id, count(*)::int AS n, sum(${familyKeySql('p.record_key', FAMILY.attendances)})::bigint AS k
                     FROM booking b JOIN person p ON p.id = b.person_id
                     CROSS JOIN LATERAL (SELECT ${HOME_AT('b.person_id', MONTH_START(MONTH_NUMBER('s.starts_at')))} AS area_id) h
                    WHERE b.session_id = s.id AND b.status = 'ATTENDED' AND s.cancelled_at IS NULL
                      AND h.area_id IS NOT NULL
                    GROUP BY h.area_id) x) came ON true
        WHERE s.id = $1`,
      [sessionId],
    );
    if (!now) return undefined;
    const months = new Deltas<[number, string, string]>();
    const give = (c: SessionContribution, sign: number) => {
      const month = monthOfDay(c.day);
      const set = interestSetOf(c.interestIds);
      for (const [area, n] of Object.entries(c.byArea))
        months.add([month, area, set], [0, sign * n, sign * Number(c.byAreaKey?.[area] ?? 0)]);
      if (c.held) months.add([month, c.venueAreaId, set], [sign, 0, 0]);
    };
    if (before) give(before, -1);
    give(now, 1);
    await this.addTo(
      'participation_month_set',
      [MONTH, AREA, ['interest_set', 'text']],
      ['sessions_held', 'attendances', 'attendances_key'],
      months.entries(),
    );
    await this.db.query(
      `INSERT INTO participation_session (session_id, day, venue_area_id, interest_ids, held, by_area, by_area_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (session_id) DO UPDATE SET day = EXCLUDED.day, venue_area_id = EXCLUDED.venue_area_id,
         interest_ids = EXCLUDED.interest_ids, held = EXCLUDED.held, by_area = EXCLUDED.by_area,
         by_area_key = EXCLUDED.by_area_key`,
      [
        sessionId,
        now.day,
        now.venueAreaId,
        now.interestIds,
        now.held,
        JSON.stringify(now.byArea),
        JSON.stringify(now.byAreaKey),
      ],
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
    const types = [...keys.map(([, type]) => type), ...figures.map(() => 'bigint')];
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
   * left or gained taken from or added to the monthly counts, each where they lived then.
   */
  async refreshPeople(personIds: readonly string[]): Promise<void> {
    if (personIds.length === 0) return;
    const ids = [...new Set(personIds)].sort();
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 31)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [ids],
    );
    const goneMembers = await this.db.query<MonthsRow>(
      `DELETE FROM participant WHERE person_id = ANY($1) RETURNING ${MEMBER_FIGURES}`,
      [ids],
    );
    const goneInterests = await this.db.query<MonthsRow>(
      `DELETE FROM participant_interest WHERE person_id = ANY($1) RETURNING ${INTEREST_FIGURES}`,
      [ids],
    );
    const madeMembers = await this.db.query<MonthsRow>(
      `${PARTICIPANT_ROWS('b.person_id = ANY($1)')} RETURNING ${MEMBER_FIGURES}`,
      [ids],
    );
    const madeInterests = await this.db.query<MonthsRow>(
      `${PARTICIPANT_INTEREST_ROWS('b.person_id = ANY($1)')} RETURNING ${INTEREST_FIGURES}`,
      [ids],
    );
    const months = new Deltas<[number, string]>();
    const interestMonths = new Deltas<[number, string, string]>();
    const firsts = new Deltas<[number, string, number]>();
    const interestFirsts = new Deltas<[number, string, string]>();
    const reach = new Deltas<[number, string, string, number]>();
    const interestReach = new Deltas<[number, string, string, number]>();
    const answerReach = new Deltas<[number, string, string, string, number]>();
    const count = (rows: MonthsRow[], sign: number) => {
      for (const row of rows) {
        const key = Number(row.recordKey);
        const byInterest = Boolean(row.interestId);
        const once = counted(
          true,
          sign,
          key,
          byInterest ? FAMILY.interestParticipants : FAMILY.participants,
        );
        const first = counted(
          true,
          sign,
          key,
          byInterest ? FAMILY.interestFirstTimers : FAMILY.firstTimers,
        );
        const back = counted(
          row.returned,
          sign,
          key,
          byInterest ? FAMILY.interestReturned : FAMILY.returned,
        );
        if (row.areaId) {
          const figures = [first[0], back[0], first[1], back[1]];
          if (row.interestId)
            interestFirsts.add([row.firstMonth, row.areaId, row.interestId], figures);
          else
            firsts.add(
              [row.firstMonth, row.areaId, row.days ?? 0],
              [...figures, counted(true, sign, key, FAMILY.daysToFirst)[1]],
            );
        }
        row.months.forEach((month, i) => {
          const area = row.monthAreas[i];
          if (!area) return;
          if (row.interestId) interestMonths.add([month, area, row.interestId], once);
          else months.add([month, area], once);
        });
        if (row.interestId) {
          for (const [area, inArea] of monthsByArea(row.months, row.monthAreas))
            for (const [a, next] of reachOf(inArea))
              interestReach.add([a, area, row.interestId, next], once);
          continue;
        }
        const answered = (row.answers ?? []).map((qa) => qa.split(':') as [string, string]);
        for (const [area, inArea] of monthsByArea(row.months, row.monthAreas))
          for (const [a, next] of reachOf(inArea)) {
            reach.add([a, area, row.ageBand ?? '', next], once);
            for (const [question, answer] of answered)
              answerReach.add([a, area, question, answer, next], [sign]);
          }
      }
    };
    count(goneMembers, -1);
    count(goneInterests, -1);
    count(madeMembers, 1);
    count(madeInterests, 1);
    await this.addTo(
      'participant_month',
      [MONTH, AREA],
      ['participants', 'participants_key'],
      months.entries(),
    );
    await this.addTo(
      'participant_interest_month',
      [MONTH, AREA, INTEREST],
      ['participants', 'participants_key'],
      interestMonths.entries(),
    );
    await this.addTo(
      'participant_first',
      [MONTH, AREA, ['days', 'int']],
      FIRST_BY_DAYS,
      firsts.entries(),
    );
    await this.addTo(
      'participant_reach',
      [['start_month', 'int'], AREA, ['age_band', 'text'], ['next_month', 'int']],
      ['people', 'people_key'],
      reach.entries(),
    );
    await this.addTo(
      'participant_interest_reach',
      [['start_month', 'int'], AREA, INTEREST, ['next_month', 'int']],
      ['people', 'people_key'],
      interestReach.entries(),
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
      FIRST,
      interestFirsts.entries(),
    );
    await this.refreshJoiners(ids);
  }

  /**
   * A member whose profile changed (home, interests, age band): their rows rewritten as they
   * are now, under the upkeep lock. Call inside a transaction. A first home places what they
   * came to before it; a later move changes no month already begun (each is counted where they
   * lived at its start), so the sessions worked out again give what they gave.
   */
  async rollUpMember(personId: string, moved = false): Promise<void> {
    await this.db.query(
      `SELECT pg_advisory_xact_lock_shared(hashtextextended('participation-rebuild', 29))`,
    );
    // Every session's lock first, in order, before any row is touched, then the member's, as
    // the attendance jobs take theirs.
    const sessions = moved
      ? await this.db.query<{ id: string }>(
          `SELECT DISTINCT b.session_id AS id FROM booking b
            WHERE b.person_id = $1 AND b.status = 'ATTENDED' ORDER BY 1`,
          [personId],
        )
      : [];
    await this.db.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(id::text, 29)) FROM unnest($1::uuid[]) id ORDER BY id`,
      [sessions.map((session) => session.id)],
    );
    for (const session of sessions) await this.sessionContribution(session.id);
    await this.refreshPeople([personId]);
  }

  /**
   * Each person's joining row rewritten (month joined, where they lived at its start, interests,
   * whether they came in their third and sixth months, from the participant rows just written),
   * and the difference applied to the joiners' monthly counts. Under the per-member lock.
   */
  private async refreshJoiners(ids: readonly string[]): Promise<void> {
    const gone = await this.db.query<JoinRow>(
      `DELETE FROM member_join WHERE person_id = ANY($1) RETURNING ${JOIN_FIGURES}`,
      [ids],
    );
    const made = await this.db.query<JoinRow>(
      `${JOIN_ROWS(
        'p.id = ANY($1)',
        `(SELECT k.person_id, CASE WHEN k.ids = '' THEN '{}'::uuid[] ELSE string_to_array(k.ids, ',')::uuid[] END AS interest_ids
            FROM unnest($2::uuid[], $3::text[]) AS k(person_id, ids))`,
      )} RETURNING ${JOIN_FIGURES}`,
      [ids, gone.map((g) => g.personId), gone.map((g) => g.interestIds.join(','))],
    );
    const months = new Deltas<[number, string]>();
    const interests = new Deltas<[number, string, string]>();
    for (const [rows, sign] of [
      [gone, -1],
      [made, 1],
    ] as const)
      for (const row of rows) {
        const key = Number(row.recordKey);
        const figures = (families: [string, string, string]) => {
          const [n, nk] = counted(true, sign, key, families[0]);
          const [a3, a3k] = counted(row.active3, sign, key, families[1]);
          const [a6, a6k] = counted(row.active6, sign, key, families[2]);
          return [n, a3, a6, nk, a3k, a6k];
        };
        months.add(
          [row.month, row.areaId],
          figures([FAMILY.newMembers, FAMILY.active3, FAMILY.active6]),
        );
        const byInterest = figures([
          FAMILY.interestNewMembers,
          FAMILY.interestActive3,
          FAMILY.interestActive6,
        ]);
        for (const interest of row.interestIds)
          interests.add([row.month, row.areaId, interest], byInterest);
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
    // The interests members gave when they joined, for months already over: kept as they are.
    await this.db.query(
      `CREATE TEMPORARY TABLE kept_join_interests ON COMMIT DROP AS
       SELECT person_id, interest_ids FROM member_join WHERE month < ${MONTH_NUMBER('now()')}`,
    );
    // Deleted, not truncated: reports go on reading the rows as they were until this commits
    // (a TRUNCATE would hold them all up for the whole rebuild).
    for (const table of REBUILT) await this.db.query(`DELETE FROM ${table}`);
    // Where each attendee lived at the start of each month they came in, found once per
    // person and month.
    const [sessions] = await this.db.query<{ n: number }>(
      `WITH came_month AS (
         SELECT DISTINCT b.person_id, ${MONTH_NUMBER('s.starts_at')} AS month
           FROM booking b JOIN session s ON s.id = b.session_id WHERE ${ATTENDED}),
       lived AS (
         SELECT c.person_id, c.month, ${HOME_AT('c.person_id', MONTH_START('c.month'))} AS area_id FROM came_month c),
       came AS (
         SELECT b.session_id, l.area_id, count(*)::int AS n,
                sum(${familyKeySql('p.record_key', FAMILY.attendances)})::bigint AS k
           FROM booking b JOIN session s ON s.id = b.session_id JOIN person p ON p.id = b.person_id
           JOIN lived l ON l.person_id = b.person_id AND l.month = ${MONTH_NUMBER('s.starts_at')}
          WHERE ${ATTENDED} AND l.area_id IS NOT NULL
          GROUP BY b.session_id, l.area_id),
       held AS (
         SELECT DISTINCT b.session_id FROM booking b JOIN session s ON s.id = b.session_id WHERE ${ATTENDED}),
       made AS (
         INSERT INTO participation_session (session_id, day, venue_area_id, interest_ids, held, by_area, by_area_key)
         SELECT s.id, (s.starts_at AT TIME ZONE 'Europe/London')::date, v.area_id,
                coalesce((SELECT array_agg(ai.interest_id ORDER BY ai.interest_id) FROM activity_interest ai
                           WHERE ai.activity_id = s.activity_id), '{}'),
                true,
                coalesce(jsonb_object_agg(c.area_id, c.n) FILTER (WHERE c.area_id IS NOT NULL), '{}'),
                coalesce(jsonb_object_agg(c.area_id, c.k) FILTER (WHERE c.area_id IS NOT NULL), '{}')
           FROM held h JOIN session s ON s.id = h.session_id LEFT JOIN came c ON c.session_id = s.id
           JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
          GROUP BY s.id, v.area_id
         RETURNING 1)
       SELECT count(*)::int AS n FROM made`,
    );
    await this.db.query(
      `INSERT INTO participation_month_set (month, area_id, interest_set, sessions_held, attendances, attendances_key)
       SELECT month, area_id, interest_set, sum(held)::int, sum(attendances)::int, sum(k)::bigint FROM (
         SELECT extract(year FROM ps.day)::int * 12 + extract(month FROM ps.day)::int - 1 AS month,
                ps.venue_area_id AS area_id, array_to_string(ps.interest_ids, ',') AS interest_set,
                1 AS held, 0 AS attendances, 0::bigint AS k
           FROM participation_session ps WHERE ps.held
         UNION ALL
         SELECT extract(year FROM ps.day)::int * 12 + extract(month FROM ps.day)::int - 1,
                x.key::uuid, array_to_string(ps.interest_ids, ','), 0, x.value::int, (ps.by_area_key ->> x.key)::bigint
           FROM participation_session ps, jsonb_each_text(ps.by_area) x) parts
       GROUP BY month, area_id, interest_set`,
    );
    await this.db.query(PARTICIPANT_ROWS('true'));
    await this.db.query(PARTICIPANT_INTEREST_ROWS('true'));
    await this.db.query(
      `INSERT INTO participant_month (month, area_id, participants, participants_key)
       SELECT u.m, u.area, count(*)::int, sum(${familyKeySql('t.record_key', FAMILY.participants)})::bigint
         FROM participant t, unnest(t.months, t.month_areas) u(m, area) WHERE u.area IS NOT NULL
        GROUP BY u.m, u.area`,
    );
    await this.db.query(
      `INSERT INTO participant_interest_month (month, area_id, interest_id, participants, participants_key)
       SELECT u.m, u.area, t.interest_id, count(*)::int,
              sum(${familyKeySql('t.record_key', FAMILY.interestParticipants)})::bigint
         FROM participant_interest t, unnest(t.months, t.month_areas) u(m, area) WHERE u.area IS NOT NULL
        GROUP BY u.m, u.area, t.interest_id`,
    );
    const returned = `second_at < first_at + interval '30 days'`;
    const firstsOf = (table: string, by: string, families: [string, string], more = '') =>
      `SELECT ${MONTH_NUMBER('first_at')}, area_id, ${by}, count(*)::int,
              count(*) FILTER (WHERE ${returned})::int,
              sum(${familyKeySql('record_key', families[0])})::bigint,
              coalesce(sum(${familyKeySql('record_key', families[1])}) FILTER (WHERE ${returned}), 0)::bigint${more}
         FROM ${table} WHERE area_id IS NOT NULL GROUP BY 1, 2, 3`;
    await this.db.query(
      `INSERT INTO participant_first (month, area_id, days, ${FIRST_BY_DAYS.join(', ')})
       ${firstsOf('participant', DAYS_OF, [FAMILY.firstTimers, FAMILY.returned], `, sum(${familyKeySql('record_key', FAMILY.daysToFirst)})::bigint`)}`,
    );
    await this.db.query(
      `INSERT INTO participant_interest_first (month, area_id, interest_id, ${FIRST.join(', ')})
       ${firstsOf('participant_interest', 'interest_id', [FAMILY.interestFirstTimers, FAMILY.interestReturned])}`,
    );
    // Each member's months in each area they lived in, and for each month a report could start
    // in, the first of them at or after it.
    const reachRows = (
      table: string,
      columns: string,
    ) => `SELECT t.record_key, ${columns}, x.area, a,
              (SELECT min(m) FROM unnest(x.months) m WHERE m >= a) AS next
         FROM ${table} t
         CROSS JOIN LATERAL (SELECT u.area, array_agg(u.m) AS months FROM unnest(t.months, t.month_areas) u(m, area)
                              WHERE u.area IS NOT NULL GROUP BY u.area) x,
              generate_series((SELECT min(m) FROM unnest(x.months) m) - $1::int,
                              (SELECT max(m) FROM unnest(x.months) m)) a`;
    await this.db.query(
      `INSERT INTO participant_reach (start_month, area_id, age_band, next_month, people, people_key)
       SELECT r.a, r.area, coalesce(r.age_band, ''), r.next, count(*)::int,
              sum(${familyKeySql('r.record_key', FAMILY.participants)})::bigint
         FROM (${reachRows('participant', 't.age_band')}) r GROUP BY 1, 2, 3, 4`,
      [REACH_LOOKBACK_MONTHS],
    );
    await this.db.query(
      `INSERT INTO participant_interest_reach (start_month, area_id, interest_id, next_month, people, people_key)
       SELECT r.a, r.area, r.interest_id, r.next, count(*)::int,
              sum(${familyKeySql('r.record_key', FAMILY.interestParticipants)})::bigint
         FROM (${reachRows('participant_interest', 't.interest_id')}) r
        GROUP BY 1, 2, 3, 4`,
      [REACH_LOOKBACK_MONTHS],
    );
    await this.db.query(
      `INSERT INTO participant_answer_reach (start_month, area_id, question, answer, next_month, people)
       SELECT r.a, r.area, split_part(qa, ':', 1), split_part(qa, ':', 2), r.next, count(*)::int
         FROM (${reachRows('participant', 't.answers')} WHERE cardinality(t.answers) > 0) r, unnest(r.answers) qa
        GROUP BY 1, 2, 3, 4, 5`,
      [REACH_LOOKBACK_MONTHS],
    );
    await this.db.query(JOIN_ROWS('true', 'kept_join_interests'));
    await this.db.query(`DROP TABLE kept_join_interests`);
    const joinedFigures = (families: [string, string, string]) => `count(*)::int,
       count(*) FILTER (WHERE active3)::int, count(*) FILTER (WHERE active6)::int,
       sum(${familyKeySql('record_key', families[0])})::bigint,
       coalesce(sum(${familyKeySql('record_key', families[1])}) FILTER (WHERE active3), 0)::bigint,
       coalesce(sum(${familyKeySql('record_key', families[2])}) FILTER (WHERE active6), 0)::bigint`;
    await this.db.query(
      `INSERT INTO member_join_month (month, area_id, ${JOINED.join(', ')})
       SELECT month, area_id, ${joinedFigures([FAMILY.newMembers, FAMILY.active3, FAMILY.active6])}
         FROM member_join GROUP BY month, area_id`,
    );
    await this.db.query(
      `INSERT INTO member_join_month_interest (month, area_id, interest_id, ${JOINED.join(', ')})
       SELECT month, area_id, interest_id, ${joinedFigures([FAMILY.interestNewMembers, FAMILY.interestActive3, FAMILY.interestActive6])}
         FROM member_join, unnest(interest_ids) interest_id GROUP BY month, area_id, interest_id`,
    );
    const [participants] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM participant`,
    );
    return { sessions: sessions.n, participants: participants.n };
  }
}

/**
 * The months of a person's attendance times `t` (an array column of c), each with where they
 * lived at its start: as two arrays in month order, `months` and `month_areas`.
 */
const MONTHS_AND_AREAS = (person: string, times: string) => `
  CROSS JOIN LATERAL (
    SELECT array_agg(d.m ORDER BY d.m) AS months,
           array_agg(${HOME_AT(person, MONTH_START('d.m'))} ORDER BY d.m) AS month_areas
      FROM (SELECT DISTINCT ${MONTH_NUMBER('x')} AS m FROM unnest(${times}) x) d) pm`;

/**
 * A participant row for each person matching `where` (over booking b) who has come to
 * anything: first and second time, months and where they lived at each one's start (the first
 * month's area is where their first time is counted), and whether they came in their third and
 * sixth month of membership (from joining + 2 months to joining + 3, and + 5 to + 6).
 */
const PARTICIPANT_ROWS = (where: string) => `
  INSERT INTO participant (person_id, area_id, lsoa_code, joined_at, first_at, second_at, months, month_areas,
                           active_month3, active_month6, age_band, answers, record_key)
  SELECT c.person_id, pm.month_areas[1],
         (SELECT l.code FROM area l WHERE l.kind = 'lsoa' AND mp.home IS NOT NULL
             AND ST_Contains(l.boundary, mp.home::geometry) LIMIT 1),
         p.created_at, c.times[1], c.times[2], pm.months, pm.month_areas,
         EXISTS (SELECT 1 FROM unnest(c.times) t WHERE t >= p.created_at + interval '2 months' AND t < p.created_at + interval '3 months'),
         EXISTS (SELECT 1 FROM unnest(c.times) t WHERE t >= p.created_at + interval '5 months' AND t < p.created_at + interval '6 months'),
         mp.age_band,
         array_remove(ARRAY[${EQUALITY_QUESTIONS.map((q) => `'${q.key}:' || e.${q.column}`).join(', ')}]::text[], NULL),
         p.record_key
    FROM (SELECT b.person_id, array_agg(s.starts_at ORDER BY s.starts_at) AS times
            FROM booking b JOIN session s ON s.id = b.session_id
           WHERE ${where} AND ${ATTENDED}
           GROUP BY b.person_id) c
    ${MONTHS_AND_AREAS('c.person_id', 'c.times')}
    JOIN person p ON p.id = c.person_id
    JOIN member_profile mp ON mp.person_id = c.person_id
    LEFT JOIN equality_monitoring e ON e.person_id = c.person_id`;

const PARTICIPANT_INTEREST_ROWS = (where: string) => `
  INSERT INTO participant_interest (person_id, interest_id, area_id, first_at, second_at, months, month_areas, record_key)
  SELECT c.person_id, c.interest_id, pm.month_areas[1], c.times[1], c.times[2], pm.months, pm.month_areas, p.record_key
    FROM (SELECT b.person_id, ai.interest_id, array_agg(s.starts_at ORDER BY s.starts_at) AS times
            FROM booking b JOIN session s ON s.id = b.session_id
            JOIN activity_interest ai ON ai.activity_id = s.activity_id
           WHERE ${where} AND ${ATTENDED}
           GROUP BY b.person_id, ai.interest_id) c
    ${MONTHS_AND_AREAS('c.person_id', 'c.times')}
    JOIN person p ON p.id = c.person_id`;
