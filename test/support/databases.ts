import { Client } from 'pg';

/** Tests connect as DATABASE_URL's user to databases named here, on the same server. */
export const BASE_URL =
  process.env.KITH_TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
/**
 * Two checkouts testing at once on one server (a second worktree) keep apart by setting
 * KITH_TEST_DB_NAMESPACE to a short lower-case word.
 */
const NAMESPACE = (process.env.KITH_TEST_DB_NAMESPACE ?? '').replace(/[^a-z0-9]/g, '');
const ROOT = NAMESPACE ? `kith_test_${NAMESPACE}_` : 'kith_test_';
export const TEMPLATE_DB = `${ROOT}template`;

export function databaseUrl(name: string): string {
  const url = new URL(BASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Databases made for one test file each are named with this prefix. */
export const FILE_DB_PREFIX = `${ROOT}f_`;

/**
 * This test file's own database, cloned from the template before its tests run
 * (test/support/file-database.ts), so no other file's rows can meet its assertions.
 */
export function fileDatabase(): string {
  const name = process.env.KITH_TEST_DATABASE;
  if (!name) throw new Error('No database for this test file: is file-database.ts set up?');
  return name;
}

export async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: databaseUrl('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated, empty database of its own (for tests that need an empty one). */
export async function freshDatabase(
  label: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${ROOT}${label}_${process.env.JEST_WORKER_ID ?? '1'}`;
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  });
  return {
    url: databaseUrl(name),
    drop: () =>
      withAdmin(
        async (admin) => void (await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
      ),
  };
}

/** One statement on its own connection, for tests that look at a database an app is using. */
export async function queryDatabase<T>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
