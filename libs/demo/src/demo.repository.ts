import { Injectable } from '@nestjs/common';
import { TIME_BANK_ID } from '@kith/help';
import { Db } from '@kith/platform';
import type { Role } from '@kith/identity';
import type { DemoActivity, DemoProfile, DemoVenue } from './demo-community';
import type { GeneratedPerson } from './demo-people';

const CHUNK = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Bulk writes for the generator: one statement per 5,000 rows, arrays unnested by Postgres. */
@Injectable()
export class DemoRepository {
  constructor(private readonly db: Db) {}

  async personCount(): Promise<number> {
    // The time bank (made by a migration) is not someone the demo adds.
    const [row] = await this.db.query<{ count: string }>(
      'SELECT count(*) FROM person WHERE id <> $1',
      [TIME_BANK_ID],
    );
    return Number(row.count);
  }

  async areaIdsByCode(): Promise<Map<string, { id: string; kind: string }>> {
    const rows = await this.db.query<{ id: string; code: string; kind: string }>(
      'SELECT id, code, kind FROM area',
    );
    return new Map(rows.map((row) => [row.code, { id: row.id, kind: row.kind }]));
  }

  async insertPeople(people: GeneratedPerson[]): Promise<string[]> {
    const ids: string[] = [];
    for (const batch of chunks(people)) {
      const rows = await this.db.query<{ id: string }>(
        `INSERT INTO person (email, display_name)
         SELECT * FROM unnest($1::text[], $2::text[])
         RETURNING id`,
        [batch.map((p) => p.email), batch.map((p) => p.displayName)],
      );
      ids.push(...rows.map((row) => row.id));
    }
    return ids;
  }

  async insertGrants(
    grants: { personId: string; role: Role; areaId: string | null }[],
  ): Promise<void> {
    for (const batch of chunks(grants)) {
      await this.db.query(
        `INSERT INTO role_grant (person_id, role, area_id)
         SELECT * FROM unnest($1::uuid[], $2::role[], $3::uuid[])
         ON CONFLICT DO NOTHING`,
        [batch.map((g) => g.personId), batch.map((g) => g.role), batch.map((g) => g.areaId)],
      );
    }
  }

  async wardBoxes(): Promise<
    { id: string; code: string; minLng: number; minLat: number; maxLng: number; maxLat: number }[]
  > {
    return this.db.query(
      `SELECT id, code, ST_XMin(boundary) AS "minLng", ST_YMin(boundary) AS "minLat",
              ST_XMax(boundary) AS "maxLng", ST_YMax(boundary) AS "maxLat"
         FROM area WHERE kind = 'ward' ORDER BY code`,
    );
  }

  async interestIdsBySlug(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; slug: string }>('SELECT id, slug FROM interest');
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  async insertProfiles(
    personIds: string[],
    profiles: DemoProfile[],
    interestIds: Map<string, string>,
  ): Promise<void> {
    const rows = profiles.map((profile, i) => ({ personId: personIds[i], profile }));
    for (const batch of chunks(rows)) {
      await this.db.query(
        `INSERT INTO member_profile (person_id, home, travel_radius_metres, goals, peer_introductions, accessibility_needs)
         SELECT p, ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography, r, string_to_array(g, ','), i,
                COALESCE(string_to_array(NULLIF(a, ''), ','), '{}')::accessibility_feature[]
           FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::int[], $5::text[], $6::bool[], $7::text[])
             AS t(p, lng, lat, r, g, i, a)`,
        [
          batch.map((b) => b.personId),
          batch.map((b) => b.profile.lng),
          batch.map((b) => b.profile.lat),
          batch.map((b) => b.profile.travelRadiusMetres),
          batch.map((b) => b.profile.goals.join(',')),
          batch.map((b) => b.profile.peerIntroductions),
          batch.map((b) => b.profile.accessibilityNeeds.join(',')),
        ],
      );
      const interests = batch.flatMap((b) =>
        b.profile.interestSlugs.map((slug) => [b.personId, interestIds.get(slug)!]),
      );
      await this.db.query(
        `INSERT INTO member_interest (person_id, interest_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
        [interests.map((x) => x[0]), interests.map((x) => x[1])],
      );
      const windows = batch.flatMap((b) =>
        b.profile.availability.map((w) => ({ personId: b.personId, ...w })),
      );
      await this.db.query(
        `INSERT INTO availability_window (person_id, weekday, start_minute, end_minute)
         SELECT * FROM unnest($1::uuid[], $2::weekday[], $3::int[], $4::int[])`,
        [
          windows.map((w) => w.personId),
          windows.map((w) => w.weekday),
          windows.map((w) => w.startMinute),
          windows.map((w) => w.endMinute),
        ],
      );
    }
    // Each home in the smallest area containing it, as the profile service does.
    await this.db.query(
      `UPDATE member_profile mp SET home_area_id = (
         SELECT a.id FROM area a WHERE ST_Contains(a.boundary, mp.home::geometry) ORDER BY ST_Area(a.boundary) LIMIT 1)
        WHERE mp.person_id = ANY($1::uuid[])`,
      [personIds],
    );
  }

  async insertVenues(venues: DemoVenue[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO venue (name, location, accessibility, area_id)
       SELECT n, ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography, string_to_array(a, ',')::accessibility_feature[], area
         FROM unnest($1::text[], $2::float8[], $3::float8[], $4::text[], $5::uuid[]) WITH ORDINALITY AS t(n, lng, lat, a, area, o)
        ORDER BY o
       RETURNING id`,
      [
        venues.map((v) => v.name),
        venues.map((v) => v.lng),
        venues.map((v) => v.lat),
        venues.map((v) => v.accessibility.join(',')),
        venues.map((v) => v.areaId),
      ],
    );
    return rows.map((row) => row.id);
  }

  /** Activities with their interests and sessions; returns the session ids per activity. */
  async insertActivities(
    activities: DemoActivity[],
    venueIds: string[],
    coordinatorOf: (venueIndex: number) => string,
    interestIds: Map<string, string>,
    expandedUntil: Date,
  ): Promise<string[][]> {
    const sessionIds: string[][] = [];
    for (const activity of activities) {
      const coordinator = coordinatorOf(activity.venueIndex);
      const [row] = await this.db.query<{ id: string }>(
        `INSERT INTO activity (title, description, venue_id, capacity, duration_minutes, first_starts_at, recurrence, status, created_by, approved_by, expanded_until)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'APPROVED', $8, $8, $9) RETURNING id`,
        [
          activity.title,
          activity.description,
          venueIds[activity.venueIndex],
          activity.capacity,
          activity.durationMinutes,
          activity.firstStartsAt,
          activity.recurrence,
          coordinator,
          expandedUntil,
        ],
      );
      await this.db.query(
        `INSERT INTO activity_interest (activity_id, interest_id) SELECT $1, unnest($2::uuid[])`,
        [row.id, activity.interestSlugs.map((slug) => interestIds.get(slug))],
      );
      const sessions = await this.db.query<{ id: string }>(
        `INSERT INTO session (activity_id, starts_at, ends_at, capacity)
         SELECT $1, s, s + make_interval(mins => $3), $4 FROM unnest($2::timestamptz[]) WITH ORDINALITY AS t(s, o) ORDER BY o
         RETURNING id`,
        [row.id, activity.starts, activity.durationMinutes, activity.capacity],
      );
      sessionIds.push(sessions.map((s) => s.id));
    }
    return sessionIds;
  }

  async insertBookings(
    bookings: { sessionId: string; personId: string; status: string; recordedBy: string | null }[],
  ): Promise<void> {
    for (const batch of chunks(bookings)) {
      await this.db.query(
        `INSERT INTO booking (session_id, person_id, status, attendance_recorded_by)
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::booking_status[], $4::uuid[])
         ON CONFLICT DO NOTHING`,
        [
          batch.map((b) => b.sessionId),
          batch.map((b) => b.personId),
          batch.map((b) => b.status),
          batch.map((b) => b.recordedBy),
        ],
      );
    }
    await this.db.query(
      `UPDATE session s SET booked_count = c.n
         FROM (SELECT session_id, count(*)::int AS n FROM booking
                WHERE status IN ('BOOKED', 'ATTENDED', 'NO_SHOW') GROUP BY session_id) c
        WHERE c.session_id = s.id`,
    );
  }
}
