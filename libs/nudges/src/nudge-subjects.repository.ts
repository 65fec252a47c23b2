import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

/**
 * Read only: the few facts of other libs' rows that a nudge is about (an introduction, a help
 * assignment, a helper's DBS check, a member's last booking), re-read when the nudge is decided.
 */
export interface IntroductionFacts {
  fromId: string;
  toId: string;
  status: string;
  fromName: string;
  toName: string;
}

export interface AssignmentFacts {
  helperId: string;
  memberId: string;
  status: string;
  minutes: number | null;
  skill: string;
  helperName: string;
  memberName: string;
}

export interface HelperDbsFacts {
  name: string;
  status: string;
  expiresOn: string | null;
  areaId: string | null;
}

export interface DueNudge {
  personId: string;
  since: Date;
}

@Injectable()
export class NudgeSubjectsRepository {
  constructor(private readonly db: Db) {}

  async introduction(id: string): Promise<IntroductionFacts | undefined> {
    const [row] = await this.db.query<IntroductionFacts>(
      `SELECT i.from_id AS "fromId", i.to_id AS "toId", i.status, f.display_name AS "fromName", t.display_name AS "toName"
         FROM introduction i JOIN person f ON f.id = i.from_id JOIN person t ON t.id = i.to_id
        WHERE i.id = $1`,
      [id],
    );
    return row;
  }

  async assignment(id: string): Promise<AssignmentFacts | undefined> {
    const [row] = await this.db.query<AssignmentFacts>(
      `SELECT a.helper_id AS "helperId", r.member_id AS "memberId", a.status, a.minutes, s.label AS skill,
              h.display_name AS "helperName", m.display_name AS "memberName"
         FROM help_assignment a JOIN help_request r ON r.id = a.request_id JOIN skill s ON s.id = r.skill_id
         JOIN person h ON h.id = a.helper_id JOIN person m ON m.id = r.member_id
        WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  async helperDbs(helperId: string): Promise<HelperDbsFacts | undefined> {
    const [row] = await this.db.query<HelperDbsFacts>(
      `SELECT p.display_name AS name, h.status, h.dbs_expires_on::text AS "expiresOn",
              COALESCE(h.approved_area_id, h.base_area_id) AS "areaId"
         FROM helper_profile h JOIN person p ON p.id = h.person_id WHERE h.person_id = $1`,
      [helperId],
    );
    return row;
  }

  /**
   * The coordinators closest to an area: those of the area itself where there are some, else of the
   * nearest area around it that has. Never the ones who coordinate everywhere (operators).
   */
  async nearestCoordinators(areaId: string | null): Promise<string[]> {
    if (!areaId) return [];
    const rows = await this.db.query<{ personId: string }>(
      `WITH RECURSIVE around AS (
         SELECT id, parent_id, 0 AS depth FROM area WHERE id = $1
         UNION ALL
         SELECT a.id, a.parent_id, around.depth + 1 FROM area a JOIN around ON a.id = around.parent_id
           WHERE around.depth < 20),
       held AS (
         SELECT g.person_id, around.depth FROM role_grant g JOIN around ON around.id = g.area_id
          WHERE g.role = 'COORDINATOR')
       SELECT DISTINCT person_id AS "personId" FROM held WHERE depth = (SELECT min(depth) FROM held)
        ORDER BY 1`,
      [areaId],
    );
    return rows.map((row) => row.personId);
  }

  /** Whether the person has left Kith (then nothing more is sent to them). */
  async hasLeft(personId: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM member_profile WHERE person_id = $1 AND left_at IS NOT NULL`,
      [personId],
    );
    return rows.length > 0;
  }

  async homeAreaOf(personId: string): Promise<string | null> {
    const [row] = await this.db.query<{ areaId: string | null }>(
      `SELECT home_area_id AS "areaId" FROM member_profile WHERE person_id = $1`,
      [personId],
    );
    return row?.areaId ?? null;
  }

  async displayName(personId: string): Promise<string | undefined> {
    const [row] = await this.db.query<{ name: string }>(
      `SELECT display_name AS name FROM person WHERE id = $1`,
      [personId],
    );
    return row?.name;
  }

  /** Whether the member booked anything (a place, or a waitlist place) after `since`. */
  async bookedSince(personId: string, since: Date): Promise<boolean> {
    const [row] = await this.db.query<{ booked: boolean }>(
      // At the millisecond `since` was carried with: the last booking itself is not "since".
      `SELECT EXISTS (SELECT 1 FROM booking WHERE person_id = $1
                        AND date_trunc('milliseconds', created_at) > $2) AS booked`,
      [personId, since],
    );
    return row.booked;
  }

  /**
   * Whether this is the member's first place in any interest group of the session's activity:
   * no other booking of theirs, ever, at an activity sharing one of its interests.
   */
  async firstInInterestGroup(bookingId: string): Promise<boolean> {
    const [row] = await this.db.query<{ first: boolean }>(
      `SELECT NOT EXISTS (
         SELECT 1 FROM booking b JOIN session s ON s.id = b.session_id
           JOIN booking o ON o.person_id = b.person_id AND o.id <> b.id
           JOIN session os ON os.id = o.session_id
           JOIN activity_interest ai ON ai.activity_id = s.activity_id
           JOIN activity_interest oi ON oi.activity_id = os.activity_id AND oi.interest_id = ai.interest_id
          WHERE b.id = $1 AND o.status IN ('BOOKED', 'ATTENDED', 'NO_SHOW')) AS first`,
      [bookingId],
    );
    return row.first;
  }

  /**
   * Who else holds a place at the booking's session, and whether each chose to be seen going
   * (only those may be the "someone going" a first visit is told of; all count).
   */
  async othersGoing(bookingId: string): Promise<{ personId: string; showsGoing: boolean }[]> {
    return this.db.query<{ personId: string; showsGoing: boolean }>(
      `SELECT o.person_id AS "personId", COALESCE(mp.show_me_going, false) AS "showsGoing"
         FROM booking b
         JOIN booking o ON o.session_id = b.session_id AND o.person_id <> b.person_id
         LEFT JOIN member_profile mp ON mp.person_id = o.person_id
        WHERE b.id = $1 AND o.status = 'BOOKED'`,
      [bookingId],
    );
  }

  /** Approved helpers whose DBS check runs out on `day` (YYYY-MM-DD). */
  async dbsRunningOutOn(day: string): Promise<{ helperId: string; expiresOn: string }[]> {
    return this.db.query(
      `SELECT person_id AS "helperId", dbs_expires_on::text AS "expiresOn" FROM helper_profile
        WHERE status = 'APPROVED' AND dbs_expires_on = $1::date`,
      [day],
    );
  }

  /**
   * Members whose last booking (or, with none, their joining) was between `from` and `to` ago:
   * the ones a gentle word (21 days) or a person's call (42 days) is due for.
   */
  async quietBetween(from: Date, to: Date, limit: number): Promise<DueNudge[]> {
    return this.db.query<DueNudge>(
      `SELECT p.id AS "personId", COALESCE(last.at, p.created_at) AS since
         FROM person p JOIN member_profile mp ON mp.person_id = p.id
         LEFT JOIN LATERAL (SELECT max(b.created_at) AS at FROM booking b WHERE b.person_id = p.id) last ON true
        WHERE COALESCE(last.at, p.created_at) > $1 AND COALESCE(last.at, p.created_at) <= $2
        ORDER BY since LIMIT $3`,
      [from, to, limit],
    );
  }

  /**
   * Surveys falling due, read from the network lib's responses: a review for each instrument
   * whose last answer was three months ago (within the week), and a baseline for members who
   * joined a week ago (within the week) and have answered nothing.
   */
  async surveysDue(
    now: Date,
    instrumentIds: readonly string[],
    limit: number,
  ): Promise<
    { personId: string; instrumentId: string; stage: 'BASELINE' | 'REVIEW'; since: Date }[]
  > {
    return this.db.query(
      `(SELECT person_id AS "personId", instrument_id AS "instrumentId", 'REVIEW' AS stage, max(created_at) AS since
          FROM survey_response GROUP BY person_id, instrument_id
         HAVING max(created_at) <= $1::timestamptz - interval '3 months'
            AND max(created_at) > $1::timestamptz - interval '3 months' - interval '7 days'
         LIMIT $3)
       UNION ALL
       (SELECT p.id, i.id, 'BASELINE', p.created_at
          FROM person p JOIN member_profile mp ON mp.person_id = p.id CROSS JOIN unnest($2::text[]) AS i(id)
         WHERE p.created_at <= $1::timestamptz - interval '7 days' AND p.created_at > $1::timestamptz - interval '14 days'
           AND NOT EXISTS (SELECT 1 FROM survey_response r WHERE r.person_id = p.id AND r.instrument_id = i.id)
         LIMIT $3)`,
      [now, instrumentIds, limit],
    );
  }

  /** Whether the member has answered the instrument since `since`. */
  async answeredSince(personId: string, instrumentId: string, since: Date): Promise<boolean> {
    const [row] = await this.db.query<{ answered: boolean }>(
      // Compared at the millisecond the job carried `since` with (its own answer is not "since").
      `SELECT EXISTS (SELECT 1 FROM survey_response WHERE person_id = $1 AND instrument_id = $2
                        AND date_trunc('milliseconds', created_at) > $3) AS answered`,
      [personId, instrumentId, since],
    );
    return row.answered;
  }
}
