import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { testConfig } from '../support/config';

/** The newest migrations go down and up again, leaving the schema as the entities say. */
describe('the newest migrations', () => {
  const ds = new DataSource(dataSourceOptions(testConfig().database.url, KITH_SCHEMA, 1));
  const exists = async (sql: string, params: string[] = []) =>
    (await ds.query<{ present: boolean }[]>(`SELECT EXISTS (${sql}) AS present`, params))[0]
      .present;
  const hasTable = (name: string) =>
    exists(`SELECT 1 FROM information_schema.tables WHERE table_name = $1`, [name]);
  const hasColumn = (table: string, column: string) =>
    exists(`SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2`, [
      table,
      column,
    ]);
  const variantColumn = () => hasColumn('nudge', 'variant');
  const nudgeTables = () =>
    exists(
      `SELECT 1 FROM information_schema.tables WHERE table_name IN ('nudge', 'nudge_preferences', 'device')`,
    );

  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it('the consent, device, reporting, network, survey and nudge migrations go down and come back without drift', async () => {
    expect(ds.migrations.slice(-13).map((m) => m.name)).toEqual([
      'AnswerReach1795700000000',
      'ReportQuarters1795710000000',
      'RecordKeysAndHomes1795720000000',
      'PerturbedRollups1795721000000',
      'DeviceSessions1795730000000',
      'ConsentToBeSeen1795740000000',
      'IntroductionWithdrawn1795740000001',
      'WithdrawClosedIntroductions1795740000002',
      'ShownInterests1795740000003',
      'InterestReach1795750000000',
      'Postcodes1795760000000',
      'MemberAppFields1795770000000',
      'HelperBasePostcode1795780000000',
    ]);
    await ds.undoLastMigration();
    expect(await hasColumn('helper_profile', 'base_postcode')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasColumn('venue', 'address')).toBe(false);
    expect(await hasColumn('help_request', 'meeting_place')).toBe(false);
    expect(await hasColumn('help_assignment', 'scheduled_at')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('postcode')).toBe(false);
    expect(await hasColumn('member_profile', 'postcode')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('participant_interest_reach')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasColumn('member_interest', 'shown')).toBe(false);
    await ds.undoLastMigration();
    await ds.undoLastMigration();
    expect(
      await exists(
        `SELECT 1 FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid
          WHERE t.typname = 'introduction_status' AND e.enumlabel = 'WITHDRAWN'`,
      ),
    ).toBe(false);
    // An introduction left pending across a block before the rule (one with someone who left is
    // tried in peers.e2e.ts: this test takes the left_at column down and back).
    const [blocker, blocked, other] = (
      await ds.query<{ id: string }[]>(
        `INSERT INTO person (email, display_name) VALUES ('wd-1@example.test', 'A'), ('wd-2@example.test', 'B'),
           ('wd-3@example.test', 'C') RETURNING id`,
      )
    ).map((r) => r.id);
    await ds.query(`INSERT INTO block (blocker_id, blocked_id) VALUES ($1, $2)`, [
      blocker,
      blocked,
    ]);
    const pendingBetween = (from: string, to: string) =>
      ds.query<{ id: string }[]>(
        `INSERT INTO introduction (from_id, to_id, pair_key)
         VALUES ($1::uuid, $2::uuid, LEAST($1::text, $2::text) || ':' || GREATEST($1::text, $2::text)) RETURNING id`,
        [from, to],
      );
    const [[acrossBlock], [open]] = [
      await pendingBetween(blocked, blocker),
      await pendingBetween(other, blocker),
    ];
    await ds.undoLastMigration();
    expect(await hasColumn('tie', 'confirmed')).toBe(false);
    const deviceSessionColumn = () => hasColumn('device', 'auth_session_id');
    await ds.query(
      `INSERT INTO person (email, display_name) VALUES ('device-migration@example.test', 'D')`,
    );
    const [{ id: deviceOwner }] = await ds.query<{ id: string }[]>(
      `SELECT id FROM person WHERE email = 'device-migration@example.test'`,
    );
    await ds.query(
      `INSERT INTO nudge (person_id, kind, key, due_at, title, body) VALUES ($1, 'DEVICE_REASSIGNED', 'd1', now(), 't', 'b'), ($1, 'CHECK_IN', 'd2', now(), 't', 'b')`,
      [deviceOwner],
    );
    await ds.undoLastMigration();
    expect(await deviceSessionColumn()).toBe(false);
    // The kind it added goes, with its nudges; the others stay.
    expect(await ds.query(`SELECT kind FROM nudge WHERE person_id = $1`, [deviceOwner])).toEqual([
      { kind: 'CHECK_IN' },
    ]);
    await ds.query(`DELETE FROM nudge WHERE person_id = $1`, [deviceOwner]);
    await ds.undoLastMigration();
    expect(await hasTable('participation_month_set')).toBe(false);
    expect(await hasTable('participation_month')).toBe(true);
    // A person made before record keys, and a member whose home is set: when the migrations come
    // back (below), each has a key of their own and a first home from the start of time.
    await ds.undoLastMigration();
    expect(await hasTable('member_home')).toBe(false);
    const placed = (
      await ds.query<{ id: string }[]>(
        `INSERT INTO person (email, display_name) VALUES ('home-a@example.test', 'A'), ('home-b@example.test', 'B') RETURNING id`,
      )
    ).map((p) => p.id);
    await ds.query(
      `INSERT INTO member_profile (person_id, home) SELECT id, CASE WHEN id = $2 THEN ST_SetSRID(ST_MakePoint(-0.1, 51.5), 4326)::geography END
         FROM unnest($1::uuid[]) id`,
      [placed, placed[0]],
    );
    await ds.undoLastMigration();
    expect(await hasTable('report_quarter')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('participant_answer_reach')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('member_join')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('equality_monitoring')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('participant_first')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('participant')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('imd_decile')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasColumn('tie_contact', 'reported_by')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasColumn('member_profile', 'left_at')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('network_snapshot')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('tie_contact')).toBe(false);
    // A tie of the old shape (made by an accepted introduction) is carried over as its contact.
    const [x, y] = (
      await ds.query<{ id: string }[]>(
        `INSERT INTO person (email, display_name) VALUES ('tie-x@example.test', 'X'), ('tie-y@example.test', 'Y') RETURNING id`,
      )
    )
      .map((r) => r.id)
      .sort();
    const [intro] = await ds.query<{ id: string }[]>(
      `INSERT INTO introduction (from_id, to_id, pair_key, status, responded_at)
       VALUES ($1::uuid, $2::uuid, $1::text || ':' || $2::text, 'ACCEPTED', now()) RETURNING id`,
      [x, y],
    );
    await ds.query(
      `INSERT INTO tie (person_a, person_b, source, created_at) VALUES ($1, $2, 'INTRODUCTION', '2026-05-01T10:00:00Z')`,
      [x, y],
    );
    await ds.undoLastMigration();
    expect(await hasTable('survey_response')).toBe(false);
    await ds.undoLastMigration();
    expect(await hasTable('survey_instrument')).toBe(false);
    await ds.undoLastMigration();
    expect(
      await exists(`SELECT 1 FROM pg_indexes WHERE indexname = 'ix_nudge_person_created'`),
    ).toBe(false);
    await ds.query(
      `INSERT INTO person (email, display_name) VALUES ('checkin-migration@example.test', 'C')`,
    );
    const [{ id }] = await ds.query<{ id: string }[]>(
      `SELECT id FROM person WHERE email = 'checkin-migration@example.test'`,
    );
    await ds.query(
      `INSERT INTO nudge (person_id, kind, key, due_at, title, body) VALUES ($1, 'CHECK_IN', 'k1', now(), 't', 'b'), ($1, 'FOLLOW_UP', 'k2', now(), 't', 'b')`,
      [id],
    );
    await ds.undoLastMigration();
    expect(await hasTable('check_in_task')).toBe(false);
    // The kind it added goes, with its nudges; the others stay.
    expect(await ds.query(`SELECT kind FROM nudge WHERE person_id = $1`, [id])).toEqual([
      { kind: 'FOLLOW_UP' },
    ]);
    await ds.runMigrations();
    expect(await nudgeTables()).toBe(true);
    expect(
      await ds.query(
        `SELECT source, ref_id AS "refId", weight FROM tie_contact WHERE person_a = $1`,
        [x],
      ),
    ).toEqual([{ source: 'INTRODUCTION', refId: intro.id, weight: 1 }]);
    expect(
      await ds.query(
        `SELECT sources, weight, contact_days AS days, last_contact_at AS last FROM tie WHERE person_a = $1 AND person_b = $2`,
        [x, y],
      ),
    ).toEqual([
      { sources: '{INTRODUCTION}', weight: 1, days: 1, last: new Date('2026-05-01T10:00:00Z') },
    ]);
    // What was left pending across a block is withdrawn; the rest stays open.
    expect(
      await ds.query(
        `SELECT id, status FROM introduction WHERE id IN ($1, $2) ORDER BY array_position(ARRAY[$1, $2]::uuid[], id)`,
        [acrossBlock.id, open.id],
      ),
    ).toEqual([
      { id: acrossBlock.id, status: 'WITHDRAWN' },
      { id: open.id, status: 'PENDING' },
    ]);
    // An accepted introduction is consent from both: the tie comes back confirmed.
    expect(
      await ds.query(`SELECT confirmed FROM tie WHERE person_a = $1 AND person_b = $2`, [x, y]),
    ).toEqual([{ confirmed: true }]);
    expect(await variantColumn()).toBe(true);
    expect(await exists(`SELECT 1 FROM pg_enum WHERE enumlabel = 'CHECK_IN'`)).toBe(true);
    expect(
      await exists(`SELECT 1 FROM pg_indexes WHERE indexname = 'ix_nudge_person_created'`),
    ).toBe(true);
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    // A stored instrument never changes.
    await ds.query(
      `INSERT INTO survey_instrument (instrument_id, version, definition) VALUES ('x', 1, '{}')`,
    );
    await expect(
      ds.query(`UPDATE survey_instrument SET definition = '{"a":1}' WHERE instrument_id = 'x'`),
    ).rejects.toThrow(/never changed/);
    await ds.query(`DELETE FROM survey_instrument WHERE instrument_id = 'x'`);
    expect(
      await exists(`SELECT 1 FROM pg_indexes WHERE indexname = 'ix_nudge_delivery_receipts'`),
    ).toBe(true);
    // Record keys drawn for people already there, and the first home of each placed member.
    expect(
      await ds.query(
        `SELECT person_id AS id, from_at = '-infinity' AS first FROM member_home WHERE person_id = ANY($1::uuid[])`,
        [placed],
      ),
    ).toEqual([{ id: placed[0], first: true }]);
    const keys = await ds.query<{ k: number }[]>(
      `SELECT record_key AS k FROM person WHERE id = ANY($1::uuid[])`,
      [placed],
    );
    expect(keys.every((k) => Number.isInteger(k.k) && k.k >= 0 && k.k < 2 ** 20)).toBe(true);
    expect(keys[0].k).not.toBe(keys[1].k);
  });
});
