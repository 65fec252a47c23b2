import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { HelperCandidate } from './helper-scoring';

export interface RequestForMatching {
  memberId: string;
  areaId: string | null;
  status: string;
}

export const HELPER_CANDIDATES_SQL = `WITH r AS (
         SELECT hr.id, hr.member_id, hr.skill_id, hr.duration_minutes, hr.preferred_windows, mp.home
           FROM help_request hr JOIN member_profile mp ON mp.person_id = hr.member_id
          WHERE hr.id = $1 AND mp.home IS NOT NULL)
       SELECT hp.person_id AS "helperId", p.display_name AS "displayName",
              ST_Distance(hp.base_coarse, r.home) AS "distanceMetres", hp.travel_radius_metres AS "radiusMetres",
              (SELECT count(*)::int FROM help_assignment a JOIN help_request q ON q.id = a.request_id
                WHERE a.helper_id = hp.person_id AND q.member_id = r.member_id AND a.status = 'COMPLETED') AS "pastVisits",
              COALESCE((SELECT array_agg(a.rating) FROM help_assignment a JOIN help_request q ON q.id = a.request_id
                WHERE a.helper_id = hp.person_id AND q.member_id = r.member_id AND a.rating IS NOT NULL), '{}') AS "pastRatings",
              (SELECT COALESCE(sum(a.minutes), 0)::int FROM help_assignment a
                WHERE a.helper_id = hp.person_id AND a.status = 'COMPLETED' AND a.completed_at > now() - interval '28 days') AS "recentMinutes",
              COALESCE((SELECT array_agg(mi.interest_id) FROM member_interest mi
                WHERE mi.person_id = hp.person_id
                  AND mi.interest_id IN (SELECT interest_id FROM member_interest WHERE person_id = r.member_id)), '{}') AS "sharedInterestIds"
         FROM r
         JOIN helper_profile hp ON ST_DWithin(hp.base_coarse, r.home, hp.travel_radius_metres)
         JOIN helper_skill hs ON hs.person_id = hp.person_id AND hs.skill_id = r.skill_id
         JOIN person p ON p.id = hp.person_id
        WHERE hp.status = 'APPROVED'
          AND hp.dbs_checked_on IS NOT NULL AND (hp.dbs_expires_on IS NULL OR hp.dbs_expires_on > $2::date)
          AND hp.person_id <> r.member_id
          AND NOT EXISTS (SELECT 1 FROM block b WHERE (b.blocker_id = r.member_id AND b.blocked_id = hp.person_id)
                                                 OR (b.blocker_id = hp.person_id AND b.blocked_id = r.member_id))
          AND (jsonb_array_length(r.preferred_windows) = 0 OR EXISTS (
                SELECT 1 FROM jsonb_array_elements(r.preferred_windows) w, jsonb_array_elements(hp.availability) h
                 WHERE w->>'weekday' = h->>'weekday'
                   AND (w->>'startMinute')::int < (h->>'endMinute')::int AND (h->>'startMinute')::int < (w->>'endMinute')::int))
          AND (hp.max_minutes_per_week IS NULL OR hp.max_minutes_per_week >= r.duration_minutes + (
                SELECT COALESCE(sum(COALESCE(a.minutes, q.duration_minutes)), 0) FROM help_assignment a JOIN help_request q ON q.id = a.request_id
                 WHERE a.helper_id = hp.person_id AND a.status IN ('ACCEPTED', 'COMPLETED')
                   AND a.created_at > now() - interval '7 days'))
        ORDER BY "distanceMetres"
        LIMIT $3`;

/** Hard filters for helpers, in SQL: the rules that must never bend. */
@Injectable()
export class HelperCandidateRepository {
  constructor(private readonly db: Db) {}

  async request(requestId: string): Promise<RequestForMatching | undefined> {
    const [row] = await this.db.query<RequestForMatching>(
      `SELECT member_id AS "memberId", area_id AS "areaId", status FROM help_request WHERE id = $1`,
      [requestId],
    );
    return row;
  }

  /**
   * Approved helpers with a DBS check in date, offering the skill, with the member's home inside
   * their travel radius, free in one of the preferred windows (when any are given), under their
   * weekly cap, and not blocked either way.
   */
  candidates(requestId: string, today: string, limit: number): Promise<HelperCandidate[]> {
    // Prepared: planning this query cost more than a third of running it.
    return this.db.query<HelperCandidate>(HELPER_CANDIDATES_SQL, [requestId, today, limit], {
      prepare: true,
    });
  }
}
