/**
 * A year of history for the benchmarks that read it (network, reports): 600 wards, 12,000
 * weekly activities (624,000 sessions), a group of regulars for each who come most weeks
 * (about 5M attendances for 100k members), 10% of members helpers. Set-based, straight into
 * a migrated database, and reused while its marker's version holds.
 */
import { log } from './bench-support';
import { databaseUrlFor, runCli, withClient } from './city-dataset';

const WARDS = 600;
const ACTIVITIES_PER_WARD = 20;
const WEEKS = 52;
/** Chance a regular comes to a given week's session: about 5M attendances for 100k members. */
const COMES = 0.64;

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A year of history, set-based, straight into a migrated database. */
export async function generateHistory(url: string, members: number): Promise<void> {
  await withClient(url, async (db) => {
    const q = async (what: string, sql: string, params: unknown[] = []) => {
      const started = Date.now();
      const result = await db.query(sql, params);
      log(`${what}: ${result.rowCount ?? 0} rows, ${round((Date.now() - started) / 1000, 1)} s`);
    };
    await db.query(`SELECT setseed(0.20261201)`);
    await q(
      'borough and wards',
      `WITH borough AS (
         INSERT INTO area (code, name, kind, boundary)
         VALUES ('B00000001', 'Bench borough', 'borough', ST_Multi(ST_MakeEnvelope(-0.5, 51.3, 0.3, 51.7, 4326)))
         RETURNING id)
       INSERT INTO area (code, name, kind, parent_id, boundary)
       SELECT 'W' || lpad(w::text, 8, '0'), 'Ward ' || w, 'ward', borough.id,
              ST_Multi(ST_MakeEnvelope(-0.5 + (w % 30) * 0.02, 51.3 + (w / 30) * 0.02,
                                       -0.48 + (w % 30) * 0.02, 51.32 + (w / 30) * 0.02, 4326))
         FROM borough, generate_series(0, $1 - 1) w`,
      [WARDS],
    );
    await q(
      'members',
      `INSERT INTO person (email, display_name, created_at)
       SELECT 'member-' || i || '@network.bench', 'Member ' || i, now() - interval '400 days' + (i % 60) * interval '1 day'
         FROM generate_series(1, $1) i`,
      [members],
    );
    await q(
      'profiles',
      `WITH p AS (SELECT id, row_number() OVER (ORDER BY email) - 1 AS n FROM person),
            w AS (SELECT id, row_number() OVER (ORDER BY code) - 1 AS n FROM area WHERE kind = 'ward')
       INSERT INTO member_profile (person_id, home_area_id, age_band)
       SELECT p.id, w.id, (ARRAY['16-24','25-34','35-44','45-54','55-64','65-74','75-84','85+'])[(1 + (p.n * 7) % 8)::int]
         FROM p JOIN w ON w.n = p.n % $1`,
      [WARDS],
    );
    // Where each lives, from the start of time: reports count members where they lived.
    await q(
      'homes',
      `INSERT INTO member_home (person_id, from_at, area_id)
       SELECT person_id, '-infinity', home_area_id FROM member_profile`,
    );
    // A little over half answer equality monitoring, as the demo's members do.
    await q(
      'equality',
      `WITH p AS (SELECT person_id, row_number() OVER (ORDER BY person_id) AS n FROM member_profile)
       INSERT INTO equality_monitoring (person_id, sex, gender_identity, ethnic_group, disability, religion, sexual_orientation)
       SELECT person_id, (ARRAY['female','female','male','prefer-not-to-say'])[1 + n % 4],
              CASE WHEN n % 50 = 0 THEN 'different' ELSE 'same' END,
              (ARRAY['white','black','asian','mixed','other','white','black'])[1 + n % 7],
              (ARRAY['yes','no','no'])[1 + n % 3],
              (ARRAY['christian','none','muslim','christian','none','hindu','jewish','buddhist','sikh','other'])[1 + n % 10],
              (ARRAY['straight','straight','straight','straight','gay-or-lesbian','bisexual'])[1 + n % 6]
         FROM p WHERE n % 20 < 11`,
    );
    await q(
      'roles',
      `INSERT INTO role_grant (person_id, role)
       SELECT id, 'MEMBER'::role FROM person
       UNION ALL SELECT id, 'HELPER'::role FROM person WHERE random() < 0.1`,
    );
    await q(
      'interests',
      `WITH i AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n, count(*) OVER () AS total FROM interest),
            p AS (SELECT person_id, row_number() OVER (ORDER BY person_id) AS n FROM member_profile)
       INSERT INTO member_interest (person_id, interest_id)
       SELECT DISTINCT p.person_id, i.id FROM p, generate_series(0, 2) k
         JOIN i ON true WHERE i.n = (p.n * 13 + k * 17) % i.total`,
    );
    await q(
      'venues',
      `INSERT INTO venue (name, location, area_id)
       SELECT 'Venue ' || a.code, ST_Centroid(a.boundary)::geography, a.id FROM area a WHERE a.kind = 'ward'`,
    );
    await q(
      'activities',
      `INSERT INTO activity (title, description, venue_id, capacity, duration_minutes, first_starts_at, recurrence, status, created_by)
       SELECT 'Activity ' || v.name || ' ' || k, 'A weekly group', v.id, 30, 90,
              date_trunc('week', now() - interval '364 days') + (k % 7) * interval '1 day' + interval '10 hours',
              'FREQ=WEEKLY', 'APPROVED', (SELECT min(id::text)::uuid FROM person)
         FROM venue v, generate_series(1, $1) k`,
      [ACTIVITIES_PER_WARD],
    );
    await q(
      'activity interests',
      `WITH i AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS n, count(*) OVER () AS total FROM interest),
            a AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM activity)
       INSERT INTO activity_interest (activity_id, interest_id)
       SELECT a.id, i.id FROM a JOIN i ON i.n = a.n % i.total`,
    );
    await q(
      'sessions',
      `INSERT INTO session (activity_id, starts_at, ends_at, capacity, location)
       SELECT a.id, a.first_starts_at + w * interval '7 days', a.first_starts_at + w * interval '7 days' + interval '90 minutes',
              30, v.location
         FROM activity a JOIN venue v ON v.id = a.venue_id, generate_series(0, $1 - 1) w
        WHERE a.first_starts_at + w * interval '7 days' < now()`,
      [WEEKS],
    );
    // Each member a regular of one activity in their ward, half of them of a second.
    await db.query(`CREATE TEMP TABLE regular AS
      WITH acts AS (SELECT a.id, v.area_id, row_number() OVER (PARTITION BY v.area_id ORDER BY a.id) - 1 AS n
                      FROM activity a JOIN venue v ON v.id = a.venue_id)
      SELECT DISTINCT mp.person_id, acts.id AS activity_id
        FROM member_profile mp, generate_series(0, 1) k
        JOIN acts ON true
       WHERE acts.area_id = mp.home_area_id
         AND acts.n = (abs(hashtext(mp.person_id::text || k)) % ${ACTIVITIES_PER_WARD})
         AND (k = 0 OR abs(hashtext(mp.person_id::text)) % 2 = 0)`);
    await q(
      'attendance',
      `INSERT INTO booking (session_id, person_id, status)
       SELECT s.id, r.person_id, 'ATTENDED'
         FROM session s JOIN regular r ON r.activity_id = s.activity_id
        WHERE random() < $1`,
      [COMES],
    );
    await db.query(`ANALYZE`);
  });
}

export interface Dataset {
  url: string;
  reused: boolean;
  generateSeconds: number;
  counts: Record<string, number>;
}

/**
 * The history dataset `name` for `members`, reused when its marker says `version`; else
 * generated, then `finish` (ties, rollups: what the bench needs beyond attendance) run on it.
 */
export async function ensureHistory(
  serverUrl: string,
  name: string,
  members: number,
  version: number,
  finish: (url: string) => Promise<void>,
): Promise<Dataset> {
  const url = databaseUrlFor(serverUrl, name);
  const admin = databaseUrlFor(serverUrl, 'postgres');
  const marker = await withClient(admin, async (db) => {
    const { rows } = await db.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    try {
      return rows[0]?.comment
        ? (JSON.parse(rows[0].comment) as { version: number; generateSeconds: number })
        : undefined;
    } catch {
      return undefined;
    }
  });
  const counts = () =>
    withClient(url, async (db) => {
      const { rows } = await db.query<Record<string, number>>(
        `SELECT (SELECT count(*)::int FROM member_profile) AS members,
                (SELECT count(*)::int FROM session) AS sessions,
                (SELECT count(*)::int FROM booking WHERE status = 'ATTENDED') AS attendances,
                (SELECT count(*)::int FROM tie_contact) AS contacts,
                (SELECT count(*)::int FROM tie) AS ties`,
      );
      return rows[0];
    });
  if (marker?.version === version && process.env.BENCH_REGENERATE !== '1') {
    log(`reusing ${name}`);
    const migrated = await runCli(['migrate'], { DATABASE_URL: url });
    if (migrated.includes('migrated:')) log(`applied: ${migrated.trim().split('\n').join(', ')}`);
    return { url, reused: true, generateSeconds: marker.generateSeconds, counts: await counts() };
  }
  log(`generating ${name}: ${members} members, a year of weekly sessions`);
  await withClient(admin, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const started = Date.now();
  await runCli(['migrate'], { DATABASE_URL: url });
  await generateHistory(url, members);
  await finish(url);
  await withClient(url, (db) => db.query('VACUUM ANALYZE'));
  const generateSeconds = round((Date.now() - started) / 1000, 1);
  await withClient(admin, (db) =>
    db.query(`COMMENT ON DATABASE ${name} IS '${JSON.stringify({ version, generateSeconds })}'`),
  );
  return { url, reused: false, generateSeconds, counts: await counts() };
}
