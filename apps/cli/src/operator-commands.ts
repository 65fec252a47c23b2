import { createReadStream, readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AreaService, PostcodeService } from '@kith/areas';
import { DEMO_PEOPLE, DemoService } from '@kith/demo';
import { isRole, PersonService, Role } from '@kith/identity';
import { parseInstrument, SurveyInstrumentRepository } from '@kith/network';
import { DomainError } from '@kith/platform';
import { ImdService, ParticipationRollups, ParticipationService } from '@kith/reporting';
import type { KithConfig } from '@kith/platform';
import { CliModule } from './cli.module';

export async function withContext<T>(
  config: KithConfig,
  work: (app: INestApplicationContext) => Promise<T>,
): Promise<T> {
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
  });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

export function required(value: string | undefined, option: string): string {
  if (!value)
    throw DomainError.badInput(
      [{ path: option, message: `--${option} is required` }],
      `--${option} is required`,
    );
  return value;
}

export async function grantRole(config: KithConfig, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, role: { type: 'string' }, area: { type: 'string' } },
  });
  const email = required(values.email, 'email');
  const role = required(values.role, 'role').toUpperCase();
  if (!isRole(role)) {
    throw DomainError.badInput(
      [{ path: 'role', message: `use one of ${Object.values(Role).join(', ')}` }],
      `unknown role "${role}"`,
    );
  }
  return withContext(config, async (app) => {
    const result = await app.get(PersonService).grantRole(email, role, values.area);
    const where = values.area ? `in ${values.area} and the areas inside it` : 'everywhere';
    return [
      result.createdPerson ? `created ${result.person.email}` : `found ${result.person.email}`,
      result.newGrant ? `granted ${role} ${where}` : `already held ${role} ${where}`,
    ].join('; ');
  });
}

export async function importAreas(config: KithConfig, args: string[]): Promise<string> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      'code-property': { type: 'string' },
      'name-property': { type: 'string' },
      srid: { type: 'string' },
    },
  });
  const file = required(positionals[0], 'file');
  let geojson: unknown;
  try {
    geojson = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw DomainError.badInput(
      [{ path: 'file', message: String(error instanceof Error ? error.message : error) }],
      `cannot read ${file} as JSON`,
    );
  }
  const srid = values.srid === undefined ? undefined : Number(values.srid);
  if (srid !== undefined && !Number.isInteger(srid))
    throw DomainError.badInput([{ path: 'srid', message: 'an EPSG number, e.g. 27700' }]);
  return withContext(config, async (app) => {
    const { imported } = await app
      .get(AreaService)
      .importGeoJson(geojson, required(values.kind, 'kind'), {
        codeProperty: required(values['code-property'], 'code-property'),
        nameProperty: required(values['name-property'], 'name-property'),
        srid,
      });
    return `imported ${imported} ${values.kind} areas from ${file}`;
  });
}

export async function seedDemo(config: KithConfig, args: string[]): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      members: { type: 'string', default: '3000' },
      seed: { type: 'string', default: '20261124' },
      'if-empty': { type: 'boolean', default: false },
      city: { type: 'boolean', default: false },
    },
  });
  const people = DEMO_PEOPLE.map(
    (p) => `  ${p.email.padEnd(34)} ${p.role}${p.area ? ` in ${p.area}` : ''}`,
  ).join('\n');
  const signIn = `Sign in with requestSignInCode(email) then signIn(email, code); the code is in the worker's log.`;
  return withContext(config, async (app) => {
    const demo = app.get(DemoService);
    if (values['if-empty'] && !(await demo.isEmpty())) {
      return `The database already holds people; left as it is. Demo people:\n${people}\n${signIn}`;
    }
    const result = await demo.seed({
      members: Number(values.members),
      seed: Number(values.seed),
      city: values.city,
    });
    return [
      `Seeded ${result.counts.areas} areas, ${result.counts.people} people and ${result.counts.grants} role grants; ` +
        `${result.counts.venues} venues, ${result.counts.activities} weekly activities, ${result.counts.sessions} sessions and ${result.counts.bookings} bookings; ` +
        `${result.counts.helpers} helpers and ${result.counts.helpGiven} completed pieces of help; ` +
        `${result.counts.ties} ties, ${result.counts.surveyed} survey answers and ${result.counts.snapshots} weekly network snapshots.`,
      'Demo people:',
      people,
      signIn,
    ].join('\n');
  });
}

/**
 * `import-postcodes <file.csv>`: the ONS Postcode Directory (its CSV: pcds, lat, long, doterm), or
 * the demo's own. Read as a stream: the full directory is 2.7 million rows.
 */
export async function importPostcodes(config: KithConfig, args: string[]): Promise<string> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = required(positionals[0], 'file');
  try {
    if (!statSync(file).isFile()) throw new Error(`${file} is not a file`);
  } catch (error) {
    throw DomainError.badInput(
      [{ path: 'file', message: String(error instanceof Error ? error.message : error) }],
      `cannot read ${file}`,
    );
  }
  return withContext(config, async (app) => {
    const result = await app.get(PostcodeService).import(createReadStream(file));
    const left = [
      result.terminated > 0 ? `${result.terminated} terminated` : '',
      result.withoutLocation > 0 ? `${result.withoutLocation} without a location` : '',
      result.unreadable > 0 ? `${result.unreadable} unreadable` : '',
    ].filter(Boolean);
    return (
      `imported ${result.added + result.updated} postcodes of ${result.rows} rows ` +
      `(${result.added} new, ${result.updated} already held)` +
      (left.length > 0 ? `; left out: ${left.join(', ')}` : '')
    );
  });
}

/** `import-imd <file.csv> --version IoD2025`: a release of the Indices of Deprivation. */
export async function importImd(config: KithConfig, args: string[]): Promise<string> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { version: { type: 'string' } },
  });
  const file = required(positionals[0], 'file');
  const version = required(values.version, 'version');
  const text = readText(file);
  return withContext(config, async (app) => {
    const { imported, replaced } = await app.get(ImdService).import(text, version);
    return `imported ${imported} LSOA deciles of ${version}${replaced > 0 ? ` (replacing the ${replaced} imported before)` : ''}`;
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw DomainError.badInput(
      [{ path: 'file', message: String(error instanceof Error ? error.message : error) }],
      `cannot read ${file}`,
    );
  }
}

/**
 * Imports a survey instrument the operator supplies (a licensed one): checked against the format
 * first, refused naming the line of each problem, nothing stored then.
 */
export async function importInstrument(config: KithConfig, args: string[]): Promise<string> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const file = required(positionals[0], 'file');
  const def = parseInstrument(readText(file));
  return withContext(config, async (app) => {
    const { created } = await app.get(SurveyInstrumentRepository).import(def);
    return created
      ? `imported ${def.id} version ${def.version}: ${def.items.length} items`
      : `${def.id} version ${def.version} was already imported, as it is`;
  });
}

/**
 * `reports rebuild-rollups`: every participation rollup worked out again from all attendance.
 * `reports forget-quarters --area <code>`: the kept tables of who took part in its closed
 * quarters forgotten, so the next report works them out again (after a wrong import was put
 * right, or a release of the Indices came): what was published stays as it was, and the new
 * tables may differ from it by those who moved or changed an answer since.
 */
export async function reports(config: KithConfig, args: string[]): Promise<string> {
  const [sub, ...rest] = args;
  if (sub === 'forget-quarters') {
    const { values } = parseArgs({
      args: rest,
      options: { area: { type: 'string' } },
      allowPositionals: false,
    });
    const code = required(values.area, 'area');
    return withContext(config, async (app) => {
      const area = await app.get(AreaService).byCode(code);
      const forgotten = await app.get(ParticipationService).forgetQuarters(area.id);
      return `forgot the kept tables of ${forgotten} quarters of ${area.name}; the next reports work them out again (what was published before stays as it was)`;
    });
  }
  if (sub !== 'rebuild-rollups')
    throw DomainError.badInput(
      [{ path: 'command', message: 'rebuild-rollups or forget-quarters' }],
      `unknown reports command "${sub ?? ''}"`,
    );
  return withContext(config, async (app) => {
    const started = Date.now();
    const { sessions, participants } = await app.get(ParticipationRollups).rebuild();
    return `rebuilt the participation rollups: ${sessions} sessions with attendance, ${participants} participants, ${Date.now() - started} ms`;
  });
}
