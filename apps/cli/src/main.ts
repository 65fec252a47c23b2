import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ConfigError, DomainError, loadConfig } from '@kith/platform';
import { ensureDatabase, generateMigration, migrate } from './database-commands';
import { jobs } from './job-commands';
import { network } from './network-commands';
import { InstrumentFileError } from '@kith/network';
import {
  grantRole,
  importAreas,
  importImd,
  importInstrument,
  importPostcodes,
  reports,
  seedDemo,
} from './operator-commands';

const USAGE = `Kith operator CLI

  npm run migrate                      apply pending migrations (creates the database if missing)
  npm run cli -- migrate --revert      undo the last migration
  npm run cli -- migration:generate <Name>
                                       write a migration from the entities' drift (development)
  npm run cli -- grant-role --email <email> --role <MEMBER|HELPER|COORDINATOR|COMMISSIONER> [--area <code>]
                                       creates the person if needed; without --area the role holds everywhere
  npm run cli -- import-areas <file.geojson> --kind <ward|borough|…> --code-property <p> --name-property <p> [--srid <n>]
                                       imports or updates boundaries (e.g. ONS ward boundaries)
  npm run cli -- import-postcodes <file.csv>
                                       imports or updates postcodes from the ONS Postcode Directory
                                       (its CSV: pcds, lat, long, doterm); members give a postcode
                                       for home, and one outside every imported area is refused
  npm run cli -- import-instrument <file.json>
                                       imports a survey instrument you hold the licence for (its
                                       wording is not shipped); a file that does not fit is refused,
                                       each problem with its line
  npm run cli -- import-imd <file.csv> --version IoD2025
                                       imports a release of the Indices of Deprivation (File 1 as
                                       CSV); every LSOA must be an imported area (import-areas
                                       --kind lsoa), or nothing is imported and the unknown named
  npm run demo -- [--members 3000] [--seed 20261124] [--if-empty] [--city]
                                       seeds the demo neighbourhood into an empty database;
                                       --city: a synthetic Greater London at the members' scale
  npm run cli -- network snapshot [--date YYYY-MM-DD] [--json]
                                       every member's network measures for the day, now (the
                                       same code as the 02:00 schedule); a past date is worked
                                       out from the contacts recorded by then
  npm run cli -- network backfill --weekly [--from YYYY-MM-DD]
                                       a snapshot every 7 days from the first activity on record
  npm run cli -- network rebuild-ties  every tie worked out again from all recorded attendance
                                       and contacts (after loading history from elsewhere)
  npm run cli -- reports rebuild-rollups
                                       every participation rollup worked out again from all
                                       recorded attendance (they are kept as it is recorded)
  npm run cli -- reports forget-quarters --area <code>
                                       the kept tables of who took part in its closed quarters
                                       forgotten: the next report works them out again
  npm run cli -- jobs                  jobs by state and name, the oldest pending, the schedules
  npm run cli -- jobs failed [--name <job>] [--limit 50]
                                       failed jobs with their attempts and last error
  npm run cli -- jobs retry <id> | --name <job>
                                       puts one failed job, or every failed job of a name, back to run
  npm run cli -- jobs probe [--timeout-ms 30000]
                                       sends a no-op job through the relay, Redis and a worker
`;

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  // The CLI prints its own results; logs only for warnings unless asked otherwise.
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  switch (command) {
    case 'migrate': {
      const { values } = parseArgs({
        args: rest,
        options: { revert: { type: 'boolean', default: false } },
      });
      if (!values.revert && (await ensureDatabase(config.database.url)))
        console.log('created the database');
      const ran = await migrate(config, values.revert ? 'down' : 'up');
      console.log(
        ran.length
          ? ran.map((name) => `migrated: ${name}`).join('\n')
          : 'the database is up to date',
      );
      return;
    }
    case 'migration:generate': {
      const file = await generateMigration(config, rest[0] ?? '');
      console.log(
        file ? `wrote ${file}; add it to libs/schema/src/migrations/index.ts` : 'no changes',
      );
      return;
    }
    case 'grant-role':
      console.log(await grantRole(config, rest));
      return;
    case 'import-areas':
      console.log(await importAreas(config, rest));
      return;
    case 'import-postcodes':
      console.log(await importPostcodes(config, rest));
      return;
    case 'import-instrument':
      console.log(await importInstrument(config, rest));
      return;
    case 'import-imd':
      console.log(await importImd(config, rest));
      return;
    case 'jobs':
      console.log(await jobs(config, rest));
      return;
    case 'network':
      console.log(await network(config, rest));
      return;
    case 'reports':
      console.log(await reports(config, rest));
      return;
    case 'demo':
      console.log(await seedDemo(config, rest));
      return;
    default:
      console.log(USAGE);
      if (command !== undefined && command !== 'help')
        throw new UsageError(`unknown command "${command}"`);
  }
}

class UsageError extends Error {}

run(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof UsageError ||
      error instanceof InstrumentFileError
    )
      console.error(error.message);
    else if (error instanceof DomainError) {
      console.error(
        [error.message, ...error.fields.map((f) => `  ${f.path}: ${f.message}`)].join('\n'),
      );
    } else console.error(error);
    process.exit(1);
  },
);
