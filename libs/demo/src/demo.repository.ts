import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TIME_BANK_ID } from '@kith/help';
import { Db, present } from '@kith/platform';
import type { Role } from '@kith/identity';
import { EQUALITY_QUESTIONS } from '@kith/community';
import { shownInterestSlugs } from './demo-community';
import type { DemoActivity, DemoMonitoring, DemoProfile, DemoVenue } from './demo-community';
import type { GeneratedPerson } from './demo-people';

const CHUNK = 5000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

function* chunksOf<T>(rows: Iterable<T>): Generator<T[]> {
  let batch: T[] = [];
  for (const row of rows) {
    batch.push(row);
    if (batch.length === CHUNK) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
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
    {
      id: string;
      code: string;
      name: string;
      minLng: number;
      minLat: number;
      maxLng: number;
      maxLat: number;
    }[]
  > {
    return this.db.query(
      `SELECT id, code, name, ST_XMin(boundary) AS "minLng", ST_YMin(boundary) AS "minLat",
              ST_XMax(boundary) AS "maxLng", ST_YMax(boundary) AS "maxLat"
         FROM area WHERE kind = 'ward' ORDER BY code`,
    );
  }

  async interestIdsBySlug(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; slug: string }>('SELECT id, slug FROM interest');
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  /** Age bands on the profiles, and the equality monitoring answers given. */
  async insertMonitoring(personIds: string[], monitoring: DemoMonitoring[]): Promise<void> {
    await this.db.query(
      `UPDATE member_profile mp SET age_band = t.band
         FROM unnest($1::uuid[], $2::text[]) AS t(p, band)
        WHERE mp.person_id = t.p AND t.band IS NOT NULL`,
      [personIds, monitoring.map((m) => m.ageBand)],
    );
    const given = personIds.flatMap((id, i) => {
      const answers = monitoring[i].answers;
      return answers && Object.values(answers).some((a) => a !== null) ? [{ id, answers }] : [];
    });
    await this.db.query(
      `INSERT INTO equality_monitoring (person_id, ${EQUALITY_QUESTIONS.map((q) => q.column).join(', ')})
       SELECT * FROM unnest($1::uuid[], ${EQUALITY_QUESTIONS.map((_, i) => `$${i + 2}::text[]`).join(', ')})`,
      [
        given.map((g) => g.id),
        ...EQUALITY_QUESTIONS.map((q) => given.map((g) => g.answers[q.key])),
      ],
    );
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
      const interests = batch.flatMap((b) => {
        const shown = new Set(shownInterestSlugs(b.profile));
        return b.profile.interestSlugs.map((slug) => ({
          personId: b.personId,
          interestId: present(interestIds.get(slug), `interest ${slug}`),
          shown: shown.has(slug),
        }));
      });
      await this.db.query(
        `INSERT INTO member_interest (person_id, interest_id, shown) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::bool[])`,
        [
          interests.map((x) => x.personId),
          interests.map((x) => x.interestId),
          interests.map((x) => x.shown),
        ],
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
    // Each home in the smallest area containing it, as the profile service does, and the
    // first of each member's history of homes (reports count members where they lived).
    await this.db.query(
      `UPDATE member_profile SET home_area_id = area_at(home::geometry) WHERE person_id = ANY($1::uuid[])`,
      [personIds],
    );
    await this.db.query(
      `INSERT INTO member_home (person_id, from_at, area_id)
       SELECT person_id, '-infinity', home_area_id FROM member_profile
        WHERE person_id = ANY($1::uuid[]) AND home IS NOT NULL
       ON CONFLICT DO NOTHING`,
      [personIds],
    );
  }

  async insertVenues(venues: DemoVenue[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO venue (name, location, accessibility, area_id, address)
       SELECT n, ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography, string_to_array(a, ',')::accessibility_feature[], area,
              street || ', London' || COALESCE(' ' || (
                SELECT p.display FROM postcode p
                 ORDER BY p.location <-> ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography LIMIT 1), '')
         FROM unnest($1::text[], $2::float8[], $3::float8[], $4::text[], $5::uuid[], $6::text[]) WITH ORDINALITY AS t(n, lng, lat, a, area, street, o)
        ORDER BY o
       RETURNING id`,
      [
        venues.map((v) => v.name),
        venues.map((v) => v.lng),
        venues.map((v) => v.lat),
        venues.map((v) => v.accessibility.join(',')),
        venues.map((v) => v.areaId),
        venues.map((v) => v.street),
      ],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Activities with their interests and sessions, 5,000 rows a statement; returns the session
   * ids per activity (made here, so no statement's row order matters).
   */
  async insertActivities(
    activities: DemoActivity[],
    venueIds: string[],
    coordinatorOf: (venueIndex: number) => string,
    interestIds: Map<string, string>,
    expandedUntil: Date,
  ): Promise<string[][]> {
    const activityIds = activities.map(() => randomUUID());
    for (const batch of chunks(
      activities.map((activity, i) => ({ activity, id: activityIds[i] })),
    )) {
      const col = <T>(pick: (a: DemoActivity) => T) => batch.map((b) => pick(b.activity));
      await this.db.query(
        `INSERT INTO activity (id, title, description, venue_id, capacity, duration_minutes, first_starts_at, recurrence, status, created_by, approved_by, expanded_until)
         SELECT i, t, d, v, c, m, f, r, 'APPROVED', b, b, $10
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::int[], $6::int[], $7::timestamptz[], $8::text[], $9::uuid[])
             AS x(i, t, d, v, c, m, f, r, b)`,
        [
          batch.map((b) => b.id),
          col((a) => a.title),
          col((a) => a.description),
          col((a) => venueIds[a.venueIndex]),
          col((a) => a.capacity),
          col((a) => a.durationMinutes),
          col((a) => a.firstStartsAt),
          col((a) => a.recurrence),
          col((a) => coordinatorOf(a.venueIndex)),
          expandedUntil,
        ],
      );
    }
    const interests = activities.flatMap((activity, i) =>
      activity.interestSlugs.map((slug) => [
        activityIds[i],
        present(interestIds.get(slug), `interest ${slug}`),
      ]),
    );
    for (const batch of chunks(interests)) {
      await this.db.query(
        `INSERT INTO activity_interest (activity_id, interest_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
        [batch.map((x) => x[0]), batch.map((x) => x[1])],
      );
    }
    const sessionIds = activities.map((activity) => activity.starts.map(() => randomUUID()));
    const sessions = activities.flatMap((activity, i) =>
      activity.starts.map((start, k) => ({ id: sessionIds[i][k], activity: i, start })),
    );
    for (const batch of chunks(sessions)) {
      await this.db.query(
        `INSERT INTO session (id, activity_id, starts_at, ends_at, capacity)
         SELECT i, a, s, s + make_interval(mins => m), c
           FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::int[], $5::int[]) AS x(i, a, s, m, c)`,
        [
          batch.map((b) => b.id),
          batch.map((b) => activityIds[b.activity]),
          batch.map((b) => b.start),
          batch.map((b) => activities[b.activity].durationMinutes),
          batch.map((b) => activities[b.activity].capacity),
        ],
      );
    }
    return sessionIds;
  }

  /** Writes the bookings as they are generated, 5,000 a statement; returns how many. */
  async insertBookings(
    bookings: Iterable<{
      sessionId: string;
      personId: string;
      status: string;
      recordedBy: string | null;
    }>,
  ): Promise<number> {
    let count = 0;
    for (const batch of chunksOf(bookings)) {
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
      count += batch.length;
    }
    await this.db.query(
      `UPDATE session s SET booked_count = c.n
         FROM (SELECT session_id, count(*)::int AS n FROM booking
                WHERE status IN ('BOOKED', 'ATTENDED', 'NO_SHOW') GROUP BY session_id) c
        WHERE c.session_id = s.id`,
    );
    return count;
  }

  /**
   * When each member joined, as the history tells: a few days to six weeks before the first
   * session they came to, or for those who never came, some day in the history. Drawn from
   * the email, so a seed gives the same dates every time.
   */
  async backdateJoining(now: Date, historyWeeks: number): Promise<void> {
    await this.db.query(
      `WITH first AS (
         SELECT p.id, ('x' || substr(md5(p.email), 1, 8))::bit(32)::int AS draw,
                (SELECT min(s.starts_at) FROM booking b JOIN session s ON s.id = b.session_id
                  WHERE b.person_id = p.id AND b.status IN ('ATTENDED', 'NO_SHOW')) AS came
           FROM person p JOIN member_profile mp ON mp.person_id = p.id)
       UPDATE person p
          SET created_at = LEAST($1::timestamptz, CASE
                WHEN f.came IS NOT NULL THEN f.came - make_interval(days => 3 + abs(f.draw) % 40)
                ELSE $1::timestamptz - make_interval(days => abs(f.draw) % ($2 * 7)) END)
         FROM first f WHERE f.id = p.id`,
      [now, historyWeeks],
    );
  }

  /** Members with when they joined and how many sessions they came to: who answers surveys. */
  async membersForSurveys(): Promise<
    { personId: string; joinedAt: Date; sessionsAttended: number }[]
  > {
    return this.db.query(
      `SELECT p.id AS "personId", p.created_at AS "joinedAt",
              (SELECT count(*)::int FROM booking b WHERE b.person_id = p.id AND b.status = 'ATTENDED') AS "sessionsAttended"
         FROM person p JOIN member_profile mp ON mp.person_id = p.id
        ORDER BY p.email`,
    );
  }

  async analyze(): Promise<void> {
    await this.db.query('ANALYZE');
  }

  async skillIdsBySlug(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ id: string; slug: string }>('SELECT id, slug FROM skill');
    return new Map(rows.map((row) => [row.slug, row.id]));
  }

  async insertHelpers(
    helpers: {
      personId: string;
      lat: number;
      lng: number;
      radius: number;
      status: string;
      checked: string | null;
      expires: string | null;
      approvedBy: string;
      skillIds: string[];
      availability: { weekday: string; startMinute: number; endMinute: number }[];
    }[],
  ): Promise<void> {
    if (helpers.length === 0) return;
    await this.db.query(
      `INSERT INTO helper_profile (person_id, base, travel_radius_metres, status, dbs_checked_on, dbs_expires_on, availability)
       SELECT p, ST_SetSRID(ST_MakePoint(lng, lat), 4326)::geography, r, s::helper_status, c::date, e::date, w
         FROM unnest($1::uuid[], $2::float8[], $3::float8[], $4::int[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
           AS t(p, lng, lat, r, s, c, e, w)`,
      [
        helpers.map((h) => h.personId),
        helpers.map((h) => h.lng),
        helpers.map((h) => h.lat),
        helpers.map((h) => h.radius),
        helpers.map((h) => h.status),
        helpers.map((h) => h.checked),
        helpers.map((h) => h.expires),
        helpers.map((h) => JSON.stringify(h.availability)),
      ],
    );
    await this.db.query(
      `UPDATE helper_profile SET base_area_id = area_at(base::geometry) WHERE person_id = ANY($1::uuid[])`,
      [helpers.map((h) => h.personId)],
    );
    const skills = helpers.flatMap((h) => h.skillIds.map((skillId) => [h.personId, skillId]));
    await this.db.query(
      `INSERT INTO helper_skill (person_id, skill_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
      [skills.map((x) => x[0]), skills.map((x) => x[1])],
    );
    const approved = helpers.filter((h) => h.status === 'APPROVED');
    await this.db.query(
      `INSERT INTO role_grant (person_id, role) SELECT unnest($1::uuid[]), 'HELPER' ON CONFLICT DO NOTHING`,
      [approved.map((h) => h.personId)],
    );
  }

  /** Completed help with its ledger: two entries per transfer, balances summed from the entries. */
  async insertHelpHistory(
    rows: {
      requestId: string;
      assignmentId: string;
      transferId: string;
      memberId: string;
      helperId: string;
      skillId: string;
      description: string;
      minutes: number;
      atHome: boolean;
      rating: number | null;
      completedAt: Date;
    }[],
    floorMinutes: number,
  ): Promise<void> {
    for (const batch of chunks(rows)) {
      const col = <K extends keyof (typeof batch)[number]>(key: K) => batch.map((row) => row[key]);
      await this.db.query(
        `INSERT INTO help_request (id, member_id, skill_id, description, duration_minutes, at_home, status, created_at, area_id)
         SELECT r, m, s, d, n, h, 'DONE', c - interval '3 days', (SELECT home_area_id FROM member_profile WHERE person_id = m)
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::int[], $6::bool[], $7::timestamptz[]) AS t(r, m, s, d, n, h, c)`,
        [
          col('requestId'),
          col('memberId'),
          col('skillId'),
          col('description'),
          col('minutes'),
          col('atHome'),
          col('completedAt'),
        ],
      );
      await this.db.query(
        `INSERT INTO help_assignment (id, request_id, helper_id, assigned_by, status, minutes, rating, created_at, completed_at)
         SELECT a, r, h, m, 'COMPLETED', n, g, c - interval '2 days', c
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::int[], $6::int[], $7::timestamptz[]) AS t(a, r, h, m, n, g, c)`,
        [
          col('assignmentId'),
          col('requestId'),
          col('helperId'),
          col('memberId'),
          col('minutes'),
          col('rating'),
          col('completedAt'),
        ],
      );
      await this.db.query(
        `INSERT INTO time_credit_transfer (id, key, reason, created_by, created_at)
         SELECT x, 'assignment:' || a, 'Help given', h, c FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[]) AS t(x, a, h, c)`,
        [col('transferId'), col('assignmentId'), col('helperId'), col('completedAt')],
      );
      await this.db.query(
        `INSERT INTO time_credit_account (person_id, floor_minutes)
         SELECT DISTINCT unnest($1::uuid[] || $2::uuid[]), $3::int ON CONFLICT DO NOTHING`,
        [col('memberId'), col('helperId'), floorMinutes],
      );
      await this.db.query(
        `INSERT INTO time_credit_entry (transfer_id, person_id, minutes, created_at)
         SELECT x, p, v, c FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::timestamptz[]) AS t(x, m, h, n, c),
              LATERAL (VALUES (m, -n), (h, n)) AS e(p, v)
          ORDER BY c`,
        [col('transferId'), col('memberId'), col('helperId'), col('minutes'), col('completedAt')],
      );
    }
    await this.db.query(
      `UPDATE time_credit_account a SET balance_minutes = e.total
         FROM (SELECT person_id, sum(minutes)::int AS total FROM time_credit_entry GROUP BY person_id) e
        WHERE e.person_id = a.person_id`,
    );
  }

  /**
   * The demo member's people: the one they met most often at sessions was introduced to them
   * five weeks ago (an introduction they accepted, which the caller ties), and the next one has asked to be introduced,
   * waiting for the demo member's answer. Both have chosen peer introductions, as asking means.
   */
  async introduceDemoMember(
    memberId: string,
    now: Date,
  ): Promise<{
    introduced: { id: string; fromId: string; at: Date } | null;
    waiting: string | null;
  }> {
    let introduced: { id: string; fromId: string; at: Date } | null = null;
    const met = await this.db.query<{ id: string }>(
      `SELECT other.person_id AS id
         FROM booking mine
         JOIN booking other ON other.session_id = mine.session_id AND other.person_id <> mine.person_id
         JOIN person p ON p.id = other.person_id
        WHERE mine.person_id = $1 AND mine.status = 'ATTENDED' AND other.status = 'ATTENDED'
        -- Ties broken by email, which the seed decides (ids are random).
        GROUP BY other.person_id, p.email ORDER BY count(*) DESC, p.email LIMIT 2`,
      [memberId],
    );
    await this.db.query(
      `UPDATE member_profile SET peer_introductions = true WHERE person_id = ANY($1::uuid[])`,
      [met.map((m) => m.id)],
    );
    const pair = (a: string, b: string) => (a < b ? `${a}:${b}` : `${b}:${a}`);
    const accepted = new Date(now.getTime() - 35 * 24 * 3600 * 1000);
    if (met[0]) {
      const [row] = await this.db.query<{ id: string }>(
        `INSERT INTO introduction (from_id, to_id, pair_key, message, status, created_at, responded_at)
         VALUES ($1, $2, $3, 'We sit near each other at choir; it would be nice to have a cup of tea after.', 'ACCEPTED', $4::timestamptz - interval '2 days', $4)
         RETURNING id`,
        [met[0].id, memberId, pair(met[0].id, memberId), accepted],
      );
      introduced = { id: row.id, fromId: met[0].id, at: accepted };
      // They chose to let the people they know see where they are going: the demo member, once
      // introduced, sees them going (nobody else is seen: it is off until a member turns it on).
      await this.db.query(`UPDATE member_profile SET show_me_going = true WHERE person_id = $1`, [
        met[0].id,
      ]);
    }
    let waiting: string | null = null;
    if (met[1]) {
      [{ id: waiting }] = await this.db.query<{ id: string }>(
        `INSERT INTO introduction (from_id, to_id, pair_key, message, status, created_at)
         VALUES ($1, $2, $3, 'Hello, I have seen you at the Tuesday class. Would you like to walk there together?', 'PENDING', $4)
         RETURNING id`,
        [
          met[1].id,
          memberId,
          pair(met[1].id, memberId),
          new Date(now.getTime() - 2 * 24 * 3600 * 1000),
        ],
      );
    }
    return { introduced, waiting };
  }

  /** The member's places still ahead, and the help given to them most recently. */
  async newsFor(memberId: string): Promise<{ bookingIds: string[]; assignmentId: string | null }> {
    const bookings = await this.db.query<{ id: string }>(
      `SELECT b.id FROM booking b JOIN session s ON s.id = b.session_id
        WHERE b.person_id = $1 AND b.status = 'BOOKED' AND s.starts_at > now() ORDER BY s.starts_at LIMIT 10`,
      [memberId],
    );
    const [help] = await this.db.query<{ id: string }>(
      `SELECT a.id FROM help_assignment a JOIN help_request r ON r.id = a.request_id
        WHERE r.member_id = $1 AND a.status = 'COMPLETED' ORDER BY a.completed_at DESC LIMIT 1`,
      [memberId],
    );
    return { bookingIds: bookings.map((b) => b.id), assignmentId: help?.id ?? null };
  }
}
