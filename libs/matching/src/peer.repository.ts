import { Injectable } from '@nestjs/common';
import { WEEKDAY_NUMBER } from '@kith/community';
import type { Weekday } from '@kith/community';
import { Db } from '@kith/platform';
import type { PeerCandidate, PeerSide } from './peer-scoring';

interface PeerRow {
  personId: string;
  displayName: string;
  distanceMetres: number;
  radius: number;
  goals: string[];
  availability: { weekday: Weekday; startMinute: number; endMinute: number }[];
  shared: { id: string; label: string }[];
}

const AVAILABILITY = (
  person: string,
) => `COALESCE((SELECT json_agg(json_build_object('weekday', weekday, 'startMinute', start_minute, 'endMinute', end_minute))
  FROM availability_window WHERE person_id = ${person}), '[]')`;

export const PEER_CANDIDATES_SQL = `WITH me AS (SELECT home, travel_radius_metres AS radius FROM member_profile WHERE person_id = $1 AND home IS NOT NULL)
       SELECT p.id AS "personId", p.display_name AS "displayName", ST_Distance(mp.home_coarse, me.home) AS "distanceMetres",
              mp.travel_radius_metres AS radius, mp.goals, ${AVAILABILITY('mp.person_id')} AS availability,
              (SELECT json_agg(json_build_object('id', i.id, 'label', i.label) ORDER BY i.label)
                 FROM member_interest a JOIN member_interest b ON b.interest_id = a.interest_id AND b.person_id = $1
                 JOIN interest i ON i.id = a.interest_id WHERE a.person_id = mp.person_id AND a.shown) AS shared
         FROM me
         JOIN member_profile mp ON mp.peer_introductions AND mp.person_id <> $1 AND ST_DWithin(mp.home_coarse, me.home, me.radius)
         JOIN person p ON p.id = mp.person_id
        WHERE EXISTS (SELECT 1 FROM member_interest a JOIN member_interest b ON b.interest_id = a.interest_id
                       WHERE a.person_id = mp.person_id AND a.shown AND b.person_id = $1)
          AND NOT EXISTS (SELECT 1 FROM tie t WHERE t.person_a = LEAST($1, mp.person_id) AND t.person_b = GREATEST($1, mp.person_id)
                             AND 'INTRODUCTION' = ANY(t.sources))
          AND NOT EXISTS (SELECT 1 FROM introduction n WHERE n.pair_key = LEAST($1::text, mp.person_id::text) || ':' || GREATEST($1::text, mp.person_id::text) AND n.status = 'PENDING')
          AND NOT EXISTS (SELECT 1 FROM block k WHERE (k.blocker_id = $1 AND k.blocked_id = mp.person_id) OR (k.blocker_id = mp.person_id AND k.blocked_id = $1))
        ORDER BY "distanceMetres"
        LIMIT $2`;

function sideOf(row: Pick<PeerRow, 'radius' | 'goals' | 'availability'>): PeerSide {
  return {
    radiusMetres: row.radius,
    goals: new Set(row.goals),
    availability: row.availability.map((w) => ({ ...w, weekday: WEEKDAY_NUMBER[w.weekday] })),
  };
}

/**
 * The SQL half of peer matching. The candidate query reads network's `tie` and `introduction`
 * and identity's `block` tables (a hot read path); only those libs write them.
 */
@Injectable()
export class PeerRepository {
  constructor(private readonly db: Db) {}

  /**
   * Opted-in members within the viewer's travel radius who share an interest, excluding the
   * viewer, existing ties, pending introductions either way and blocks either way. Only the
   * candidate's shown interests count, for whether they are suggested, how they score and what
   * is said to be shared: the viewer can change their own interests between reads as often as
   * they like, and would otherwise read off every interest of every peer, one set at a time.
   */
  async candidates(personId: string, limit: number): Promise<PeerCandidate[]> {
    // Prepared: planning this query cost a quarter of running it.
    const rows = await this.db.query<PeerRow>(PEER_CANDIDATES_SQL, [personId, limit], {
      prepare: true,
    });
    return rows.map((row) => ({
      personId: row.personId,
      displayName: row.displayName,
      distanceMetres: row.distanceMetres,
      shared: row.shared ?? [],
      side: sideOf(row),
    }));
  }

  /**
   * The viewer's side of a peer match, or undefined without a home or an interest: only what
   * peer scoring reads (the session matcher's member query also gathers bookings and people).
   */
  async viewer(personId: string): Promise<PeerSide | undefined> {
    const [row] = await this.db.query<Pick<PeerRow, 'radius' | 'goals' | 'availability'>>(
      `SELECT mp.travel_radius_metres AS radius, mp.goals, ${AVAILABILITY('mp.person_id')} AS availability
         FROM member_profile mp
        WHERE mp.person_id = $1 AND mp.home IS NOT NULL
          AND EXISTS (SELECT 1 FROM member_interest mi WHERE mi.person_id = mp.person_id)`,
      [personId],
      { prepare: true },
    );
    return row && sideOf(row);
  }
}
