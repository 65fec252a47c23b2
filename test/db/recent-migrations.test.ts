import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { testConfig } from '../support/config';

/** The newest migrations go down and up again, leaving the schema as the entities say. */
describe('the newest migrations', () => {
  const ds = new DataSource(dataSourceOptions(testConfig().database.url, KITH_SCHEMA, 1));
  const exists = async (sql: string) =>
    (await ds.query<{ present: boolean }[]>(`SELECT EXISTS (${sql}) AS present`))[0].present;
  const overrideColumn = () =>
    exists(
      `SELECT 1 FROM information_schema.columns WHERE table_name = 'help_assignment' AND column_name = 'override'`,
    );
  const nudgeTables = () =>
    exists(
      `SELECT 1 FROM information_schema.tables WHERE table_name IN ('nudge', 'nudge_preferences', 'device')`,
    );

  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it('Nudges, then AssignmentOverride, go down and come back without drift', async () => {
    expect(ds.migrations.slice(-2).map((m) => m.name)).toEqual([
      'AssignmentOverride1795540000000',
      'Nudges1795550000000',
    ]);
    await ds.undoLastMigration();
    expect(await nudgeTables()).toBe(false);
    expect(await exists(`SELECT 1 FROM pg_type WHERE typname = 'nudge_kind'`)).toBe(false);
    await ds.undoLastMigration();
    expect(await overrideColumn()).toBe(false);
    await ds.runMigrations();
    expect(await overrideColumn()).toBe(true);
    expect(await nudgeTables()).toBe(true);
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    expect(
      await exists(`SELECT 1 FROM pg_constraint WHERE conname = 'ck_help_assignment_override'`),
    ).toBe(true);
  });
});
