import { FILE_DB_PREFIX, withAdmin } from './databases';

/** Leaves the server as it was: every test file's own database goes. */
export default async function globalTeardown(): Promise<void> {
  await withAdmin(async (admin) => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
      [FILE_DB_PREFIX],
    );
    for (const { datname } of rows) {
      await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    }
  });
}
