import 'reflect-metadata';
import { DataSource } from 'typeorm';
// Relative imports: jest's globalSetup does not apply moduleNameMapper.
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';
import { MIGRATIONS } from '../../libs/schema/src/migrations';
import { databaseUrl, FILE_DB_PREFIX, TEMPLATE_DB, withAdmin } from './databases';

const marker = globalThis as { kithTestDatabasesReady?: boolean };

/**
 * Migrates a template database once per run; each test file then clones its own from it
 * (file-database.ts; CREATE DATABASE … TEMPLATE is far faster than migrating each).
 */
export default async function globalSetup(): Promise<void> {
  if (marker.kithTestDatabasesReady) return; // the db and e2e projects share one setup
  marker.kithTestDatabasesReady = true;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  });
  const ds = new DataSource(
    dataSourceOptions(databaseUrl(TEMPLATE_DB), { entities: [], migrations: MIGRATIONS }, 1),
  );
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  // What an earlier run's files left behind.
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [FILE_DB_PREFIX],
    );
    for (const { datname } of rows)
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  });
}
