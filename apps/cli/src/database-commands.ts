import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';

export function kithDataSource(config: KithConfig): DataSource {
  return new DataSource(dataSourceOptions(config.database.url, KITH_SCHEMA, 2));
}

/** Creates the database named in DATABASE_URL when it is missing (a fresh machine). */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const ds = new DataSource({ type: 'postgres', url: admin.toString() });
  await ds.initialize();
  try {
    const rows: unknown[] = await ds.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rows.length > 0) return false;
    await ds.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    return true;
  } finally {
    await ds.destroy();
  }
}

export async function migrate(config: KithConfig, direction: 'up' | 'down'): Promise<string[]> {
  const ds = kithDataSource(config);
  await ds.initialize();
  try {
    if (direction === 'down') {
      await ds.undoLastMigration({ transaction: 'each' });
      return ['reverted the last migration'];
    }
    const ran = await ds.runMigrations({ transaction: 'each' });
    return ran.map((migration) => migration.name);
  } finally {
    await ds.destroy();
  }
}

/** Development aid: writes the SQL that would bring the database in line with the entities. */
export async function generateMigration(config: KithConfig, name: string): Promise<string | null> {
  if (!/^[A-Z][A-Za-z0-9]+$/.test(name))
    throw new Error('Name the migration in PascalCase, e.g. AddVenues');
  const ds = kithDataSource(config);
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) return null;
    const timestamp = Date.now();
    const quote = (query: string) =>
      `    await queryRunner.query(\`${query.replace(/`/g, '\\`')}\`);`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map((q) => quote(q.query)).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries
  .reverse()
  .map((q) => quote(q.query))
  .join('\n')}
  }
}
`;
    const file = join(process.cwd(), 'libs/schema/src/migrations', `${timestamp}-${name}.ts`);
    writeFileSync(file, body);
    return file;
  } finally {
    await ds.destroy();
  }
}
