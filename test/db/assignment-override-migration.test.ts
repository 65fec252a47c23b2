import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { testConfig } from '../support/config';

describe('the AssignmentOverride migration', () => {
  const ds = new DataSource(dataSourceOptions(testConfig().database.url, KITH_SCHEMA, 1));
  const columns = async () =>
    (
      await ds.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'help_assignment' AND column_name = 'override'`,
      )
    )[0].n;

  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it('goes down and up again, leaving the schema as the entities say', async () => {
    expect(ds.migrations.at(-1)?.name).toBe('AssignmentOverride1795540000000');
    await ds.undoLastMigration();
    expect(await columns()).toBe(0);
    await ds.runMigrations();
    expect(await columns()).toBe(1);
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    const [check] = await ds.query<{ present: boolean }[]>(
      `SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'ck_help_assignment_override') AS present`,
    );
    expect(check).toEqual({ present: true });
  });
});
