import { Client } from 'pg';
import { Db, PoolShare } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { signIn, uniqueEmail } from '../support/sign-in';

async function post(
  api: RunningApi,
  body: string,
  contentType = 'application/json',
): Promise<{ status: number; text: string }> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: response.status, text: await response.text() };
}

/** A browser's CORS preflight for a signed-in GraphQL POST from `origin`. */
function preflight(api: RunningApi, origin: string): Promise<Response> {
  return fetch(`${api.url}/graphql`, {
    method: 'OPTIONS',
    headers: {
      origin,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type',
    },
  });
}

describe('what the HTTP edge survives', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig({ GRAPHQL_MAX_DEPTH: '3', GRAPHQL_MAX_COST: '200' }));
  });

  afterAll(async () => {
    await api?.close();
  });

  it('answers malformed JSON with 400 and keeps serving', async () => {
    const bad = await post(api, '{"query": "{ me { id }');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.text)).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', fields: [{ path: 'body' }] } }],
    });
    const tooLarge = await post(
      api,
      JSON.stringify({ query: `{ me { id } } # ${'x'.repeat(200_000)}` }),
    );
    expect(tooLarge.status).toBe(413);
    expect(JSON.parse(tooLarge.text)).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT' } }],
    });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);
  });

  it('answers bodies that are not GraphQL requests with 400 BAD_USER_INPUT', async () => {
    for (const body of ['{"hello":"world"}', '[1,2,3]', '{"query": 42}']) {
      const response = await post(api, body);
      expect(response.status).toBe(400);
      expect(
        (JSON.parse(response.text) as { errors: { extensions: { code: string } }[] }).errors[0]
          .extensions.code,
      ).toBe('BAD_USER_INPUT');
    }
    expect((await post(api, 'query=%7Bme%7Bid%7D%7D', 'text/plain')).status).toBeGreaterThanOrEqual(
      400,
    );
  });

  it("refuses unknown fields and arguments with Apollo's validation code, wrong types as BAD_USER_INPUT, with field details", async () => {
    const unknownField = await api.gql(`{ me { id shoeSize } }`);
    expect(unknownField.status).toBe(400);
    expect(unknownField.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      fields: [{ path: 'shoeSize' }],
    });
    const unknownArgument = await api.gql(
      `mutation { requestSignInCode(email: "a@b.org", urgent: true) }`,
    );
    expect(unknownArgument.errors?.[0].extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      fields: [{ path: 'urgent' }],
    });
    const unparsable = await api.gql(`{ me { id `);
    expect(unparsable.errors?.[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    const wrongType = await api.gql(`mutation M($e: String!) { requestSignInCode(email: $e) }`, {
      e: { not: 'a string' },
    });
    expect(wrongType.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'e' }],
    });
    const wrongLiteral = await api.gql(`mutation { requestSignInCode(email: 42) }`);
    expect(wrongLiteral.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('rejects an over-deep query before it runs', async () => {
    const session = await signIn(api);
    const deep = await api.gql(`{ me { roles { area { id } } } }`, {}, session.accessToken);
    expect(deep.status).toBe(400);
    expect(deep.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(deep.errors?.[0].message).toMatch(/4 levels deep; at most 3/);
    expect(deep.data).toBeUndefined();
  });

  it('rejects an over-costly operation before any of it runs', async () => {
    const email = uniqueEmail('costly');
    // 201 aliased mutations cost 201 > 200: had any run, a code would be stored for the email.
    const aliases = Array.from(
      { length: 201 },
      (_, i) => `m${i}: requestSignInCode(email: "${email}")`,
    ).join('\n');
    const costly = await api.gql(`mutation { ${aliases} }`);
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(costly.errors?.[0].message).toMatch(/would cost 201; at most 200/);
    const db = new Client({ connectionString: api.config.database.url });
    await db.connect();
    try {
      expect((await db.query('SELECT 1 FROM sign_in_code WHERE email = $1', [email])).rows).toEqual(
        [],
      );
    } finally {
      await db.end();
    }
  });

  it('echoes a request id, or makes one', async () => {
    const given = await fetch(`${api.url}/health/live`, { headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers.get('x-request-id')).toBe('abc-123');
    const made = await fetch(`${api.url}/health/live`, {
      headers: { 'x-request-id': 'no spaces allowed!' },
    });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("lets browsers on the apps' local origins call it, and no others", async () => {
    const allowed = await preflight(api, 'http://localhost:8081');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:8081');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
    expect(allowed.headers.get('access-control-allow-methods')).toContain('POST');
    expect(allowed.headers.get('access-control-allow-credentials')).toBeNull();
    // The answer itself carries the origin, so the browser hands it to the app.
    const answered = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:5173' },
      body: JSON.stringify({ query: '{ interests { id } }' }),
    });
    expect(answered.status).toBe(200);
    expect(answered.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');

    const stranger = await preflight(api, 'https://evil.example');
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const strangerPost = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ query: '{ interests { id } }' }),
    });
    expect(strangerPost.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('offers introspection outside production', async () => {
    const introspection = await api.gql(`{ __schema { queryType { name } } }`);
    expect(introspection.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });
});

describe('the price of a candidate search', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig());
  });

  afterAll(() => api?.close());

  it('refuses a thousand aliases of recommendedSessions before anything runs, and allows a few', async () => {
    const member = await signIn(api);
    const db = api.app.get(Db);
    const spy = jest.spyOn(db, 'query');
    const aliases = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: recommendedSessions(first: 1) { score }`).join(' ')} }`;
    try {
      const flood = await api.gql(aliases(2000), {}, member.accessToken);
      expect(flood.status).toBe(400);
      expect(flood.errors?.[0].message).toMatch(/would cost \d+; at most 5000/);
      const six = await api.gql(aliases(6), {}, member.accessToken);
      expect(six.errors?.[0].message).toMatch(/would cost 60\d\d; at most 5000/);
      // Nothing ran for either: no statement but the job relay's own.
      expect(spy.mock.calls.filter(([sql]) => !/\b(FROM|INTO|UPDATE) job\b/.test(sql))).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    const four = await api.gql(aliases(4), {}, member.accessToken);
    expect(four.errors).toBeUndefined();
  });

  it('runs each request within its own share of the database pool', async () => {
    const member = await signIn(api);
    const shares = new Set<PoolShare>();
    const original = PoolShare.prototype.acquire;
    const acquire = jest.spyOn(PoolShare.prototype, 'acquire');
    acquire.mockImplementation(function (this: PoolShare) {
      shares.add(this);
      return original.call(this);
    });
    try {
      const aliases = Array.from({ length: 12 }, (_, i) => `m${i}: me { id }`).join(' ');
      expect((await api.gql(`{ ${aliases} }`, {}, member.accessToken)).errors).toBeUndefined();
    } finally {
      acquire.mockRestore();
    }
    expect(shares.size).toBe(1);
    expect([...shares][0].limit).toBe(api.config.database.requestConnections);
  });
});

describe('in production', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(
      testConfig({
        NODE_ENV: 'production',
        MAIL_URL: 'smtp://127.0.0.1:1',
        PUBLIC_URL: 'https://kith.example.org',
        APP_URL: 'https://app.kith.example.org',
        CORS_ORIGINS: 'https://console.kith.example.org',
      }),
    );
  });

  it('lets browsers call it from the configured origins only', async () => {
    for (const origin of ['https://app.kith.example.org', 'https://console.kith.example.org']) {
      const allowed = await preflight(api, origin);
      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(origin);
    }
    // A laptop's app is no origin of a production service.
    for (const origin of ['http://localhost:8081', 'http://localhost:5173', 'null'])
      expect((await preflight(api, origin)).headers.get('access-control-allow-origin')).toBeNull();
  });

  afterAll(async () => {
    await api?.close();
  });

  it('refuses introspection and serves no landing page', async () => {
    const introspection = await api.gql(`{ __schema { queryType { name } } }`);
    expect(introspection.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const landing = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(await landing.text()).not.toMatch(/<html/i);
  });

  it('suggests no field names: a typo learns nothing of the schema', async () => {
    const typo = await api.gql(`{ mee { id } }`);
    expect(typo.errors?.[0].message).toBe('Cannot query field "mee" on type "Query".');
    const argument = await api.gql(`{ sessions(frist: 2) { edges { cursor } } }`);
    expect(JSON.stringify(argument.errors)).not.toMatch(/Did you mean/);
  });

  it('sends no stack traces', async () => {
    const failures = [
      await api.gql(`{ me { id } }`),
      await api.gql(`{ nope }`),
      await api.gql(`mutation { signIn(email: "x@y.org", code: "123456") { accessToken } }`),
    ];
    for (const failure of failures) {
      expect(failure.errors?.length).toBeGreaterThan(0);
      expect(JSON.stringify(failure.errors)).not.toMatch(/stacktrace|\.ts:\d+|at [A-Z]\w+\./);
    }
  });
});
