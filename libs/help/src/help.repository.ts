import { Injectable } from '@nestjs/common';
import { helperMinutesThisWeekSql } from './helper-week.sql';
import { Db, isUuid } from '@kith/platform';
import type { AvailabilityWindow } from '@kith/community';
import type { AssignmentStatus, HelperStatus, HelpRequestStatus } from './help.entities';

export interface HelperRow {
  personId: string;
  status: HelperStatus;
  baseAreaId: string | null;
  approvedAreaId: string | null;
  travelRadiusMetres: number;
  maxMinutesPerWeek: number | null;
  dbsCheckedOn: string | null;
  dbsExpiresOn: string | null;
  availability: AvailabilityWindow[];
  /** The postcode the base was placed at, when given by one. */
  basePostcode: string | null;
}

export interface RequestRow {
  id: string;
  memberId: string;
  skillId: string;
  description: string;
  durationMinutes: number;
  atHome: boolean;
  areaId: string | null;
  sessionId: string | null;
  status: HelpRequestStatus;
  preferredWindows: AvailabilityWindow[];
  /** Where to meet when not at home (the member's words); null at home. */
  meetingPlace: string | null;
  createdAt: Date;
}

/** Who is helping with a request (offered, accepted or done), as its member may see it. */
export interface RequestHelperRow {
  requestId: string;
  helperId: string;
  displayName: string;
  status: AssignmentStatus;
  scheduledAt: Date | null;
}

export interface AssignmentRow {
  id: string;
  requestId: string;
  helperId: string;
  status: AssignmentStatus;
  minutes: number | null;
  rating: number | null;
  /** Set when a coordinator assigned past a soft eligibility rule. */
  override: AssignmentOverride | null;
  /** When the helper said they will come. */
  scheduledAt: Date | null;
}

export interface AssignmentOverride {
  reason: string;
  rules: string[];
}

const HELPER = `person_id AS "personId", status, base_area_id AS "baseAreaId", approved_area_id AS "approvedAreaId",
  travel_radius_metres AS "travelRadiusMetres",
  max_minutes_per_week AS "maxMinutesPerWeek", to_char(dbs_checked_on, 'YYYY-MM-DD') AS "dbsCheckedOn",
  to_char(dbs_expires_on, 'YYYY-MM-DD') AS "dbsExpiresOn", availability, base_postcode AS "basePostcode"`;
const REQUEST = `r.id, r.member_id AS "memberId", r.skill_id AS "skillId", r.description, r.duration_minutes AS "durationMinutes",
  r.at_home AS "atHome", r.area_id AS "areaId", r.session_id AS "sessionId", r.status,
  r.preferred_windows AS "preferredWindows", r.meeting_place AS "meetingPlace", r.created_at AS "createdAt"`;
const ASSIGNMENT = `a.id, a.request_id AS "requestId", a.helper_id AS "helperId", a.status, a.minutes, a.rating, a.override,
  a.scheduled_at AS "scheduledAt"`;

@Injectable()
export class HelpRepository {
  constructor(private readonly db: Db) {}

  async unknownSkills(ids: string[]): Promise<string[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await this.db.query<{ id: string }>(`SELECT id FROM skill WHERE id = ANY($1::uuid[])`, [
          valid,
        ])
      : [];
    const known = new Set(rows.map((row) => row.id));
    return ids.filter((id) => !known.has(id));
  }

  skills(): Promise<{ id: string; slug: string; label: string }[]> {
    return this.db.query(`SELECT id, slug, label FROM skill ORDER BY label`);
  }

  skillsByIds(ids: readonly string[]): Promise<{ id: string; slug: string; label: string }[]> {
    return this.db.query(`SELECT id, slug, label FROM skill WHERE id = ANY($1::uuid[])`, [ids]);
  }

  async upsertHelper(
    personId: string,
    profile: {
      lat: number;
      lng: number;
      travelRadiusMetres: number;
      maxMinutesPerWeek: number | null;
      availability: AvailabilityWindow[];
      skillIds: string[];
      basePostcode?: string | null;
    },
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO helper_profile (person_id, base, base_area_id, travel_radius_metres, max_minutes_per_week, availability, base_postcode)
       VALUES ($1, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography,
               area_at(ST_MakePoint($2, $3)),
               $4, $5, $6, $7)
       ON CONFLICT (person_id) DO UPDATE SET base = EXCLUDED.base, base_area_id = EXCLUDED.base_area_id,
         travel_radius_metres = EXCLUDED.travel_radius_metres, max_minutes_per_week = EXCLUDED.max_minutes_per_week,
         availability = EXCLUDED.availability, base_postcode = EXCLUDED.base_postcode`,
      [
        personId,
        profile.lng,
        profile.lat,
        profile.travelRadiusMetres,
        profile.maxMinutesPerWeek,
        JSON.stringify(profile.availability),
        profile.basePostcode ?? null,
      ],
    );
    await this.db.query(`DELETE FROM helper_skill WHERE person_id = $1`, [personId]);
    await this.db.query(
      `INSERT INTO helper_skill (person_id, skill_id) SELECT $1, unnest($2::uuid[])`,
      [personId, profile.skillIds],
    );
  }

  async helper(personId: string, lock = false): Promise<HelperRow | undefined> {
    const [row] = await this.db.query<HelperRow>(
      `SELECT ${HELPER} FROM helper_profile WHERE person_id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [personId],
    );
    return row;
  }

  helperSkills(
    personIds: readonly string[],
  ): Promise<{ personId: string; id: string; slug: string; label: string }[]> {
    return this.db.query(
      `SELECT hs.person_id AS "personId", s.id, s.slug, s.label FROM helper_skill hs JOIN skill s ON s.id = hs.skill_id
        WHERE hs.person_id = ANY($1::uuid[]) ORDER BY s.label`,
      [personIds],
    );
  }

  async setHelperStatus(personId: string, status: HelperStatus): Promise<void> {
    await this.db.query(`UPDATE helper_profile SET status = $2 WHERE person_id = $1`, [
      personId,
      status,
    ]);
  }

  /** Approved, by a coordinator of `areaId` (the base's area, or null for no area). */
  async approveHelper(
    personId: string,
    areaId: string | null,
    dbs: { checkedOn: string; expiresOn: string | null },
  ): Promise<void> {
    await this.db.query(
      `UPDATE helper_profile SET status = 'APPROVED', approved_area_id = $2,
              dbs_checked_on = $3::date, dbs_expires_on = $4::date
        WHERE person_id = $1`,
      [personId, areaId, dbs.checkedOn, dbs.expiresOn],
    );
  }

  async hasSkill(personId: string, skillId: string): Promise<boolean> {
    return (
      (
        await this.db.query(`SELECT 1 FROM helper_skill WHERE person_id = $1 AND skill_id = $2`, [
          personId,
          skillId,
        ])
      ).length > 0
    );
  }

  /** From the helper's coarse base to the member's home, as helperMatches measures it; null if either is unknown. */
  async distanceToHome(helperId: string, memberId: string): Promise<number | null> {
    const [row] = await this.db.query<{ distance: number | null }>(
      `SELECT ST_Distance(hp.base_coarse, mp.home) AS distance
         FROM helper_profile hp LEFT JOIN member_profile mp ON mp.person_id = $2
        WHERE hp.person_id = $1`,
      [helperId, memberId],
    );
    return row?.distance ?? null;
  }

  /** Minutes of help accepted or completed in the last seven days (a completed visit counts its minutes). */
  async minutesThisWeek(helperId: string): Promise<number> {
    const [row] = await this.db.query<{ minutes: number }>(
      `SELECT ${helperMinutesThisWeekSql('$1')} AS minutes`,
      [helperId],
    );
    return row?.minutes ?? 0;
  }

  async memberAreaId(personId: string): Promise<string | null> {
    const [row] = await this.db.query<{ areaId: string | null }>(
      `SELECT home_area_id AS "areaId" FROM member_profile WHERE person_id = $1`,
      [personId],
    );
    return row?.areaId ?? null;
  }

  async insertRequest(
    request: Omit<RequestRow, 'id' | 'status' | 'createdAt' | 'meetingPlace'> & {
      preferredWindows: AvailabilityWindow[];
      meetingPlace?: string | null;
    },
  ): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO help_request (member_id, skill_id, description, duration_minutes, at_home, preferred_windows, session_id, area_id, meeting_place)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        request.memberId,
        request.skillId,
        request.description,
        request.durationMinutes,
        request.atHome,
        JSON.stringify(request.preferredWindows),
        request.sessionId,
        request.areaId,
        request.meetingPlace ?? null,
      ],
    );
    return row.id;
  }

  /** The latest helper offered, accepted or done for each request given. */
  helpersOf(requestIds: readonly string[]): Promise<RequestHelperRow[]> {
    return this.db.query<RequestHelperRow>(
      `SELECT DISTINCT ON (a.request_id) a.request_id AS "requestId", a.helper_id AS "helperId",
              p.display_name AS "displayName", a.status, a.scheduled_at AS "scheduledAt"
         FROM help_assignment a JOIN person p ON p.id = a.helper_id
        WHERE a.request_id = ANY($1::uuid[]) AND a.status IN ('OFFERED', 'ACCEPTED', 'COMPLETED')
        ORDER BY a.request_id, a.created_at DESC`,
      [requestIds],
    );
  }

  /**
   * A page of the member's requests, newest first, after the one with id `afterId` (its time
   * read here, to the microsecond).
   */
  requestPage(memberId: string, limit: number, afterId: string | null): Promise<RequestRow[]> {
    return this.db.query<RequestRow>(
      `SELECT ${REQUEST} FROM help_request r
        WHERE r.member_id = $1
          AND ($3::uuid IS NULL OR (r.created_at, r.id) < (SELECT created_at, id FROM help_request WHERE id = $3))
        ORDER BY r.created_at DESC, r.id DESC LIMIT $2`,
      [memberId, limit, afterId],
    );
  }

  async request(id: string, lock = false): Promise<RequestRow | undefined> {
    const [row] = await this.db.query<RequestRow>(
      `SELECT ${REQUEST} FROM help_request r WHERE r.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  requestsByIds(ids: readonly string[]): Promise<RequestRow[]> {
    return this.db.query<RequestRow>(
      `SELECT ${REQUEST} FROM help_request r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  requestsOf(memberId: string): Promise<RequestRow[]> {
    return this.db.query<RequestRow>(
      `SELECT ${REQUEST} FROM help_request r WHERE r.member_id = $1 ORDER BY r.created_at DESC LIMIT 200`,
      [memberId],
    );
  }

  async setRequestStatus(id: string, status: HelpRequestStatus): Promise<void> {
    await this.db.query(`UPDATE help_request SET status = $2 WHERE id = $1`, [id, status]);
  }

  async insertAssignment(
    requestId: string,
    helperId: string,
    assignedBy: string,
    override: AssignmentOverride | null = null,
  ): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO help_assignment (request_id, helper_id, assigned_by, override) VALUES ($1, $2, $3, $4) RETURNING id`,
      [requestId, helperId, assignedBy, override ? JSON.stringify(override) : null],
    );
    return row.id;
  }

  async assignment(id: string, lock = false): Promise<AssignmentRow | undefined> {
    const [row] = await this.db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT} FROM help_assignment a WHERE a.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row;
  }

  assignmentsOf(helperId: string): Promise<AssignmentRow[]> {
    return this.db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT} FROM help_assignment a WHERE a.helper_id = $1 ORDER BY a.created_at DESC LIMIT 200`,
      [helperId],
    );
  }

  async liveAssignmentOf(requestId: string): Promise<AssignmentRow | undefined> {
    const [row] = await this.db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT} FROM help_assignment a WHERE a.request_id = $1 AND a.status IN ('OFFERED', 'ACCEPTED') FOR UPDATE`,
      [requestId],
    );
    return row;
  }

  async updateAssignment(
    id: string,
    changes: {
      status?: AssignmentStatus;
      minutes?: number;
      rating?: number;
      ratingComment?: string | null;
      scheduledAt?: Date;
    },
  ): Promise<void> {
    await this.db.query(
      `UPDATE help_assignment SET status = COALESCE($2::assignment_status, status), minutes = COALESCE($3, minutes),
              rating = COALESCE($4, rating), rating_comment = CASE WHEN $4::int IS NULL THEN rating_comment ELSE $5 END,
              completed_at = CASE WHEN $2 = 'COMPLETED' THEN now() ELSE completed_at END,
              scheduled_at = COALESCE($6, scheduled_at)
        WHERE id = $1`,
      [
        id,
        changes.status ?? null,
        changes.minutes ?? null,
        changes.rating ?? null,
        changes.ratingComment ?? null,
        changes.scheduledAt ?? null,
      ],
    );
  }

  /** Live assignments of a helper, for suspension. */
  liveAssignmentsOfHelper(helperId: string): Promise<AssignmentRow[]> {
    return this.db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT} FROM help_assignment a WHERE a.helper_id = $1 AND a.status IN ('OFFERED', 'ACCEPTED') FOR UPDATE`,
      [helperId],
    );
  }

  /** Help offered or accepted between two people, either one the helper, locked. */
  liveAssignmentsBetween(a: string, b: string): Promise<AssignmentRow[]> {
    return this.db.query<AssignmentRow>(
      `SELECT ${ASSIGNMENT} FROM help_assignment a JOIN help_request r ON r.id = a.request_id
        WHERE a.status IN ('OFFERED', 'ACCEPTED')
          AND ((a.helper_id = $1 AND r.member_id = $2) OR (a.helper_id = $2 AND r.member_id = $1))
          FOR UPDATE OF a`,
      [a, b],
    );
  }

  /** For each assignment: the member's name, their distance from the helper's base, contact details. */
  memberViews(assignmentIds: readonly string[]): Promise<
    {
      assignmentId: string;
      displayName: string;
      distance: number | null;
      phone: string | null;
      address: string | null;
    }[]
  > {
    return this.db.query(
      `SELECT a.id AS "assignmentId", p.display_name AS "displayName", ST_Distance(hp.base, mp.home_coarse) AS distance, mp.phone, mp.address
         FROM help_assignment a
         JOIN help_request r ON r.id = a.request_id
         JOIN person p ON p.id = r.member_id
         LEFT JOIN member_profile mp ON mp.person_id = r.member_id
         LEFT JOIN helper_profile hp ON hp.person_id = a.helper_id
        WHERE a.id = ANY($1::uuid[])`,
      [assignmentIds],
    );
  }

  async upcomingSessionExists(id: string): Promise<boolean> {
    return (
      (
        await this.db.query(
          `SELECT 1 FROM session WHERE id = $1 AND starts_at > now() AND cancelled_at IS NULL`,
          [id],
        )
      ).length > 0
    );
  }

  async personExists(id: string): Promise<boolean> {
    return (await this.db.query(`SELECT 1 FROM person WHERE id = $1`, [id])).length > 0;
  }
}
