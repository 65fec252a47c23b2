import 'reflect-metadata';
import { DataSource } from 'typeorm';
import type { Config } from 'jest';
// Relative imports: jest's globalSetup does not apply moduleNameMapper.
import { dataSourceOptions } from '../../libs/platform/src/database/data-source-options';
import { MIGRATIONS } from '../../libs/schema/src/migrations';
import { databaseUrl, TEMPLATE_DB, withAdmin, workerDatabase } from './databases';

const marker = globalThis as { kithTestDatabasesReady?: boolean };

/**
 * Migrates a template database once per run, then clones one database per jest worker from
 * it (CREATE DATABASE … TEMPLATE is a file copy: far faster than migrating each).
 */
export default async function globalSetup(config: Config): Promise<void> {
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
  const workers = Math.max(Number(config.maxWorkers) || 1, 1);
  await withAdmin(async (admin) => {
    for (let id = 1; id <= workers; id += 1) {
      await admin.query(`DROP DATABASE IF EXISTS ${workerDatabase(id)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${workerDatabase(id)} TEMPLATE ${TEMPLATE_DB}`);
    }
  });
}
