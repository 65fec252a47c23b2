import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEnv } from '../support/config';
import { freshDatabase, queryDatabase as query } from '../support/databases';
import { runBuilt } from '../support/processes';
import { uniqueEmail } from '../support/sign-in';

describe('the operator CLI', () => {
  const env = testEnv();
  const url = env.DATABASE_URL!;
  const cli = (...args: string[]) => runBuilt('cli', args, env);

  beforeAll(async () => {
    const wards = await cli(
      'import-areas',
      'infra/data/areas/demo-boroughs.geojson',
      '--kind',
      'borough',
      '--code-property',
      'LAD23CD',
      '--name-property',
      'LAD23NM',
    );
    expect(wards).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('imported 2 borough areas') as unknown,
    });
    const result = await cli(
      'import-areas',
      'infra/data/areas/demo-wards.geojson',
      '--kind',
      'ward',
      '--code-property',
      'WD23CD',
      '--name-property',
      'WD23NM',
    );
    expect(result.stdout).toContain('imported 8 ward areas');
  });

  it('grants a role in an area, creating the person', async () => {
    const email = uniqueEmail('cli-coordinator');
    const result = await cli(
      'grant-role',
      '--email',
      email,
      '--role',
      'coordinator',
      '--area',
      'K05000002',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `created ${email}; granted COORDINATOR in K05000002 and the areas inside it`,
    );
    const rows = await query<{ role: string; code: string }>(
      url,
      `SELECT g.role, a.code FROM role_grant g JOIN person p ON p.id = g.person_id JOIN area a ON a.id = g.area_id WHERE p.email = $1`,
      [email],
    );
    expect(rows).toEqual([{ role: 'COORDINATOR', code: 'K05000002' }]);
    const again = await cli(
      'grant-role',
      '--email',
      email,
      '--role',
      'COORDINATOR',
      '--area',
      'K05000002',
    );
    expect(again.stdout).toContain('already held COORDINATOR');
  });

  it('grants a role everywhere without --area', async () => {
    const email = uniqueEmail('cli-commissioner');
    const result = await cli('grant-role', '--email', email, '--role', 'COMMISSIONER');
    expect(result.stdout).toContain('granted COMMISSIONER everywhere');
  });

  it('refuses bad input with a clear message, a non-zero exit and nothing written', async () => {
    const email = uniqueEmail('cli-bad');
    const badRole = await cli('grant-role', '--email', email, '--role', 'king');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('unknown role "KING"');
    const badArea = await cli(
      'grant-role',
      '--email',
      email,
      '--role',
      'HELPER',
      '--area',
      'ATLANTIS',
    );
    expect(badArea.code).toBe(1);
    expect(badArea.stderr).toContain('Area "ATLANTIS" was not found');
    const missing = await cli('grant-role', '--role', 'HELPER');
    expect(missing.stderr).toContain('--email is required');
    expect(await query(url, 'SELECT 1 FROM person WHERE email = $1', [email])).toEqual([]);

    const dir = mkdtempSync(join(tmpdir(), 'kith-'));
    const broken = join(dir, 'broken.geojson');
    writeFileSync(broken, '{"type": "FeatureCollection", "features": [');
    const notJson = await cli(
      'import-areas',
      broken,
      '--kind',
      'ward',
      '--code-property',
      'a',
      '--name-property',
      'b',
    );
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toContain('cannot read');
    const unknown = await cli('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('grant-role');
  });

  it('imports a licensed survey instrument, and refuses a file that does not fit, naming the line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kith-instrument-'));
    const definition = {
      id: 'operator-wellbeing',
      version: 1,
      title: { en: 'Wellbeing' },
      licence: 'Used under the operator’s licence (test fixture, no real wording).',
      items: [1, 2].map((n) => ({
        id: `item-${n}`,
        text: { en: `Item ${n}` },
        options: [1, 2, 3].map((value) => ({ value, label: { en: String(value) } })),
      })),
      scoring: { method: 'sum', higherIs: 'better' },
    };
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(definition, null, 2));
    expect(await cli('import-instrument', good)).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('imported operator-wellbeing version 1: 2 items') as unknown,
    });
    // Again, as it is: nothing changes. With other content under the same version: refused.
    expect((await cli('import-instrument', good)).stdout).toContain('was already imported');
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify({ ...definition, title: { en: 'Other' } }, null, 2));
    const clash = await cli('import-instrument', changed);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('give this one a new version');

    // A scoring direction it does not know and an item's text with no English: both named,
    // nothing stored.
    const badText = JSON.stringify({ ...definition, id: 'operator-broken' }, null, 2)
      .replace('"higherIs": "better"', '"higherIs": "best"')
      .replace('"en": "Item 2"', '"fr": "Item 2"');
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, badText);
    const refused = await cli('import-instrument', bad);
    expect(refused.code).toBe(1);
    const lineOf = (marker: string) =>
      badText.split('\n').findIndex((line) => line.includes(marker)) + 1;
    expect(refused.stderr).toContain(
      `line ${lineOf('"fr": "Item 2"') - 1}: items.1.text: needs English (en) at least`,
    );
    expect(refused.stderr).toContain(`line ${lineOf('"higherIs"')}: scoring.higherIs`);
    const stored = await query<{ id: string }>(
      url,
      `SELECT instrument_id AS id FROM survey_instrument ORDER BY 1`,
    );
    expect(stored).toEqual([{ id: 'operator-wellbeing' }]);
    // Not JSON at all: the line of the first thing that does not parse.
    writeFileSync(bad, '{\n  "id": "x",\n  "version": 1\n  "title": {}\n}');
    expect((await cli('import-instrument', bad)).stderr).toMatch(/line 4: CommaExpected/);
  });

  it('imports postcodes from an ONS Postcode Directory CSV, and refuses a file without its columns', async () => {
    const result = await cli('import-postcodes', 'infra/data/postcodes/demo-postcodes.csv');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'imported 804 postcodes of 813 rows (804 new, 0 already held); left out: 8 terminated, 1 without a location',
    );
    const again = await cli('import-postcodes', 'infra/data/postcodes/demo-postcodes.csv');
    expect(again.stdout).toContain('(0 new, 804 already held)');
    const [row] = await query<{ display: string; lat: number }>(
      url,
      `SELECT display, ST_Y(location::geometry) AS lat FROM postcode WHERE postcode = 'KX11AB'`,
    );
    expect(row).toEqual({ display: 'KX1 1AB', lat: 51.500625 });

    const dir = mkdtempSync(join(tmpdir(), 'kith-postcodes-'));
    const wrong = join(dir, 'wrong.csv');
    writeFileSync(wrong, 'postcode,latitude,longitude\nKX7 7ZZ,51.5,-0.1\n');
    const refused = await cli('import-postcodes', wrong);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('the file has no pcds (or pcd), lat, long column');
    const missing = await cli('import-postcodes', join(dir, 'absent.csv'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('cannot read');
    // A file that fails part-way leaves nothing of itself behind.
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'pcds,lat,long\nKX7 7AA,51.5,-0.1\n"KX7 7AB,51.5,-0.1\n');
    expect((await cli('import-postcodes', broken)).code).not.toBe(0);
    expect(
      await query(url, `SELECT 1 FROM postcode WHERE postcode IN ('KX77ZZ', 'KX77AA')`),
    ).toEqual([]);
  });
});

describe('importing the Indices of Deprivation', () => {
  const env = testEnv();
  const url = env.DATABASE_URL!;
  const cli = (...args: string[]) => runBuilt('cli', args, env);
  const HEADER =
    'LSOA code (2021),LSOA name (2021),"Index of Multiple Deprivation (IMD) Decile (where 1 is most deprived 10% of LSOAs)"';

  it('imports the deciles of LSOAs that are areas, names the unknown ones and then imports nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kith-imd-'));
    const square = (code: string, west: number) => ({
      type: 'Feature',
      properties: { LSOA21CD: code, LSOA21NM: `Riverside ${code.slice(-3)}` },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [west, 51.503],
            [west + 0.002, 51.503],
            [west + 0.002, 51.505],
            [west, 51.505],
            [west, 51.503],
          ],
        ],
      },
    });
    const lsoas = join(dir, 'lsoas.geojson');
    writeFileSync(
      lsoas,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [square('E01000101', -0.101), square('E01000102', -0.099)],
      }),
    );
    const areas = await cli(
      'import-areas',
      lsoas,
      '--kind',
      'lsoa',
      '--code-property',
      'LSOA21CD',
      '--name-property',
      'LSOA21NM',
    );
    expect(areas.code).toBe(0);
    // The wards around them (again, if the tests above imported them: an update).
    expect(
      (
        await cli(
          'import-areas',
          'infra/data/areas/demo-wards.geojson',
          '--kind',
          'ward',
          '--code-property',
          'WD23CD',
          '--name-property',
          'WD23NM',
        )
      ).code,
    ).toBe(0);
    // A home there is still placed in its ward, not in the LSOA.
    const [{ kind }] = await query<{ kind: string | null }>(
      url,
      `SELECT (SELECT kind FROM area WHERE id = area_at(ST_MakePoint(-0.1, 51.504))) AS kind`,
    );
    expect(kind).toBe('ward');
    const good = join(dir, 'iod.csv');
    writeFileSync(good, `${HEADER}\nE01000101,Riverside 101,2\nE01000102,Riverside 102,7\n`);
    expect(await cli('import-imd', good, '--version', 'IoD2025')).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('imported 2 LSOA deciles of IoD2025') as unknown,
    });
    expect((await cli('import-imd', good, '--version', 'IoD2025')).stdout).toContain(
      'replacing the 2 imported before',
    );
    const unknown = join(dir, 'unknown.csv');
    writeFileSync(unknown, `${HEADER}\nE01000101,Riverside 101,3\nE01999999,Elsewhere,1\n`);
    const refused = await cli('import-imd', unknown, '--version', 'IoD2025');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('1 LSOA code is not an imported area: E01999999');
    // Nothing of it was kept: the release is as the good file left it.
    expect(await query(url, `SELECT lsoa_code AS code, decile FROM imd_decile ORDER BY 1`)).toEqual(
      [
        { code: 'E01000101', decile: 2 },
        { code: 'E01000102', decile: 7 },
      ],
    );
    const noVersion = await cli('import-imd', good);
    expect(noVersion.code).toBe(1);
    expect(noVersion.stderr).toContain('--version is required');
  });
});

describe('the demo neighbourhood', () => {
  it('seeds an empty database deterministically, and refuses a second time', async () => {
    const first = await freshDatabase('demo_a');
    const second = await freshDatabase('demo_b');
    try {
      const seed = (url: string, ...args: string[]) =>
        runBuilt(
          'cli',
          ['demo', '--members', '200', '--seed', '7', ...args],
          testEnv({ DATABASE_URL: url }),
        );
      const result = await seed(first.url);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /Seeded 10 areas, 214 people and \d+ role grants; 24 venues, 48 weekly activities, \d+ sessions and \d+ bookings/,
      );
      expect(result.stdout).toContain('member@demo.kith.example');
      expect(result.stdout).toContain('coordinator@demo.kith.example');
      expect(result.stdout).toContain('commissioner@demo.kith.example');
      await seed(second.url);

      const people = (url: string) =>
        query<{ email: string; display_name: string }>(
          url,
          'SELECT email, display_name FROM person ORDER BY email',
        );
      expect(await people(first.url)).toEqual(await people(second.url));
      // Six months of history: attendance recorded on past sessions, places taken within capacity.
      const history = await query<{ attended: number; over: number; profiles: number }>(
        first.url,
        `SELECT (SELECT count(*)::int FROM booking WHERE status = 'ATTENDED') AS attended,
                (SELECT count(*)::int FROM session WHERE booked_count > capacity) AS over,
                (SELECT count(*)::int FROM member_profile WHERE home_area_id IS NOT NULL) AS profiles`,
      );
      expect(history[0].attended).toBeGreaterThan(500);
      expect(history[0].over).toBe(0);
      expect(history[0].profiles).toBe(214);
      const help = await query<{ helpers: number; done: number; sum: number; below: number }>(
        first.url,
        `SELECT (SELECT count(*)::int FROM helper_profile WHERE status = 'APPROVED') AS helpers,
                (SELECT count(*)::int FROM help_assignment WHERE status = 'COMPLETED') AS done,
                (SELECT COALESCE(sum(minutes), 0)::int FROM time_credit_entry) AS sum,
                (SELECT count(*)::int FROM time_credit_account WHERE balance_minutes < floor_minutes) AS below`,
      );
      expect(help[0].helpers).toBeGreaterThanOrEqual(1);
      expect(help[0].done).toBeGreaterThan(0);
      expect(help[0]).toMatchObject({ sum: 0, below: 0 });
      const grants = await query<{ role: string; code: string | null; n: number }>(
        first.url,
        `SELECT g.role, a.code, count(*)::int AS n FROM role_grant g LEFT JOIN area a ON a.id = g.area_id
          GROUP BY 1, 2 ORDER BY 1, 2`,
      );
      expect(grants).toEqual(
        expect.arrayContaining([
          { role: 'COORDINATOR', code: 'K05000001', n: 1 },
          { role: 'COORDINATOR', code: 'K09000001', n: 1 },
          { role: 'COMMISSIONER', code: 'K09000002', n: 1 },
          { role: 'MEMBER', code: null, n: 204 },
        ]),
      );

      // The demo people's story: one borough, months of history, people known, help received,
      // an introduction waiting.
      const [story] = await query<{
        boroughs: string[];
        months: number;
        known: number;
        helpedBy: string[];
        waiting: number;
        introduced: number;
        ties: number;
        doubled: number;
      }>(
        first.url,
        `WITH sam AS (SELECT id FROM person WHERE email = 'member@demo.kith.example')
         SELECT ARRAY(SELECT DISTINCT b.code FROM person p JOIN member_profile mp ON mp.person_id = p.id
                        JOIN area w ON w.id = mp.home_area_id JOIN area b ON b.id = w.parent_id
                       WHERE p.email LIKE '%@demo.kith.example') AS boroughs,
                (SELECT (extract(epoch FROM max(s.starts_at) - min(s.starts_at)) / (30 * 86400))::float8
                   FROM booking bk JOIN session s ON s.id = bk.session_id
                  WHERE bk.person_id = (SELECT id FROM sam) AND bk.status = 'ATTENDED') AS months,
                (SELECT count(DISTINCT o.person_id)::int FROM booking m JOIN booking o ON o.session_id = m.session_id
                  WHERE m.person_id = (SELECT id FROM sam) AND o.person_id <> m.person_id
                    AND m.status = 'ATTENDED' AND o.status = 'ATTENDED') AS known,
                ARRAY(SELECT DISTINCT h.email FROM help_request r JOIN help_assignment a ON a.request_id = r.id
                        JOIN person h ON h.id = a.helper_id
                       WHERE r.member_id = (SELECT id FROM sam) AND a.status = 'COMPLETED') AS "helpedBy",
                (SELECT count(*)::int FROM introduction WHERE to_id = (SELECT id FROM sam) AND status = 'PENDING') AS waiting,
                (SELECT count(*)::int FROM tie WHERE (SELECT id FROM sam) IN (person_a, person_b)
                    AND 'INTRODUCTION' = ANY(sources)) AS introduced,
                (SELECT count(*)::int FROM tie WHERE (SELECT id FROM sam) IN (person_a, person_b)) AS ties,
                (SELECT count(*)::int FROM venue WHERE name ~ '\\m(\\w+) \\1\\M') AS doubled`,
      );
      expect(story.boroughs).toEqual(['K09000001']);
      expect(story.months).toBeGreaterThan(4);
      expect(story.known).toBeGreaterThanOrEqual(3);
      expect(story.helpedBy).toEqual(['helper@demo.kith.example']);
      expect(story).toMatchObject({ waiting: 1, introduced: 1, doubled: 0 });
      // Ties from the history: the people met, the helper, the introduction.
      expect(story.ties).toBeGreaterThanOrEqual(3);

      // Survey answers at baseline and, three months on, at review, for part of the members;
      // a network snapshot a week through the history, so change shows.
      expect(result.stdout).toMatch(
        /\d+ ties, \d+ survey answers and \d+ weekly network snapshots/,
      );
      const [surveys] = await query<{ baselines: number; reviews: number; soonest: number }>(
        first.url,
        `SELECT count(*) FILTER (WHERE stage = 'BASELINE')::int AS baselines,
                count(*) FILTER (WHERE stage = 'REVIEW')::int AS reviews,
                (SELECT min(extract(epoch FROM r.created_at - b.created_at) / 86400)::float8
                   FROM survey_response r JOIN survey_response b
                     ON b.person_id = r.person_id AND b.instrument_id = r.instrument_id AND b.stage = 'BASELINE'
                  WHERE r.stage = 'REVIEW') AS soonest
           FROM survey_response`,
      );
      expect(surveys.baselines).toBeGreaterThan(50);
      expect(surveys.reviews).toBeGreaterThan(10);
      expect(surveys.soonest).toBeGreaterThanOrEqual(90);
      const weeks = await query<{ on: string; members: number }>(
        first.url,
        `SELECT to_char("on", 'YYYY-MM-DD') AS on, count(*)::int AS members FROM network_snapshot GROUP BY 1 ORDER BY 1`,
      );
      expect(weeks.length).toBeGreaterThan(20);
      // Members join through the history: later weeks count more of them.
      expect(weeks[weeks.length - 1].members).toBeGreaterThan(weeks[1].members);

      const network = (...args: string[]) =>
        runBuilt('cli', ['network', ...args], testEnv({ DATABASE_URL: first.url }));
      const past = weeks[10].on;
      const again1 = await network('snapshot', '--date', past);
      expect(again1.code).toBe(0);
      expect(again1.stdout).toContain(`network snapshot ${past}: ${weeks[10].members} members`);
      expect(again1.stdout).toContain('from the contacts recorded by then');
      // Run again for a day it had: the same rows, replaced, not doubled.
      const [{ n }] = await query<{ n: number }>(
        first.url,
        `SELECT count(*)::int AS n FROM network_snapshot WHERE "on" = $1`,
        [past],
      );
      expect(n).toBe(weeks[10].members);
      for (const [args, message] of [
        [['snapshot', '--date', '2026-02-30'], 'date: give a date as YYYY-MM-DD'],
        [['snapshot', '--date', '2999-01-01'], 'date: a snapshot is of a day that has come'],
        [['backfill'], 'network backfill needs --weekly'],
        [['rebuild'], 'unknown network command "rebuild"'],
      ] as const) {
        const refused = await network(...args);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain(message);
      }
      // Every tie worked out again from the history: the same ties as were kept.
      const tieRows = () =>
        query<{ a: string; b: string; w: string }>(
          first.url,
          `SELECT person_a AS a, person_b AS b, round(weight::numeric, 9)::text AS w FROM tie ORDER BY 1, 2`,
        );
      const before = await tieRows();
      const rebuilt = await network('rebuild-ties');
      expect(rebuilt.stdout).toContain(`rebuilt ${before.length} ties`);
      expect(await tieRows()).toEqual(before);
      const today = await network('snapshot', '--json');
      const [{ members }] = await query<{ members: number }>(
        first.url,
        `SELECT count(*)::int AS members FROM member_profile`,
      );
      const outcome = JSON.parse(today.stdout) as {
        from: string;
        members: number;
        peakRssMb: number;
      };
      expect(outcome).toMatchObject({ from: 'kept', members });
      expect(outcome.peakRssMb).toBeGreaterThan(0);

      const again = await seed(first.url);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('already holds people');
      const ifEmpty = await seed(first.url, '--if-empty');
      expect(ifEmpty.code).toBe(0);
      expect(ifEmpty.stdout).toContain('left as it is');
    } finally {
      await first.drop();
      await second.drop();
    }
  });

  it("seeds a city at the members' scale with --city", async () => {
    const city = await freshDatabase('demo_city');
    try {
      const result = await runBuilt(
        'cli',
        ['demo', '--city', '--members', '400', '--seed', '7'],
        testEnv({ DATABASE_URL: city.url }),
        60_000,
      );
      expect(result.code).toBe(0);
      // 33 boroughs of 20 wards; a venue for every 20 members, four weekly activities each.
      expect(result.stdout).toMatch(
        /Seeded 693 areas, \d+ people .* 20 venues, 80 weekly activities/,
      );
      const [row] = await query<{
        unplaced: number;
        sessions: number;
        misplaced: number;
        borough: string;
      }>(
        city.url,
        `SELECT (SELECT count(*)::int FROM member_profile WHERE home_area_id IS NULL) AS unplaced,
                (SELECT count(*)::int FROM session WHERE starts_at > now()) AS sessions,
                (SELECT count(*)::int FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
                  WHERE NOT ST_Equals(s.location::geometry, v.location::geometry)) AS misplaced,
                (SELECT a.code FROM role_grant g JOIN area a ON a.id = g.area_id JOIN person p ON p.id = g.person_id
                  WHERE p.email = 'commissioner@demo.kith.example') AS borough`,
      );
      // Every home inside a ward; five weeks of sessions ahead, each where its venue is.
      expect(row).toMatchObject({ unplaced: 0, misplaced: 0, borough: 'K091000001' });
      expect(row.sessions).toBeGreaterThanOrEqual(4 * 80);
      expect(row.sessions).toBeLessThanOrEqual(5 * 80);
    } finally {
      await city.drop();
    }
  });
});

describe('the jobs an operator sees and retries', () => {
  let database: { url: string; drop: () => Promise<void> };
  let env: NodeJS.ProcessEnv;
  const cli = (...args: string[]) => runBuilt('cli', ['jobs', ...args], env);

  beforeAll(async () => {
    database = await freshDatabase('cli_jobs');
    env = testEnv({ DATABASE_URL: database.url });
    await query(
      database.url,
      `INSERT INTO job (job_name, job_id, payload, state, attempts, last_error, finished_at, available_at) VALUES
         ('send-sign-in-code-mail', 'send-sign-in-code-mail-a', '{}', 'failed', 6, 'SMTP said: 550 mailbox unavailable', now(), now() - interval '1 hour'),
         ('send-sign-in-code-mail', 'send-sign-in-code-mail-b', '{}', 'failed', 6, 'connection refused', now(), now() - interval '1 hour'),
         ('expand-recurring-sessions', 'expand-recurring-sessions-x', '{}', 'failed', 6, 'deadlock detected', now(), now()),
         ('probe', 'probe-1', '{"requestedAt": "2026-01-01T00:00:00Z"}', 'done', 1, NULL, now(), now()),
         ('probe', 'probe-2', '{"requestedAt": "2026-01-01T00:00:00Z"}', 'pending', 0, NULL, NULL, '2026-11-30T09:00:00Z')`,
    );
  });

  afterAll(() => database?.drop());

  it('counts jobs by state and name, with the oldest pending', async () => {
    const result = await cli();
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/failed\s+send-sign-in-code-mail\s+2/);
    expect(result.stdout).toMatch(/done\s+probe\s+1/);
    expect(result.stdout).toContain('oldest pending: probe, due 2026-11-30T09:00:00.000Z');
  });

  it('lists failed jobs, by name if asked, with attempts and the last error', async () => {
    const all = await cli('failed');
    expect(all.stdout.split('\n').filter((line) => /^\d+\s/.test(line))).toHaveLength(3);
    const mail = await cli('failed', '--name', 'send-sign-in-code-mail');
    expect(mail.stdout).toMatch(/send-sign-in-code-mail\s+6\s+0\s+\S+\s+SMTP said: 550/);
    expect(mail.stdout).not.toContain('deadlock');
  });

  it('retries one failed job by id, or all of a name, and refuses what it cannot retry', async () => {
    const [row] = await query<{ id: string }>(
      database.url,
      `SELECT id FROM job WHERE job_id = 'expand-recurring-sessions-x'`,
    );
    const one = await cli('retry', row.id);
    expect(one).toMatchObject({ code: 0, stdout: `retrying 1 job: ${row.id}\n` });
    const again = await cli('retry', row.id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`job ${row.id} is pending, not failed`);
    const byName = await cli('retry', '--name', 'send-sign-in-code-mail');
    expect(byName.stdout).toMatch(/^retrying 2 jobs: /);
    const states = await query<{ state: string; attempts: number }>(
      database.url,
      `SELECT state, attempts FROM job WHERE job_id LIKE 'send-sign-in-code-mail-%' OR job_id = 'expand-recurring-sessions-x'`,
    );
    expect(states).toEqual(Array(3).fill({ state: 'pending', attempts: 0 }));

    const unknownName = await cli('retry', '--name', 'send-fax');
    expect(unknownName.code).toBe(1);
    expect(unknownName.stderr).toContain('use one of send-sign-in-code-mail');
    const badId = await cli('retry', 'abc');
    expect(badId.code).toBe(1);
    expect(badId.stderr).toContain('must be a job row id');
    const missing = await cli('retry', '424242');
    expect(missing.stderr).toContain('Job was not found');
  });

  it('says plainly when a probe finds no worker', async () => {
    const result = await cli('probe', '--timeout-ms', '300');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a worker running?');
  });
});
