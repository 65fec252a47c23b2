import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { REDIS } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig, testEnv } from '../support/config';
import { runBuilt } from '../support/processes';
import { REQUEST_CODE, signIn, uniqueEmail } from '../support/sign-in';
import { TcpProxy } from '../support/tcp-proxy';

const CLOSED_PORT_PG = 'postgres://root@127.0.0.1:1/kith';
const CLOSED_PORT_REDIS = 'redis://127.0.0.1:1';

describe('a backing service down at start', () => {
  it.each(['api', 'worker'] as const)(
    'stops the %s naming Postgres, with a non-zero exit',
    async (app) => {
      const result = await runBuilt(app, [], testEnv({ DATABASE_URL: CLOSED_PORT_PG, PORT: '0' }));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /Postgres is not reachable at postgres:\/\/root@127\.0\.0\.1:1\/kith \(DATABASE_URL\)/,
      );
      expect(result.stderr).not.toMatch(/Redis is not reachable/);
    },
  );

  it.each(['api', 'worker'] as const)(
    'stops the %s naming Redis, with a non-zero exit',
    async (app) => {
      const result = await runBuilt(app, [], testEnv({ REDIS_URL: CLOSED_PORT_REDIS, PORT: '0' }));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /Redis is not reachable at redis:\/\/127\.0\.0\.1:1 \(REDIS_URL\)/,
      );
      expect(result.stderr).not.toMatch(/Postgres is not reachable/);
    },
  );

  it('stops on bad configuration, naming each bad variable', async () => {
    const result = await runBuilt(
      'api',
      [],
      testEnv({ PORT: 'eighty', REDIS_URL: 'http://nope', NODE_ENV: 'production', JWT_SECRET: '' }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/PORT/);
    expect(result.stderr).toMatch(/REDIS_URL must be a redis URL/);
    expect(result.stderr).toMatch(/JWT_SECRET is required in production/);
    expect(result.stderr).toMatch(/PUBLIC_URL is required in production/);
  });
});

describe('a backing service lost while running', () => {
  const base = testConfig();
  const pgProxy = new TcpProxy('127.0.0.1', Number(new URL(base.database.url).port || 5432));
  const redisProxy = new TcpProxy('127.0.0.1', Number(new URL(base.redis.url).port || 6379));
  let api: RunningApi;

  beforeAll(async () => {
    await pgProxy.start();
    await redisProxy.start();
    api = await startApi(
      testConfig({
        DATABASE_URL: pgProxy.rewrite(base.database.url),
        REDIS_URL: redisProxy.rewrite(base.redis.url),
        QUEUE_PREFIX: base.queue.prefix,
      }),
    );
  });

  afterAll(async () => {
    await api?.close();
    await pgProxy.stop();
    await redisProxy.stop();
  });

  const ready = async () => {
    const response = await fetch(`${api.url}/health/ready`);
    return { status: response.status, body: await response.json() };
  };

  it('reports Postgres down, fails requests clearly, and recovers when it returns', async () => {
    const session = await signIn(api);
    expect(await ready()).toEqual({
      status: 200,
      body: { ready: true, checks: { postgres: 'up', redis: 'up' } },
    });

    await pgProxy.stop();
    expect(await ready()).toEqual({
      status: 503,
      body: { ready: false, checks: { postgres: 'down', redis: 'up' } },
    });
    const failed = await api.gql(`{ me { id } }`, {}, session.accessToken);
    expect(failed.errors?.[0]).toMatchObject({
      message: 'The database is unavailable; please try again shortly',
      extensions: { code: 'INTERNAL_SERVER_ERROR', dependency: 'postgres', retryable: true },
    });
    expect((await fetch(`${api.url}/health/live`)).status).toBe(200);

    await pgProxy.start();
    expect((await ready()).status).toBe(200);
    expect((await api.gql(`{ me { id } }`, {}, session.accessToken)).data).toEqual({
      me: { id: session.personId },
    });
  });

  it('does not count sign-in requests that failed on our side against the member', async () => {
    const email = uniqueEmail('patient');
    await pgProxy.stop();
    for (let i = 0; i < 6; i += 1) {
      const failed = await api.gql(REQUEST_CODE, { email });
      expect(failed.errors?.[0].extensions).toMatchObject({ dependency: 'postgres' });
    }
    await pgProxy.start();
    const answers = [];
    for (let i = 0; i < 6; i += 1) {
      const answer = await api.gql(REQUEST_CODE, { email });
      answers.push(answer.errors?.[0].extensions.code ?? 'ok');
    }
    // The full budget of five, as if the outage had not happened.
    expect(answers).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'RATE_LIMITED']);
  });

  it('reports Redis down, fails requests that need it clearly, and recovers when it returns', async () => {
    const redis = api.app.get<Redis>(REDIS);
    await redisProxy.stop();
    expect(await ready()).toEqual({
      status: 503,
      body: { ready: false, checks: { postgres: 'up', redis: 'down' } },
    });
    const failed = await api.gql(REQUEST_CODE, { email: uniqueEmail() });
    expect(failed.errors?.[0]).toMatchObject({
      extensions: { code: 'INTERNAL_SERVER_ERROR', dependency: 'redis' },
    });

    const reconnected = once(redis, 'ready');
    await redisProxy.start();
    await reconnected;
    expect((await ready()).status).toBe(200);
    expect((await api.gql(REQUEST_CODE, { email: uniqueEmail() })).data).toEqual({
      requestSignInCode: true,
    });
  });
});
