import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { AvailabilityWindow } from '@kith/community';
import { helperMinutesThisWeekSql } from '@kith/help';
import type { HelperStatus } from '@kith/help';
import type { HelperCandidate } from './helper-scoring';

export interface RequestForMatching {
  memberId: string;
  areaId: string | null;
  status: string;
  skillId: string | null;
  durationMinutes: number;
  preferredWindows: AvailabilityWindow[];
  hasHome: boolean;
}

/** A candidate with the facts the eligibility rule (@kith/help helperEligibility) reads. */
export interface HelperCandidateRow extends HelperCandidate {
  status: HelperStatus;
  dbsCheckedOn: string | null;
  dbsExpiresOn: string | null;
  maxMinutesPerWeek: number | null;
  availability: AvailabilityWindow[];
  skillIds: string[];
  blockedEitherWay: boolean;
  minutesThisWeek: number;
}

/** The widest travel radius a helper may set (ck_helper_profile_radius). */
const WIDEST_RADIUS_METRES = 50_000;

const helperFactsSql = (reach: string, softRules: string) => `WITH r AS (
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
              -- Only interests the helper shows: the member may change theirs between reads.
              COALESCE((SELECT array_agg(mi.interest_id) FROM member_interest mi
                WHERE mi.person_id = hp.person_id AND mi.shown
                  AND mi.interest_id IN (SELECT interest_id FROM member_interest WHERE person_id = r.member_id)), '{}') AS "sharedInterestIds",
              hp.status, to_char(hp.dbs_checked_on, 'YYYY-MM-DD') AS "dbsCheckedOn",
              to_char(hp.dbs_expires_on, 'YYYY-MM-DD') AS "dbsExpiresOn",
              hp.max_minutes_per_week AS "maxMinutesPerWeek", hp.availability,
              ARRAY(SELECT s.skill_id::text FROM helper_skill s WHERE s.person_id = hp.person_id) AS "skillIds",
              bl.blocked AS "blockedEitherWay", wk.minutes AS "minutesThisWeek"
         FROM r
         JOIN helper_profile hp ON ${reach}
         JOIN helper_skill hs ON hs.person_id = hp.person_id AND hs.skill_id = r.skill_id
         JOIN person p ON p.id = hp.person_id
              -- A helper who has left Kith is offered nothing more.
              AND NOT EXISTS (SELECT 1 FROM member_profile gone WHERE gone.person_id = hp.person_id AND gone.left_at IS NOT NULL)
         CROSS JOIN LATERAL (
               SELECT EXISTS (SELECT 1 FROM block b WHERE (b.blocker_id = r.member_id AND b.blocked_id = hp.person_id)
                                                     OR (b.blocker_id = hp.person_id AND b.blocked_id = r.member_id)) AS blocked) bl
         CROSS JOIN LATERAL (SELECT ${helperMinutesThisWeekSql('hp.person_id')} AS minutes) wk
        WHERE hp.status = 'APPROVED'
          AND hp.dbs_checked_on IS NOT NULL AND (hp.dbs_expires_on IS NULL OR hp.dbs_expires_on > $2::date)
          AND hp.person_id <> r.member_id
          AND NOT bl.blocked${softRules}
        ORDER BY "distanceMetres"
        LIMIT $3`;

/**
 * The SQL pre-filter of the eligibility rule, every rule (hard and soft) so that LIMIT keeps the
 * nearest helpers who can take the request; the service applies the rule itself to the rows.
 */
export const HELPER_CANDIDATES_SQL = helperFactsSql(
  'ST_DWithin(hp.base_coarse, r.home, hp.travel_radius_metres)',
  `
          AND (jsonb_array_length(r.preferred_windows) = 0 OR EXISTS (
                SELECT 1 FROM jsonb_array_elements(r.preferred_windows) w, jsonb_array_elements(hp.availability) h
                 WHERE w->>'weekday' = h->>'weekday'
                   AND (w->>'startMinute')::int < (h->>'endMinute')::int AND (h->>'startMinute')::int < (w->>'endMinute')::int))
          AND (hp.max_minutes_per_week IS NULL OR hp.max_minutes_per_week >= r.duration_minutes + wk.minutes)`,
);

/** The hard rules only, out to the widest radius anyone may set: what helperMatchGaps judges. */
export const HELPER_GAP_CANDIDATES_SQL = helperFactsSql(
  `ST_DWithin(hp.base_coarse, r.home, ${WIDEST_RADIUS_METRES})`,
  '',
);

@Injectable()
export class HelperCandidateRepository {
  constructor(private readonly db: Db) {}

  async request(requestId: string): Promise<RequestForMatching | undefined> {
    const [row] = await this.db.query<RequestForMatching>(
      `SELECT hr.member_id AS "memberId", hr.area_id AS "areaId", hr.status, hr.skill_id AS "skillId",
              hr.duration_minutes AS "durationMinutes", hr.preferred_windows AS "preferredWindows",
              mp.home IS NOT NULL AS "hasHome"
         FROM help_request hr LEFT JOIN member_profile mp ON mp.person_id = hr.member_id
        WHERE hr.id = $1`,
      [requestId],
    );
    return row;
  }

  /**
   * Approved helpers with a DBS check in date, offering the skill, with the member's home inside
   * their travel radius, free in one of the preferred windows (when any are given), under their
   * weekly cap, and not blocked either way.
   */
  candidates(requestId: string, today: string, limit: number): Promise<HelperCandidateRow[]> {
    // Prepared: planning this query cost more than a third of running it.
    return this.db.query<HelperCandidateRow>(HELPER_CANDIDATES_SQL, [requestId, today, limit], {
      prepare: true,
    });
  }

  /** Helpers passing the hard rules within the widest radius, nearest first: to say why none fit. */
  gapCandidates(requestId: string, today: string, limit: number): Promise<HelperCandidateRow[]> {
    return this.db.query<HelperCandidateRow>(HELPER_GAP_CANDIDATES_SQL, [requestId, today, limit]);
  }
}
