import { request } from 'node:http';
import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { Db, loadConfig, londonDate, londonMidnight } from '@kith/platform';
import { freePort } from '../bench/free-port';
import { startApi } from '../support/api';
import type { GraphQLResponse, RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { testConfig, testEnv } from '../support/config';
import { startBuilt } from '../support/processes';
import { clearRedisPrefix } from '../support/redis';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const LINK = `query($k: String!, $f: String!, $a: ID!, $from: DateTime!, $to: DateTime!) {
  reportLink(kind: $k, format: $f, areaId: $a, from: $from, to: $to) }`;
const SIGN_OUT = `mutation { signOut }`;
const REFRESH = `mutation($r: String!) { refreshSession(refreshToken: $r) { accessToken } }`;

/** The last three whole months, as reports take them (from and to the first of a month, London). */
function lastMonths(): { from: string; to: string } {
  const [year, month] = londonDate(new Date()).split('-').map(Number);
  const back = new Date(Date.UTC(year, month - 1 - 3, 1));
  const first = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  return {
    from: londonMidnight(first(back.getUTCFullYear(), back.getUTCMonth() + 1)).toISOString(),
    to: londonMidnight(first(year, month)).toISOString(),
  };
}

/** A POST to /graphql with headers fetch will not send as given (Host among them). */
function postRaw(
  url: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; body: GraphQLResponse<{ reportLink: string }> }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        path: '/graphql',
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as never }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

describe('report links and /reports: what an attacker tries', () => {
  let api: RunningApi;
  let db: Db;
  let people: PersonService;
  let riverside: string;
  const period = lastMonths();

  beforeAll(async () => {
    api = await startApi(
      testConfig({
        RATE_LIMIT_SIGNIN_PER_IP: '100000',
        REFRESH_REUSE_SECONDS: '0',
        // Each commissioner below reads a handful of tables: small enough to show a refused
        // request spent none of them.
        REPORTS_PER_HOUR: '6',
      }),
    );
    db = api.app.get(Db);
    people = api.app.get(PersonService);
    await importShippedAreas(api.app.get(AreaService));
    [{ id: riverside }] = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE code = 'K09000001'`,
    );
  });

  afterAll(() => api?.close());

  const commissioner = async (area = 'K09000001'): Promise<Session> => {
    const session = await signIn(api);
    await people.grantRole(session.email, Role.COMMISSIONER, area);
    return session;
  };
  const linkFor = async (session: Session, on = api) => {
    const made = await on.gql<{ reportLink: string }>(
      LINK,
      { k: 'outcomes', f: 'csv', a: riverside, ...period },
      session.accessToken,
    );
    expect(made.errors).toBeUndefined();
    return made.data!.reportLink;
  };

  it('builds a link from the configured address, never from the Host header the caller sends', async () => {
    const owner = await commissioner();
    const ask = { query: LINK, variables: { k: 'outcomes', f: 'csv', a: riverside, ...period } };
    const bearer = { authorization: `Bearer ${owner.accessToken}` };
    // Outside production without PUBLIC_URL: the address the API listens on, whatever Host says.
    const forged = await postRaw(api.url, ask, { ...bearer, host: 'evil.example' });
    expect(forged.body.errors).toBeUndefined();
    expect(forged.body.data!.reportLink.startsWith(`${api.url}/reports/outcomes.csv?`)).toBe(true);
    // Behind a trusted proxy, where X-Forwarded-Host and -Proto are read: PUBLIC_URL all the same.
    const behindProxy = await startApi(
      testConfig({
        PUBLIC_URL: 'https://kith.example.org/',
        TRUST_PROXY: '1',
      }),
    );
    try {
      const forgeries: Record<string, string>[] = [
        { host: 'evil.example' },
        { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'http' },
      ];
      for (const headers of forgeries) {
        const answer = await postRaw(behindProxy.url, ask, { ...bearer, ...headers });
        expect(answer.status).toBe(200);
        const link = answer.body.data!.reportLink;
        expect(link.startsWith('https://kith.example.org/reports/outcomes.csv?')).toBe(true);
        expect(link).not.toContain('evil');
      }
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a link once the session that made it has signed out, or been revoked', async () => {
    const email = (await commissioner()).email;
    // The shared office computer: the commissioner makes a link, reads it, and signs out.
    const office = await signIn(api, email);
    const link = await linkFor(office);
    expect((await fetch(link)).status).toBe(200);
    // Still signed in on their own phone, and still a commissioner of the area.
    const phone = await signIn(api, email);
    expect((await api.gql(SIGN_OUT, {}, office.accessToken)).data).toEqual({ signOut: true });
    // The next person at that computer finds the link in its history: it opens nothing.
    const after = await fetch(link);
    expect(after.status).toBe(401);
    expect(await after.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    // The phone's own link works: it is the office session that ended, not the person.
    expect((await fetch(await linkFor(phone))).status).toBe(200);
    // A session revoked because its refresh token was used twice (stolen): its links go with it.
    const stolen = await commissioner();
    const stolenLink = await linkFor(stolen);
    await api.gql(REFRESH, { r: stolen.refreshToken });
    const reused = await api.gql(REFRESH, { r: stolen.refreshToken });
    expect(reused.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await fetch(stolenLink)).status).toBe(401);
  });

  it('answers malformed input with 400 and its code, before reading anything', async () => {
    const caller = await commissioner();
    const base = `${api.url}/reports`;
    const good = `areaId=${riverside}&from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
    const link = new URL(await linkFor(caller));
    const signed = link.searchParams;
    const withLink = (changes: Record<string, string>) => {
      const q = new URLSearchParams(signed);
      for (const [key, value] of Object.entries(changes)) q.set(key, value);
      return `${base}/outcomes.csv?${q.toString()}`;
    };
    const malformed: [string, string][] = [
      [`${base}/participation.csv?${good.replace(/from=[^&]+/, 'from=x')}`, 'from'],
      [`${base}/participation.csv?${good.replace(/from=[^&]+/, 'from=')}`, 'from'],
      [`${base}/participation.csv?${good}&from=${encodeURIComponent(period.from)}`, 'from'],
      [`${base}/participation.csv?${good.replace(/&to=[^&]+/, '')}`, 'to'],
      [`${base}/participation.csv?${good.replace(/to=[^&]+/, 'to=2026-02-30')}`, 'to'],
      [
        `${base}/participation.csv?${good.replace(/areaId=[^&]+/, 'areaId=1%27%20OR%201%3D1')}`,
        'areaId',
      ],
      [`${base}/participation.csv?${good}&areaId=${riverside}`, 'areaId'],
      [`${base}/participation.csv?${good.replace(/areaId=[^&]+&/, '')}`, 'areaId'],
      [`${base}/participation.csv?${good}&groupBy=EVERYTHING`, 'groupBy.0'],
      [`${base}/participation.csv?${good}&groupBy=`, 'groupBy'],
      [`${base}/outcomes.csv?${good}&groupBy=MONTH`, 'groupBy'],
      // Not the first of a month: a period the reports do not give.
      [`${base}/outcomes.csv?${good.replace(/from=[^&]+/, 'from=2026-01-15T00:00:00Z')}`, 'from'],
      [`${base}/participation.pdf?${good}`, 'format'],
      [`${base}/everything.csv?${good}`, 'kind'],
      [`${base}/participation?${good}`, 'file'],
      [`${base}/participation.csv.html?${good}`, 'file'],
      [`${base}/participation.csv?${good}&debug=1`, 'debug'],
      [withLink({ expires: 'tomorrow' }), 'expires'],
      [withLink({ sig: '' }), 'sig'],
      [withLink({ sig: 'short' }), 'sig'],
      [withLink({ sid: 'report-link' }), 'sid'],
      [`${withLink({})}&sig=${signed.get('sig')}`, 'sig'],
    ];
    // A caller whose session has ended: their input is refused for what it is, before the
    // session is even looked at (and so before anything of people is read).
    const ended = await signIn(api, caller.email);
    await api.gql(SIGN_OUT, {}, ended.accessToken);
    for (const [url, field] of malformed) {
      for (const token of [caller.accessToken, ended.accessToken, undefined]) {
        const answer = await fetch(url, {
          headers: token ? { authorization: `Bearer ${token}` } : {},
        });
        const body = (await answer.json()) as { code?: string; fields?: { path: string }[] };
        expect({ url, status: answer.status, code: body.code }).toEqual({
          url,
          status: 400,
          code: 'BAD_USER_INPUT',
        });
        expect(body.fields?.map((f) => f.path)).toContain(field);
      }
    }
    // None of those spent the caller's reports for the hour (6): every one below still answers.
    const file = `${base}/outcomes.csv?${good}`;
    const as = (s: Session) =>
      fetch(file, { headers: { authorization: `Bearer ${s.accessToken}` } });
    expect((await as(caller)).status).toBe(200);
    // What is not malformed keeps its own answer: no sign-in 401, a link altered 401, a link
    // for another area 401, another borough's commissioner 403, an area that is not there 404.
    expect((await fetch(file)).status).toBe(401);
    expect((await as(ended)).status).toBe(401);
    expect((await fetch(withLink({ sig: 'A'.repeat(43) }))).status).toBe(401);
    expect((await fetch(withLink({ areaId: '00000000-0000-4000-8000-000000000000' }))).status).toBe(
      401,
    );
    expect((await as(await commissioner('K09000002'))).status).toBe(403);
    const nowhere = file.replace(riverside, '00000000-0000-4000-8000-000000000000');
    const missing = await fetch(nowhere, {
      headers: { authorization: `Bearer ${caller.accessToken}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('never writes a link’s signature or expiry to the log', async () => {
    const port = await freePort();
    const env = testEnv({
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: api.config.database.url,
      JWT_SECRET: api.config.auth.jwtSecret,
      MAIL_URL: 'smtp://127.0.0.1:1',
      PUBLIC_URL: 'https://kith.example.org',
      LOG_LEVEL: 'info',
    });
    const child = await startBuilt('api', env, /successfully started/);
    try {
      const local = `http://127.0.0.1:${port}`;
      const owner = await commissioner();
      const made = await fetch(`${local}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${owner.accessToken}`,
        },
        body: JSON.stringify({
          query: LINK,
          variables: { k: 'outcomes', f: 'csv', a: riverside, ...period },
        }),
      });
      const link = ((await made.json()) as { data: { reportLink: string } }).data.reportLink;
      // Where it points is another test's: here, what the log makes of it.
      const { pathname, search, searchParams } = new URL(link);
      const path = `${pathname}${search}`;
      const sig = searchParams.get('sig')!;
      const expires = searchParams.get('expires')!;
      // Used as a commissioner would: opened, opened again after a typo, and left in a Referer.
      expect((await fetch(`${local}${path}`)).status).toBe(200);
      expect(
        (await fetch(`${local}${path.replace('sig=', 'sig=x')}`)).status,
      ).toBeGreaterThanOrEqual(400);
      expect(
        (await fetch(`${local}/graphql?x=1`, { headers: { referer: link } })).status,
      ).toBeGreaterThanOrEqual(400);
      const last = await child.waitForLog(
        (line) => String((line.req as { url?: string } | undefined)?.url).startsWith('/graphql?x'),
        'the last request logged',
      );
      // The Referer is logged (it tells where a request came from), less the link's secrets.
      expect((last.req as { headers: Record<string, string> }).headers.referer).toMatch(
        /\/reports\/outcomes\.csv\?.*&sig=\[Redacted\]$/,
      );
      const logged = child.lines.map((line) => JSON.stringify(line)).join('\n');
      const reportLines = child.lines.filter((line) =>
        String((line.req as { url?: string } | undefined)?.url).startsWith('/reports/'),
      );
      expect(reportLines.length).toBeGreaterThanOrEqual(2);
      expect(logged).not.toContain(sig);
      expect(logged).not.toContain(sig.slice(0, 20));
      expect(logged).not.toContain(expires);
      expect(logged).toContain('sig=[Redacted]');
    } finally {
      await child.kill();
      await clearRedisPrefix(loadConfig(env));
    }
  });
});
