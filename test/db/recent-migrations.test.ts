import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { testConfig } from '../support/config';

/** The newest migrations go down and up again, leaving the schema as the entities say. */
describe('the newest migrations', () => {
  const ds = new DataSource(dataSourceOptions(testConfig().database.url, KITH_SCHEMA, 1));
  const exists = async (sql: string) =>
    (await ds.query<{ present: boolean }[]>(`SELECT EXISTS (${sql}) AS present`))[0].present;
  const variantColumn = () =>
    exists(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'nudge' AND column_name = 'variant'`,
    );
  const nudgeTables = () =>
    exists(
      `SELECT 1 FROM information_schema.tables WHERE table_name IN ('nudge', 'nudge_preferences', 'device')`,
    );

  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it('the survey and nudge migrations go down and come back without drift', async () => {
    expect(ds.migrations.slice(-5).map((m) => m.name)).toEqual([
      'NudgeDelivery1795560000000',
      'CheckIns1795570000000',
      'NudgeHistoryIndex1795580000000',
      'SurveyInstruments1795590000000',
      'SurveyResponses1795600000000',
    ]);
    await ds.undoLastMigration();
    expect(
      await exists(`SELECT 1 FROM information_schema.tables WHERE table_name = 'survey_response'`),
    ).toBe(false);
    await ds.undoLastMigration();
    expect(
      await exists(
        `SELECT 1 FROM information_schema.tables WHERE table_name = 'survey_instrument'`,
      ),
    ).toBe(false);
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
    expect(
      await exists(`SELECT 1 FROM information_schema.tables WHERE table_name = 'check_in_task'`),
    ).toBe(false);
    // The kind it added goes, with its nudges; the others stay.
    expect(await ds.query(`SELECT kind FROM nudge WHERE person_id = $1`, [id])).toEqual([
      { kind: 'FOLLOW_UP' },
    ]);
    await ds.undoLastMigration();
    expect(await variantColumn()).toBe(false);
    expect(await exists(`SELECT 1 FROM pg_type WHERE typname = 'delivery_status'`)).toBe(false);
    expect(await nudgeTables()).toBe(true);
    await ds.runMigrations();
    expect(await nudgeTables()).toBe(true);
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
  });
});
