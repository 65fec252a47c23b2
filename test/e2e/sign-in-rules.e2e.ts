import { JwtService } from '@nestjs/jwt';
import { hashRefreshToken } from '@kith/identity';
import { Client } from 'pg';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { latestCode, REQUEST_CODE, SIGN_IN, signIn, uniqueEmail } from '../support/sign-in';

const ME = `{ me { id email } }`;
const REFRESH = `mutation Refresh($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken } }`;

describe('sign-in rules over HTTP', () => {
  let api: RunningApi;
  let db: Client;

  beforeAll(async () => {
    api = await startApi(testConfig());
    db = new Client({ connectionString: api.config.database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await api?.close();
  });

  const codeRows = async (email: string) =>
    (await db.query('SELECT code_hash, attempts FROM sign_in_code WHERE email = $1', [email]))
      .rows as { code_hash: string; attempts: number }[];

  it('answers the same for known and unknown emails, and stores only a hash of the code', async () => {
    const known = await signIn(api);
    const unknown = uniqueEmail('stranger');
    expect((await api.gql(REQUEST_CODE, { email: known.email })).data).toEqual({
      requestSignInCode: true,
    });
    expect((await api.gql(REQUEST_CODE, { email: unknown })).data).toEqual({
      requestSignInCode: true,
    });
    const code = await latestCode(api, unknown);
    const [row] = await codeRows(unknown);
    expect(row.code_hash).not.toContain(code);
    expect(row.code_hash.length).toBeGreaterThan(20);
  });

  it('refuses a malformed email or code as BAD_USER_INPUT naming the field', async () => {
    const badEmail = await api.gql(REQUEST_CODE, { email: 'not-an-email' });
    expect(badEmail.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'email' }],
    });
    const badCode = await api.gql(SIGN_IN, { email: uniqueEmail(), code: '12ab' });
    expect(badCode.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'code', message: 'The code is 6 digits' }],
    });
  });

  it('counts wrong codes and stops after five tries, even for the right code', async () => {
    const email = uniqueEmail('guesser');
    await api.gql(REQUEST_CODE, { email });
    const right = await latestCode(api, email);
    const wrong = right === '000000' ? '111111' : '000000';
    const messages: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const attempt = await api.gql(SIGN_IN, { email, code: wrong });
      expect(attempt.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      messages.push((attempt.errors?.[0].extensions.fields as { message: string }[])[0].message);
    }
    expect(messages[0]).toBe(
      'That code is not right. Check it and type it again, or ask for a new code. 4 tries left.',
    );
    expect(messages[3]).toMatch(/ 1 try left\.$/);
    expect(messages[4]).toBe('That code is not right, and no tries are left. Ask for a new code.');
    const late = await api.gql(SIGN_IN, { email, code: right });
    expect(late.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await codeRows(email))[0].attempts).toBe(5);
  });

  it('counts concurrent wrong guesses exactly, never allowing a sixth', async () => {
    const email = uniqueEmail('racer');
    await api.gql(REQUEST_CODE, { email });
    const right = await latestCode(api, email);
    const wrong = right === '999999' ? '888888' : '999999';
    await Promise.all(Array.from({ length: 12 }, () => api.gql(SIGN_IN, { email, code: wrong })));
    expect((await codeRows(email))[0].attempts).toBe(5);
    expect((await api.gql(SIGN_IN, { email, code: right })).errors?.[0].extensions.code).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('refuses an expired code', async () => {
    const email = uniqueEmail('late');
    await api.gql(REQUEST_CODE, { email });
    const code = await latestCode(api, email);
    await db.query(
      `UPDATE sign_in_code SET expires_at = now() - interval '1 second' WHERE email = $1`,
      [email],
    );
    const result = await api.gql(SIGN_IN, { email, code });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'code' }],
    });
  });

  it('lets a code sign in once, even when used twice at the same moment', async () => {
    const email = uniqueEmail('twice');
    await api.gql(REQUEST_CODE, { email });
    const code = await latestCode(api, email);
    const results = await Promise.all([
      api.gql(SIGN_IN, { email, code }),
      api.gql(SIGN_IN, { email, code }),
    ]);
    expect(results.filter((r) => r.data?.signIn)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions.code === 'BAD_USER_INPUT')).toHaveLength(
      1,
    );
    const again = await api.gql(SIGN_IN, { email, code });
    expect(again.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const people = await db.query('SELECT count(*)::int AS n FROM person WHERE email = $1', [
      email,
    ]);
    expect(people.rows[0]).toEqual({ n: 1 });
  });

  it('limits code requests per email from one address, saying when to try again', async () => {
    const email = uniqueEmail('eager');
    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await api.gql(REQUEST_CODE, { email }));
    expect(answers.slice(0, 5).every((a) => a.data?.requestSignInCode === true)).toBe(true);
    expect(answers[5].errors?.[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(answers[5].errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await api.gql(REQUEST_CODE, { email: uniqueEmail() })).data).toEqual({
      requestSignInCode: true,
    });
  });
});

describe('sign-in limits a stranger cannot turn against a member', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(
      testConfig({
        TRUST_PROXY: '1',
        RATE_LIMIT_SIGNIN_PER_EMAIL: '3',
        RATE_LIMIT_SIGNIN_PER_EMAIL_ALL_ADDRESSES: '8',
        RATE_LIMIT_SIGNIN_PER_IP: '1000',
      }),
    );
  });

  afterAll(() => api?.close());

  const ask = (email: string, from: string) =>
    api.gql(REQUEST_CODE, { email }, undefined, { 'x-forwarded-for': from });
  const outcome = (answer: { data?: unknown; errors?: { extensions: { code: string } }[] }) =>
    answer.errors?.[0].extensions.code ?? 'ok';

  it('leaves the member their own budget when a stranger uses up theirs for the same email', async () => {
    const email = uniqueEmail('target');
    const stranger = [];
    for (let i = 0; i < 5; i += 1) stranger.push(outcome(await ask(email, '198.51.100.66')));
    expect(stranger).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED', 'RATE_LIMITED']);
    expect(outcome(await ask(email, '203.0.113.10'))).toBe('ok');
  });

  it('caps an email over all addresses, wider than one address', async () => {
    const email = uniqueEmail('popular');
    const answers = [];
    for (let i = 0; i < 9; i += 1) answers.push(outcome(await ask(email, `192.0.2.${i + 1}`)));
    expect(answers).toEqual([...Array<string>(8).fill('ok'), 'RATE_LIMITED']);
  });

  it('reads the client address one proxy deep, so a spoofed chain changes nothing', async () => {
    const limited = await startApi(testConfig({ TRUST_PROXY: '1', RATE_LIMIT_SIGNIN_PER_IP: '3' }));
    try {
      const answers = [];
      for (let i = 0; i < 4; i += 1) {
        // The client forges the start of the chain; our proxy appends the address it saw.
        const answer = await limited.gql(REQUEST_CODE, { email: uniqueEmail() }, undefined, {
          'x-forwarded-for': `10.9.8.${i}, 172.16.0.${i}, 203.0.113.99`,
        });
        answers.push(outcome(answer));
      }
      expect(answers).toEqual(['ok', 'ok', 'ok', 'RATE_LIMITED']);
    } finally {
      await limited.close();
    }
  });
});

describe('sign-in requests per IP address', () => {
  it('limits each client address, and reads X-Forwarded-For only behind a trusted proxy', async () => {
    const direct = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '3' }));
    const proxied = await startApi(
      testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '3', TRUST_PROXY: 'true' }),
    );
    try {
      const ask = (api: RunningApi, ip: string) =>
        api.gql(REQUEST_CODE, { email: uniqueEmail() }, undefined, { 'x-forwarded-for': ip });
      // Without a trusted proxy the header is ignored: everything comes from 127.0.0.1.
      const directAnswers = [
        await ask(direct, '10.0.0.1'),
        await ask(direct, '10.0.0.2'),
        await ask(direct, '10.0.0.3'),
        await ask(direct, '10.0.0.4'),
      ];
      expect(directAnswers.map((a) => a.errors?.[0].extensions.code ?? 'ok')).toEqual([
        'ok',
        'ok',
        'ok',
        'RATE_LIMITED',
      ]);

      const proxiedAnswers = [];
      for (let i = 0; i < 4; i += 1) proxiedAnswers.push(await ask(proxied, '203.0.113.7'));
      expect(proxiedAnswers.map((a) => a.errors?.[0].extensions.code ?? 'ok')).toEqual([
        'ok',
        'ok',
        'ok',
        'RATE_LIMITED',
      ]);
      expect((await ask(proxied, '203.0.113.8')).data).toEqual({ requestSignInCode: true });
    } finally {
      await direct.close();
      await proxied.close();
    }
  });
});

describe('tokens', () => {
  let api: RunningApi;
  let pg: Client;
  const jwt = new JwtService();

  beforeAll(async () => {
    api = await startApi(testConfig());
    pg = new Client({ connectionString: api.config.database.url });
    await pg.connect();
  });

  afterAll(async () => {
    await pg?.end();
    await api?.close();
  });

  const codeOf = (result: { errors?: { extensions: { code: string } }[] }) =>
    result.errors?.[0].extensions.code;

  it('refuses a missing, malformed, forged or expired access token', async () => {
    const session = await signIn(api);
    const claims = { sub: session.personId, sid: 'x', typ: 'access' };
    const forged = jwt.sign(
      { ...claims },
      { secret: 'another-secret-another-secret-0123456789', issuer: 'kith', expiresIn: 900 },
    );
    const expired = jwt.sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) - 60 },
      { secret: api.config.auth.jwtSecret, issuer: 'kith' },
    );
    expect(codeOf(await api.gql(ME))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(ME, {}, 'garbage'))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(ME, {}, forged))).toBe('UNAUTHENTICATED');
    const expiredAnswer = await api.gql(ME, {}, expired);
    expect(codeOf(expiredAnswer)).toBe('UNAUTHENTICATED');
    expect(expiredAnswer.errors?.[0].message).toMatch(/expired/);
    expect((await api.gql(ME, {}, session.accessToken)).data).toEqual({
      me: { id: session.personId, email: session.email },
    });
  });

  it('refuses a well-signed token for a session that does not exist', async () => {
    const session = await signIn(api);
    const token = jwt.sign(
      { sub: session.personId, sid: '00000000-0000-4000-8000-000000000000', typ: 'access' },
      { secret: api.config.auth.jwtSecret, issuer: 'kith', expiresIn: 900 },
    );
    expect(codeOf(await api.gql(ME, {}, token))).toBe('UNAUTHENTICATED');
  });

  it('stops the access token at once on sign-out', async () => {
    const session = await signIn(api);
    expect((await api.gql(`mutation { signOut }`, {}, session.accessToken)).data).toEqual({
      signOut: true,
    });
    expect(codeOf(await api.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  /** As if the token had been exchanged this long ago. */
  const usedAgo = (token: string, seconds: number) =>
    pg.query(
      `UPDATE refresh_token SET used_at = now() - make_interval(secs => $2) WHERE token_hash = $1`,
      [hashRefreshToken(token), seconds],
    );

  it('rotates refresh tokens, and revokes the whole family when a used one comes back later', async () => {
    const session = await signIn(api);
    const first = await api.gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      REFRESH,
      { token: session.refreshToken },
    );
    const rotated = first.data!.refreshSession;
    expect(rotated.refreshToken).not.toBe(session.refreshToken);
    expect((await api.gql(ME, {}, rotated.accessToken)).data).toBeTruthy();

    // The old token again, past the reuse interval: someone copied it. The family stops.
    await usedAgo(session.refreshToken, 60);
    const reuse = await api.gql(REFRESH, { token: session.refreshToken });
    expect(codeOf(reuse)).toBe('UNAUTHENTICATED');
    expect(reuse.errors?.[0].message).toMatch(/already used/);
    expect(codeOf(await api.gql(REFRESH, { token: rotated.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(ME, {}, rotated.accessToken))).toBe('UNAUTHENTICATED');
    expect(codeOf(await api.gql(ME, {}, session.accessToken))).toBe('UNAUTHENTICATED');
  });

  it('gives ten refreshes at once with one token the same new pair (a phone waking up)', async () => {
    const session = await signIn(api);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(REFRESH, {
          token: session.refreshToken,
        }),
      ),
    );
    const pairs = results.map((r) => r.data?.refreshSession);
    expect(pairs.every(Boolean)).toBe(true);
    expect(new Set(pairs.map((p) => JSON.stringify(p))).size).toBe(1);
    const pair = pairs[0]!;
    expect((await api.gql(ME, {}, pair.accessToken)).data).toEqual({
      me: { id: session.personId, email: session.email },
    });
    // The new refresh token rotates on as usual.
    expect(
      (await api.gql(REFRESH, { token: pair.refreshToken })).data?.refreshSession,
    ).toBeTruthy();
  });

  it('does not replay a pair whose refresh token was itself used already', async () => {
    const session = await signIn(api);
    const first = await api.gql<{ refreshSession: { refreshToken: string } }>(REFRESH, {
      token: session.refreshToken,
    });
    await api.gql(REFRESH, { token: first.data!.refreshSession.refreshToken });
    // Within the interval, but the pair it would replay has moved on: that is reuse.
    expect(codeOf(await api.gql(REFRESH, { token: session.refreshToken }))).toBe('UNAUTHENTICATED');
  });

  it('refuses a well-signed access token without an expiry', async () => {
    const session = await signIn(api);
    const [row] = (
      await pg.query<{ id: string }>(
        `SELECT id FROM auth_session WHERE person_id = $1 AND revoked_at IS NULL`,
        [session.personId],
      )
    ).rows;
    const forever = jwt.sign(
      { sub: session.personId, sid: row.id, typ: 'access' },
      { secret: api.config.auth.jwtSecret, issuer: 'kith' },
    );
    expect(codeOf(await api.gql(ME, {}, forever))).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown refresh token', async () => {
    expect(codeOf(await api.gql(REFRESH, { token: 'not-a-token' }))).toBe('UNAUTHENTICATED');
  });
});
