import { createHash } from 'node:crypto';
import { FILE_DB_PREFIX, TEMPLATE_DB, withAdmin } from './databases';

// Named now, while the file is being read, since some files build their config at that point;
// made before any of the file's own hooks run. Dropped when the next run starts, not here: the
// file's own afterAll hooks may still be closing connections to it.
const testPath = expect.getState().testPath ?? 'unknown';
const name = `${FILE_DB_PREFIX}${createHash('sha256').update(testPath).digest('hex').slice(0, 16)}`;
process.env.KITH_TEST_DATABASE = name;

beforeAll(async () => {
  await withAdmin(async (admin) => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  });
});
