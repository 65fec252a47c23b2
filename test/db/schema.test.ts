import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { testConfig } from '../support/config';

describe('the migrated schema', () => {
  const ds = new DataSource(dataSourceOptions(testConfig().database.url, KITH_SCHEMA, 1));

  beforeAll(() => ds.initialize());
  afterAll(() => ds.destroy());

  it('matches the entities exactly (no drift between entities and migrations)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('has every migration applied and PostGIS enabled', async () => {
    expect(await ds.showMigrations()).toBe(false);
    const [row] = await ds.query<{ extname: string }[]>(
      `SELECT extname FROM pg_extension WHERE extname = 'postgis'`,
    );
    expect(row?.extname).toBe('postgis');
  });
});
