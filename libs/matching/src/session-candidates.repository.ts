import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import { WEEKDAY_NUMBER } from '@kith/community';
import type { Weekday } from '@kith/community';
import type { InterestPopularity, MemberForMatching, SessionCandidate } from './session-scoring';
import type { MatchingSurroundings } from './matching-advice';

export interface MemberRow {
  home: string | null;
  radius: number;
  needs: string[];
  goals: string[];
  interestIds: string[];
  chosenGroups: string[];
  triedGroups: string[];
  availability: { weekday: Weekday; startMinute: number; endMinute: number }[];
  blocked: string[];
  known: string[];
  holding: string[];
}

/** What session matching knows of the member: their own data only, never shown to others. */
export interface MatchingMember extends MemberForMatching {
  hasHome: boolean;
  /** The home as hex EWKB, passed back to Postgres only. */
  home: string | null;
  needs: string[];
  /** People blocked either way. */
  blocked: string[];
  /**
   * People whose plans the member may see ("people you know going"): contacts both confirmed
   * (an accepted introduction, or each named the other), who chose to be shown as going, with
   * neither having hidden or blocked the other. A tie from a session or from help alone is never
   * enough: it was made without asking either of them.
   */
  known: string[];
  /** Sessions the member holds a place at, or waits for: never suggested again. */
  holding: string[];
}

/** The member's side of session matching, in one round trip. */
export const MATCHING_MEMBER_SQL = `SELECT mp.home::text AS home, mp.travel_radius_metres AS radius, mp.accessibility_needs::text[] AS needs, mp.goals,
       COALESCE((SELECT array_agg(interest_id) FROM member_interest WHERE person_id = mp.person_id), '{}') AS "interestIds",
       COALESCE((SELECT array_agg(DISTINCT i.group_slug) FROM member_interest mi JOIN interest i ON i.id = mi.interest_id
                  WHERE mi.person_id = mp.person_id), '{}') AS "chosenGroups",
       COALESCE((SELECT array_agg(DISTINCT i.group_slug) FROM booking b
                   JOIN session s ON s.id = b.session_id
                   JOIN activity_interest ai ON ai.activity_id = s.activity_id
                   JOIN interest i ON i.id = ai.interest_id
                  WHERE b.person_id = mp.person_id AND b.status = 'ATTENDED'), '{}') AS "triedGroups",
       COALESCE((SELECT json_agg(json_build_object('weekday', weekday, 'startMinute', start_minute, 'endMinute', end_minute))
                   FROM availability_window WHERE person_id = mp.person_id), '[]') AS availability,
       ARRAY(SELECT blocked_id FROM block WHERE blocker_id = mp.person_id
             UNION SELECT blocker_id FROM block WHERE blocked_id = mp.person_id) AS blocked,
       -- Ties are kept as contacts happen (network): reading them is two index lookups, where
       -- scanning every session the member ever attended was a fifth of the candidate query.
       -- Only confirmed ties, of people who chose to be seen going, neither hiding nor blocking
       -- the other: whose plans may be shown to this member.
       to_json(ARRAY(SELECT k.other FROM (
               SELECT person_b AS other FROM tie WHERE person_a = mp.person_id AND confirmed
               UNION ALL SELECT person_a FROM tie WHERE person_b = mp.person_id AND confirmed) k
              JOIN member_profile seen ON seen.person_id = k.other AND seen.show_me_going
              WHERE NOT EXISTS (SELECT 1 FROM contact_setting cs
                                 WHERE cs.hidden_at IS NOT NULL
                                   AND ((cs.owner_id = mp.person_id AND cs.person_id = k.other)
                                     OR (cs.owner_id = k.other AND cs.person_id = mp.person_id)))
                AND NOT EXISTS (SELECT 1 FROM block b
                                 WHERE (b.blocker_id = mp.person_id AND b.blocked_id = k.other)
                                    OR (b.blocker_id = k.other AND b.blocked_id = mp.person_id)))) AS known,
       -- Only upcoming sessions can be candidates, and their bookings are BOOKED or WAITLISTED
       -- (attendance comes after): a short list, checked per candidate without a probe.
       to_json(ARRAY(SELECT session_id FROM booking
              WHERE person_id = mp.person_id AND status IN ('BOOKED', 'WAITLISTED'))) AS holding
  FROM member_profile mp WHERE mp.person_id = $1`;

/**
 * Upcoming sessions near the member, nearest first, read straight from the GiST index over each
 * session's (location, starts_at): the nearest $6 sessions in the window that are not cancelled,
 * have a place or a short waitlist and meet the member's access needs. Then, on those few rows
 * only: the travel radius, an approved activity, not already booked, nobody blocked either way
 * running it, its interests (ids: labels come from the cached catalogue), and the first names of
 * the people going whose plans the member may see ($10, MatchingMember.known).
 * Who else is going changes nothing else: a session left out because someone blocked is going
 * would tell either of the two where the other will be, by its absence from the list.
 * $1 sessions the member already holds a place at (or waits for), $2 home, $3 radius,
 * $4/$5 window, $6 how many nearest to read, $7 how many to keep, $8 access needs, $9 blocked,
 * $10 known people.
 */
export const SESSION_CANDIDATES_SQL = `WITH near AS MATERIALIZED (
  SELECT s.id, s.activity_id, s.starts_at, s.booked_count, s.location <-> $2::geography AS metres
    FROM session s
   WHERE s.starts_at > $4 AND s.starts_at < $5 AND s.cancelled_at IS NULL
     AND (s.booked_count < s.capacity OR s.waitlist_count < 5)
     AND s.accessibility @> $8::accessibility_feature[]
   ORDER BY s.location <-> $2::geography
   LIMIT $6),
stats AS (SELECT count(*)::int AS read, max(metres) AS reach FROM near)
SELECT stats.read AS "nearRead", stats.reach AS "nearReach", c.*
  FROM stats LEFT JOIN LATERAL (
    SELECT n.id AS "sessionId", n.activity_id AS "activityId",
           (extract(epoch FROM n.starts_at) * 1000)::float8 AS "startsAtMs",
           n.metres AS "distanceMetres", n.booked_count AS "bookedCount",
           to_json(ARRAY(SELECT ai.interest_id FROM activity_interest ai WHERE ai.activity_id = n.activity_id)) AS "interestIds",
           CASE WHEN cardinality($10::uuid[]) = 0 THEN '[]'::json ELSE
             COALESCE((SELECT json_agg(split_part(p.display_name, ' ', 1) ORDER BY p.display_name)
                         FROM booking b JOIN person p ON p.id = b.person_id
                        WHERE b.session_id = n.id AND b.status = 'BOOKED' AND b.person_id = ANY($10::uuid[])), '[]'::json) END AS "knownGoing"
      FROM near n
      JOIN activity a ON a.id = n.activity_id AND a.status = 'APPROVED'
     WHERE n.metres <= $3
       AND n.id <> ALL($1::uuid[])
       AND (cardinality($9::uuid[]) = 0 OR a.created_by <> ALL($9::uuid[]))
     ORDER BY n.metres, n.starts_at
     LIMIT $7) c ON true
 ORDER BY c."distanceMetres", c."startsAtMs"`;

/**
 * Why the candidate query finds nothing, or what it finds: the sessions of the window within the
 * radius ($2) that the candidate query's hard filters would look at (approved, not cancelled,
 * nobody blocked running it), counted by what keeps each out; the nearest one's missing access
 * features; and the nearest that would fit beyond the radius, up to $8. Distances as the
 * candidate query measures them (on the sphere). $1 home, $3/$4 window, $5 access needs,
 * $6 blocked, $7 held.
 */
const SURROUNDINGS_SQL = `WITH reach AS MATERIALIZED (
  SELECT s.id, s.starts_at, s.accessibility, s.location <-> $1::geography AS metres,
         (s.booked_count < s.capacity OR s.waitlist_count < 5) AS open,
         s.id = ANY($7::uuid[]) AS held,
         s.accessibility @> $5::accessibility_feature[] AS meets
    FROM session s JOIN activity a ON a.id = s.activity_id AND a.status = 'APPROVED'
   WHERE ST_DWithin(s.location, $1::geography, $2, false)
     AND s.starts_at > $3 AND s.starts_at < $4 AND s.cancelled_at IS NULL
     AND (cardinality($6::uuid[]) = 0 OR a.created_by <> ALL($6::uuid[])))
SELECT (SELECT count(*)::int FROM reach WHERE meets AND open AND NOT held) AS suggestible,
       (SELECT count(*)::int FROM reach WHERE meets AND NOT open AND NOT held) AS "fullNearby",
       (SELECT count(*)::int FROM reach WHERE meets AND held) AS "heldNearby",
       (SELECT to_json(ARRAY(SELECT f FROM unnest($5::accessibility_feature[]) f
                              WHERE NOT f = ANY(r.accessibility) ORDER BY f))
          FROM reach r WHERE open AND NOT held ORDER BY metres LIMIT 1) AS "nearestMissing",
       to_json(ARRAY(SELECT (extract(epoch FROM starts_at) * 1000)::float8 FROM reach
                      WHERE meets AND open AND NOT held ORDER BY metres LIMIT 50)) AS "suggestibleStarts",
       (SELECT s.location <-> $1::geography
          FROM session s JOIN activity a ON a.id = s.activity_id AND a.status = 'APPROVED'
         WHERE s.starts_at > $3 AND s.starts_at < $4 AND s.cancelled_at IS NULL
           AND (s.booked_count < s.capacity OR s.waitlist_count < 5)
           AND s.accessibility @> $5::accessibility_feature[]
           AND s.id <> ALL($7::uuid[])
           AND (cardinality($6::uuid[]) = 0 OR a.created_by <> ALL($6::uuid[]))
           AND NOT ST_DWithin(s.location, $1::geography, $2, false)
           AND ST_DWithin(s.location, $1::geography, $8, false)
         ORDER BY s.location <-> $1::geography LIMIT 1) AS "nearestFurtherMetres"`;

export interface CandidateQuery {
  /** Sessions the member holds a place at or waits for. */
  holding: string[];
  home: string;
  radiusMetres: number;
  from: Date;
  until: Date;
  needs: string[];
  blocked: string[];
  known: string[];
  limit: number;
}

/** A candidate as the repository gives it: its interests as ids, to be looked up in the catalogue. */
export type CandidateRow = Omit<SessionCandidate, 'interests'> & { interestIds: string[] };

/**
 * As the SQL gives it. Arrays come as JSON and the start as epoch milliseconds: parsing two
 * hundred Postgres arrays and timestamps per request cost more than the scoring.
 */
type SqlCandidate = Omit<CandidateRow, 'startsAt'> & { startsAtMs: number };
/** One row even when nothing passed: how far the index read got, and the candidates if any. */
type ReadRow = { nearRead: number; nearReach: number | null } & (
  SqlCandidate | { [K in keyof SqlCandidate]: null }
);

/** The SQL half of session matching: hard filters here, scoring in pure functions. */
@Injectable()
export class SessionCandidateRepository {
  constructor(private readonly db: Db) {}

  async member(personId: string): Promise<MatchingMember | undefined> {
    const [row] = await this.db.query<MemberRow>(MATCHING_MEMBER_SQL, [personId], {
      prepare: true,
    });
    if (!row) return undefined;
    return {
      hasHome: row.home !== null,
      home: row.home,
      needs: row.needs,
      blocked: row.blocked,
      known: row.known,
      holding: row.holding,
      radiusMetres: row.radius,
      goals: new Set(row.goals),
      interestIds: new Set(row.interestIds),
      chosenGroups: new Set(row.chosenGroups),
      triedGroups: new Set(row.triedGroups),
      availability: row.availability.map((w) => ({
        weekday: WEEKDAY_NUMBER[w.weekday],
        startMinute: w.startMinute,
        endMinute: w.endMinute,
      })),
    };
  }

  /**
   * The nearest `limit` sessions passing every filter. The index hands over the nearest few
   * hundred in the window; when filters after it (radius aside) leave too few and there may be
   * more inside the radius, it reads four times as many, so the answer is exact, not sampled.
   */
  async candidates(query: CandidateQuery): Promise<CandidateRow[]> {
    for (let read = Math.ceil(query.limit * 1.5); ; read *= 4) {
      const rows = await this.db.query<ReadRow>(
        SESSION_CANDIDATES_SQL,
        [
          query.holding,
          query.home,
          query.radiusMetres,
          query.from,
          query.until,
          read,
          query.limit,
          query.needs,
          query.blocked,
          query.known,
        ],
        // Prepared: planning cost a third as much as running it.
        { prepare: true },
      );
      const found: CandidateRow[] = [];
      for (const row of rows) {
        if (row.sessionId === null) continue;
        found.push({
          sessionId: row.sessionId,
          activityId: row.activityId,
          startsAt: new Date(row.startsAtMs),
          distanceMetres: row.distanceMetres,
          bookedCount: row.bookedCount,
          interestIds: row.interestIds,
          knownGoing: row.knownGoing,
        });
      }
      const { nearRead, nearReach } = rows[0];
      const sawAll = nearRead < read || (nearReach ?? 0) > query.radiusMetres;
      if (found.length >= query.limit || sawAll) return found;
    }
  }

  /** What lies around the member's home that the candidate query would, or would not, find. */
  async surroundings(
    query: Omit<CandidateQuery, 'known' | 'limit'> & { maxRadiusMetres: number },
  ): Promise<MatchingSurroundings> {
    const [row] = await this.db.query<
      Omit<MatchingSurroundings, 'suggestibleStarts'> & { suggestibleStarts: number[] }
    >(SURROUNDINGS_SQL, [
      query.home,
      query.radiusMetres,
      query.from,
      query.until,
      query.needs,
      query.blocked,
      query.holding,
      query.maxRadiusMetres,
    ]);
    return { ...row, suggestibleStarts: row.suggestibleStarts.map((ms) => new Date(ms)) };
  }

  /** The first names of `known` people booked at each session given (display names: first names). */
  knownGoing(
    sessionIds: readonly string[],
    known: readonly string[],
  ): Promise<{ sessionId: string; displayName: string }[]> {
    return this.db.query<{ sessionId: string; displayName: string }>(
      `SELECT b.session_id AS "sessionId", p.display_name AS "displayName"
         FROM booking b JOIN person p ON p.id = b.person_id
        WHERE b.session_id = ANY($1::uuid[]) AND b.status = 'BOOKED' AND b.person_id = ANY($2::uuid[])
        ORDER BY p.display_name`,
      [sessionIds, known],
    );
  }

  /** How many members hold each interest, of how many members: what rarity is measured by. */
  async popularity(): Promise<InterestPopularity> {
    const [holders, [total]] = await Promise.all([
      this.db.query<{ id: string; n: number }>(
        `SELECT interest_id AS id, count(*)::int AS n FROM member_interest GROUP BY interest_id`,
      ),
      this.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM member_profile`),
    ]);
    return { members: total.n, holders: new Map(holders.map((row) => [row.id, row.n])) };
  }
}
