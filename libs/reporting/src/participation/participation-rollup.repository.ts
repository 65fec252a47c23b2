import { Injectable } from '@nestjs/common';
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
}

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
    if (!now) return { attendances: 0, people: 0 };
    const days = new Deltas<[string, string]>();
    const interests = new Deltas<[string, string, string]>();
    const give = (c: SessionContribution, sign: number) => {
      const parts: [string, number, number][] = Object.entries(c.byArea).map(([area, n]) => [
        area,
        0,
        sign * n,
      ]);
      if (c.held) parts.push([c.venueAreaId, sign, 0]);
      for (const [area, held, attendances] of parts) {
        days.add([c.day, area], [held, attendances]);
        for (const interest of c.interestIds)
          interests.add([c.day, area, interest], [held, attendances]);
      }
    };
    if (before) give(before, -1);
    give(now, 1);
    await this.applyDays(days.entries(), interests.entries());
    await this.db.query(
      `INSERT INTO participation_session (session_id, day, venue_area_id, interest_ids, held, by_area)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (session_id) DO UPDATE SET day = EXCLUDED.day, venue_area_id = EXCLUDED.venue_area_id,
         interest_ids = EXCLUDED.interest_ids, held = EXCLUDED.held, by_area = EXCLUDED.by_area`,
      [sessionId, now.day, now.venueAreaId, now.interestIds, now.held, JSON.stringify(now.byArea)],
    );
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

  private async applyDays(
    days: { key: [string, string]; values: number[] }[],
    interests: { key: [string, string, string]; values: number[] }[],
  ): Promise<void> {
    if (days.length > 0)
      await this.db.query(
        `INSERT INTO participation_day (day, area_id, sessions_held, attendances)
         SELECT * FROM unnest($1::date[], $2::uuid[], $3::int[], $4::int[])
         ON CONFLICT (day, area_id) DO UPDATE
           SET sessions_held = participation_day.sessions_held + EXCLUDED.sessions_held,
               attendances = participation_day.attendances + EXCLUDED.attendances`,
        [
          days.map((d) => d.key[0]),
          days.map((d) => d.key[1]),
          days.map((d) => d.values[0]),
          days.map((d) => d.values[1]),
        ],
      );
    if (interests.length > 0)
      await this.db.query(
        `INSERT INTO participation_day_interest (day, area_id, interest_id, sessions_held, attendances)
         SELECT * FROM unnest($1::date[], $2::uuid[], $3::uuid[], $4::int[], $5::int[])
         ON CONFLICT (day, area_id, interest_id) DO UPDATE
           SET sessions_held = participation_day_interest.sessions_held + EXCLUDED.sessions_held,
               attendances = participation_day_interest.attendances + EXCLUDED.attendances`,
        [
          interests.map((d) => d.key[0]),
          interests.map((d) => d.key[1]),
          interests.map((d) => d.key[2]),
          interests.map((d) => d.values[0]),
          interests.map((d) => d.values[1]),
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
      `DELETE FROM participant WHERE person_id = ANY($1) RETURNING area_id AS "areaId", months`,
      [ids],
    );
    const goneInterests = await this.db.query<MonthsRow>(
      `DELETE FROM participant_interest WHERE person_id = ANY($1)
       RETURNING area_id AS "areaId", interest_id AS "interestId", months`,
      [ids],
    );
    const madeMembers = await this.db.query<MonthsRow>(
      `${PARTICIPANT_ROWS('b.person_id = ANY($1)')} RETURNING area_id AS "areaId", months`,
      [ids],
    );
    const madeInterests = await this.db.query<MonthsRow>(
      `${PARTICIPANT_INTEREST_ROWS('b.person_id = ANY($1)')}
       RETURNING area_id AS "areaId", interest_id AS "interestId", months`,
      [ids],
    );
    const months = new Deltas<[number, string]>();
    const interestMonths = new Deltas<[number, string, string]>();
    const count = (rows: MonthsRow[], sign: number) => {
      for (const row of rows) {
        if (!row.areaId) continue;
        for (const month of row.months)
          if (row.interestId) interestMonths.add([month, row.areaId, row.interestId], [sign]);
          else months.add([month, row.areaId], [sign]);
      }
    };
    count(goneMembers, -1);
    count(goneInterests, -1);
    count(madeMembers, 1);
    count(madeInterests, 1);
    const m = months.entries();
    if (m.length > 0)
      await this.db.query(
        `INSERT INTO participant_month (month, area_id, participants)
         SELECT * FROM unnest($1::int[], $2::uuid[], $3::int[])
         ON CONFLICT (month, area_id) DO UPDATE SET participants = participant_month.participants + EXCLUDED.participants`,
        [m.map((e) => e.key[0]), m.map((e) => e.key[1]), m.map((e) => e.values[0])],
      );
    const im = interestMonths.entries();
    if (im.length > 0)
      await this.db.query(
        `INSERT INTO participant_interest_month (month, area_id, interest_id, participants)
         SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::int[])
         ON CONFLICT (month, area_id, interest_id) DO UPDATE
           SET participants = participant_interest_month.participants + EXCLUDED.participants`,
        [
          im.map((e) => e.key[0]),
          im.map((e) => e.key[1]),
          im.map((e) => e.key[2]),
          im.map((e) => e.values[0]),
        ],
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
    await this.db.query(
      `TRUNCATE participation_session, participation_day, participation_day_interest,
                participant, participant_interest, participant_month, participant_interest_month`,
    );
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
  INSERT INTO participant (person_id, area_id, lsoa_code, joined_at, first_at, second_at, months, active_month3, active_month6)
  SELECT c.person_id, mp.home_area_id,
         (SELECT l.code FROM area l WHERE l.kind = 'lsoa' AND mp.home IS NOT NULL
             AND ST_Contains(l.boundary, mp.home::geometry) LIMIT 1),
         p.created_at, c.times[1], c.times[2], c.months,
         EXISTS (SELECT 1 FROM unnest(c.times) t WHERE t >= p.created_at + interval '2 months' AND t < p.created_at + interval '3 months'),
         EXISTS (SELECT 1 FROM unnest(c.times) t WHERE t >= p.created_at + interval '5 months' AND t < p.created_at + interval '6 months')
    FROM (SELECT b.person_id, array_agg(s.starts_at ORDER BY s.starts_at) AS times,
                 array_agg(DISTINCT ${MONTH_NUMBER('s.starts_at')}) AS months
            FROM booking b JOIN session s ON s.id = b.session_id
           WHERE ${where} AND ${ATTENDED}
           GROUP BY b.person_id) c
    JOIN person p ON p.id = c.person_id
    JOIN member_profile mp ON mp.person_id = c.person_id`;

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
