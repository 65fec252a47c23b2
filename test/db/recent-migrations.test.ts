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

  it('NudgeDelivery, then Nudges, go down and come back without drift', async () => {
    expect(ds.migrations.slice(-2).map((m) => m.name)).toEqual([
      'Nudges1795550000000',
      'NudgeDelivery1795560000000',
    ]);
    await ds.undoLastMigration();
    expect(await variantColumn()).toBe(false);
    expect(await exists(`SELECT 1 FROM pg_type WHERE typname = 'delivery_status'`)).toBe(false);
    expect(await nudgeTables()).toBe(true);
    await ds.undoLastMigration();
    expect(await nudgeTables()).toBe(false);
    expect(await exists(`SELECT 1 FROM pg_type WHERE typname = 'nudge_kind'`)).toBe(false);
    await ds.runMigrations();
    expect(await nudgeTables()).toBe(true);
    expect(await variantColumn()).toBe(true);
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    expect(
      await exists(`SELECT 1 FROM pg_indexes WHERE indexname = 'ix_nudge_delivery_receipts'`),
    ).toBe(true);
  });
});
