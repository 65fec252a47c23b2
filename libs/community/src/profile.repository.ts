import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { AvailabilityWindow } from './availability';
import type { AccessibilityFeature, Weekday } from './taxonomy';
import type { LatLng } from '@kith/platform';

export interface ProfileRow {
  personId: string;
  hasHome: boolean;
  homeAreaId: string | null;
  /** The postcode the home was placed at, when it was placed by one (the member's own to read). */
  postcode: string | null;
  travelRadiusMetres: number;
  accessibilityNeeds: AccessibilityFeature[];
  goals: string[];
  peerIntroductions: boolean;
  /** Contacts the member confirmed may see that they are going to a session. */
  showMeGoing: boolean;
  phone: string | null;
  address: string | null;
  ageBand: string | null;
  leftAt: Date | null;
}

@Injectable()
export class ProfileRepository {
  constructor(private readonly db: Db) {}

  async byPerson(personId: string): Promise<ProfileRow | undefined> {
    const [row] = await this.db.query<ProfileRow>(
      `SELECT person_id AS "personId", home IS NOT NULL AS "hasHome", home_area_id AS "homeAreaId", postcode,
              travel_radius_metres AS "travelRadiusMetres", accessibility_needs::text[] AS "accessibilityNeeds",
              goals, peer_introductions AS "peerIntroductions", show_me_going AS "showMeGoing", phone, address, age_band AS "ageBand", left_at AS "leftAt"
         FROM member_profile WHERE person_id = $1`,
      [personId],
    );
    return row;
  }

  /**
   * Whether the member takes introductions and whether they left, read under a share lock on
   * their profile: someone leaving (markLeft) waits for an introduction being made to them, and
   * an introduction waits for a leaving, so none is left open across it.
   */
  async introductionStanding(personId: string): Promise<{ optedIn: boolean; left: boolean }> {
    const [row] = await this.db.query<{ optedIn: boolean; left: boolean }>(
      `SELECT peer_introductions AS "optedIn", left_at IS NOT NULL AS left
         FROM member_profile WHERE person_id = $1 FOR SHARE`,
      [personId],
    );
    return row ?? { optedIn: false, left: false };
  }

  async ensure(personId: string): Promise<void> {
    await this.db.query(
      `INSERT INTO member_profile (person_id) VALUES ($1) ON CONFLICT DO NOTHING`,
      [personId],
    );
  }

  /** Marks the member as gone (once: the first time is when they left) and out of introductions. */
  async markLeft(personId: string): Promise<Date> {
    await this.ensure(personId);
    const [row] = await this.db.query<{ leftAt: Date }>(
      `UPDATE member_profile SET left_at = COALESCE(left_at, now()), peer_introductions = false, updated_at = now()
        WHERE person_id = $1 RETURNING left_at AS "leftAt"`,
      [personId],
    );
    return row.leftAt;
  }

  /** Whether the member's home is already this point (a save that moves nothing). */
  async homeIs(personId: string, home: LatLng): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM member_profile
        WHERE person_id = $1 AND home IS NOT NULL
          AND ST_Equals(home::geometry, ST_SetSRID(ST_MakePoint($2, $3), 4326))`,
      [personId, home.lng, home.lat],
    );
    return rows.length === 1;
  }

  /**
   * Sets the home and places it in the smallest area containing it (its ward), if any; a move
   * to another area is kept in the member's history of homes from now, a first home from the
   * start of this month (London): reports count members where they lived at the start of each
   * month, so neither changes a month already over. Call inside a transaction: the profile's
   * row lock orders two moves. `postcode` is what the member gave, kept for them to read; a home
   * placed by coordinates has none.
   */
  async setHome(personId: string, home: LatLng, postcode: string | null): Promise<void> {
    await this.db.query(
      `UPDATE member_profile p
          SET home = ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography,
              home_area_id = area_at(ST_MakePoint($2, $3)),
              postcode = $4
        WHERE p.person_id = $1`,
      [personId, home.lng, home.lat, postcode],
    );
    await this.db.query(
      `WITH latest AS (
         SELECT area_id FROM member_home WHERE person_id = $1 ORDER BY from_at DESC LIMIT 1)
       INSERT INTO member_home (person_id, from_at, area_id)
       SELECT $1, CASE WHEN EXISTS (SELECT 1 FROM latest) THEN now()
                       ELSE date_trunc('month', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London' END,
              mp.home_area_id
         FROM member_profile mp
        WHERE mp.person_id = $1
          AND (NOT EXISTS (SELECT 1 FROM latest) OR mp.home_area_id IS DISTINCT FROM (SELECT area_id FROM latest))
       ON CONFLICT (person_id, from_at) DO UPDATE SET area_id = EXCLUDED.area_id`,
      [personId],
    );
  }

  /** Leaves what is undefined; phone and address may be set to null (cleared). */
  async update(
    personId: string,
    changes: Partial<
      Pick<
        ProfileRow,
        | 'travelRadiusMetres'
        | 'accessibilityNeeds'
        | 'goals'
        | 'peerIntroductions'
        | 'showMeGoing'
        | 'phone'
        | 'address'
        | 'ageBand'
      >
    >,
  ): Promise<void> {
    await this.db.query(
      `UPDATE member_profile
          SET travel_radius_metres = COALESCE($2, travel_radius_metres),
              accessibility_needs = COALESCE($3::accessibility_feature[], accessibility_needs),
              goals = COALESCE($4::text[], goals),
              peer_introductions = COALESCE($5, peer_introductions),
              phone = CASE WHEN $8 THEN $6 ELSE phone END,
              address = CASE WHEN $9 THEN $7 ELSE address END,
              age_band = CASE WHEN $11 THEN $10 ELSE age_band END,
              show_me_going = COALESCE($12, show_me_going),
              updated_at = now()
        WHERE person_id = $1`,
      [
        personId,
        changes.travelRadiusMetres ?? null,
        changes.accessibilityNeeds ?? null,
        changes.goals ?? null,
        changes.peerIntroductions ?? null,
        changes.phone ?? null,
        changes.address ?? null,
        changes.phone !== undefined,
        changes.address !== undefined,
        changes.ageBand ?? null,
        changes.ageBand !== undefined,
        changes.showMeGoing ?? null,
      ],
    );
  }

  /** The member's interests become these; those kept stay shown or not as they were. */
  async replaceInterests(personId: string, interestIds: string[]): Promise<void> {
    await this.db.query(
      `DELETE FROM member_interest WHERE person_id = $1 AND interest_id <> ALL($2::uuid[])`,
      [personId, interestIds],
    );
    await this.db.query(
      `INSERT INTO member_interest (person_id, interest_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING`,
      [personId, interestIds],
    );
  }

  /** Of the member's interests, these are shown to people they might meet, and no others. */
  async showInterests(personId: string, shownIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE member_interest SET shown = (interest_id = ANY($2::uuid[])) WHERE person_id = $1`,
      [personId, shownIds],
    );
  }

  async interestIdsOf(personId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT interest_id AS id FROM member_interest WHERE person_id = $1`,
      [personId],
    );
    return rows.map((row) => row.id);
  }

  async replaceAvailability(personId: string, windows: AvailabilityWindow[]): Promise<void> {
    await this.db.query(`DELETE FROM availability_window WHERE person_id = $1`, [personId]);
    await this.db.query(
      `INSERT INTO availability_window (person_id, weekday, start_minute, end_minute)
       SELECT $1, * FROM unnest($2::weekday[], $3::int[], $4::int[])`,
      [
        personId,
        windows.map((w) => w.weekday),
        windows.map((w) => w.startMinute),
        windows.map((w) => w.endMinute),
      ],
    );
  }

  availability(personId: string): Promise<AvailabilityWindow[]> {
    return this.db.query<AvailabilityWindow & { weekday: Weekday }>(
      `SELECT weekday, start_minute AS "startMinute", end_minute AS "endMinute"
         FROM availability_window WHERE person_id = $1
        ORDER BY array_position(enum_range(NULL::weekday), weekday), start_minute`,
      [personId],
    );
  }
}
