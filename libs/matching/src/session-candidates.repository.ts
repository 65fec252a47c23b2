import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import { WEEKDAY_NUMBER } from '@kith/community';
import type { Weekday } from '@kith/community';
import type { MemberForMatching, SessionCandidate } from './session-scoring';

export interface MemberRow {
  hasHome: boolean;
  radius: number;
  goals: string[];
  interestIds: string[];
  triedGroups: string[];
  availability: { weekday: Weekday; startMinute: number; endMinute: number }[];
}

/** The SQL half of session matching: hard filters here, scoring in pure functions. */
@Injectable()
export class SessionCandidateRepository {
  constructor(private readonly db: Db) {}

  async member(personId: string): Promise<(MemberForMatching & { hasHome: boolean }) | undefined> {
    const [row] = await this.db.query<MemberRow>(
      `SELECT mp.home IS NOT NULL AS "hasHome", mp.travel_radius_metres AS radius, mp.goals,
              COALESCE((SELECT array_agg(interest_id) FROM member_interest WHERE person_id = mp.person_id), '{}') AS "interestIds",
              COALESCE((SELECT array_agg(DISTINCT i.group_slug) FROM booking b
                          JOIN session s ON s.id = b.session_id
                          JOIN activity_interest ai ON ai.activity_id = s.activity_id
                          JOIN interest i ON i.id = ai.interest_id
                         WHERE b.person_id = mp.person_id AND b.status = 'ATTENDED'), '{}') AS "triedGroups",
              COALESCE((SELECT json_agg(json_build_object('weekday', weekday, 'startMinute', start_minute, 'endMinute', end_minute))
                          FROM availability_window WHERE person_id = mp.person_id), '[]') AS availability
         FROM member_profile mp WHERE mp.person_id = $1`,
      [personId],
    );
    if (!row) return undefined;
    return {
      hasHome: row.hasHome,
      radiusMetres: row.radius,
      goals: new Set(row.goals),
      interestIds: new Set(row.interestIds),
      triedGroups: new Set(row.triedGroups),
      availability: row.availability.map((w) => ({
        weekday: WEEKDAY_NUMBER[w.weekday],
        startMinute: w.startMinute,
        endMinute: w.endMinute,
      })),
    };
  }

  /**
   * Upcoming sessions within the member's travel radius (GiST on venue.location) in the window,
   * with a place or a short waitlist, meeting their access needs, not already booked, and with
   * nobody blocked either way running or going; nearest first.
   */
  candidates(
    personId: string,
    from: Date,
    until: Date,
    limit: number,
  ): Promise<Omit<SessionCandidate, 'interests'>[]> {
    return this.db.query(
      `WITH me AS (
         SELECT home, travel_radius_metres AS radius, accessibility_needs AS needs
           FROM member_profile WHERE person_id = $1 AND home IS NOT NULL),
       blocked AS (
         SELECT blocked_id AS id FROM block WHERE blocker_id = $1
         UNION SELECT blocker_id FROM block WHERE blocked_id = $1),
       -- People the member knows: met at a session, or connected (an accepted introduction, a tie).
       known AS (
         SELECT other.person_id AS id
           FROM booking mine JOIN booking other ON other.session_id = mine.session_id AND other.person_id <> mine.person_id
          WHERE mine.person_id = $1 AND mine.status = 'ATTENDED' AND other.status = 'ATTENDED'
         UNION
         SELECT CASE WHEN person_a = $1 THEN person_b ELSE person_a END FROM tie WHERE person_a = $1 OR person_b = $1)
       SELECT s.id AS "sessionId", s.activity_id AS "activityId", s.starts_at AS "startsAt",
              ST_Distance(v.location, me.home) AS "distanceMetres", s.booked_count AS "bookedCount",
              COALESCE((SELECT array_agg(split_part(p.display_name, ' ', 1) ORDER BY p.display_name)
                          FROM booking b JOIN person p ON p.id = b.person_id
                         WHERE b.session_id = s.id AND b.status = 'BOOKED' AND b.person_id IN (SELECT id FROM known)), '{}') AS "knownGoing"
         FROM me
         JOIN venue v ON ST_DWithin(v.location, me.home, me.radius) AND v.accessibility @> me.needs
         JOIN activity a ON a.venue_id = v.id AND a.status = 'APPROVED'
         JOIN session s ON s.activity_id = a.id
        WHERE s.cancelled_at IS NULL AND s.starts_at > $2 AND s.starts_at < $3
          AND (s.booked_count < s.capacity OR s.waitlist_count < 5)
          AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.session_id = s.id AND b.person_id = $1 AND b.status <> 'CANCELLED')
          AND a.created_by NOT IN (SELECT id FROM blocked)
          AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.session_id = s.id AND b.status = 'BOOKED' AND b.person_id IN (SELECT id FROM blocked))
        ORDER BY ST_Distance(v.location, me.home), s.starts_at
        LIMIT $4`,
      [personId, from, until, limit],
    );
  }

  interestsOf(activityIds: readonly string[]): Promise<
    {
      activityId: string;
      id: string;
      label: string;
      group: string;
      groupLabel: string;
      active: boolean;
    }[]
  > {
    return this.db.query(
      `SELECT ai.activity_id AS "activityId", i.id, i.label, i.group_slug AS group, i.group_label AS "groupLabel", i.active
         FROM activity_interest ai JOIN interest i ON i.id = ai.interest_id WHERE ai.activity_id = ANY($1::uuid[])`,
      [activityIds],
    );
  }

  async popularity(): Promise<{ members: number; holders: Map<string, number> }> {
    const rows = await this.db.query<{ id: string; n: number }>(
      `SELECT interest_id AS id, count(*)::int AS n FROM member_interest GROUP BY interest_id`,
    );
    const [total] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM member_profile`,
    );
    return { members: total.n, holders: new Map(rows.map((row) => [row.id, row.n])) };
  }
}
