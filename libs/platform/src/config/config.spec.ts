import { ConfigError, loadConfig, redactUrl } from './config';

describe('loadConfig', () => {
  it('has defaults that work for local development', () => {
    const config = loadConfig({});
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.database.url).toBe('postgres://root@127.0.0.1:5432/kith');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.mail.transport).toEqual({ kind: 'log' });
    expect(config.rateLimits).toEqual({
      signInPerEmail: 5,
      signInPerEmailAllAddresses: 20,
      signInPerIp: 100,
      homeMovesPerDay: 4,
      reportsPerHour: 120,
    });
    expect(config.trustProxy).toBe(false);
  });

  it('names every bad variable in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'nope',
        MAIL_URL: 'carrier-pigeon',
        TRUST_PROXY: 'maybe',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'MAIL_URL', 'TRUST_PROXY']) {
      expect(problems).toContain(name);
    }
  });

  it('refuses MAIL_URL=log in production, where it would write sign-in codes to the log', () => {
    expect(() =>
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), MAIL_URL: 'log' }),
    ).toThrow(/MAIL_URL=log is refused in production/);
    expect(loadConfig({ NODE_ENV: 'development', MAIL_URL: 'log' }).mail.transport).toEqual({
      kind: 'log',
    });
  });

  it('requires JWT_SECRET and MAIL_URL in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /JWT_SECRET is required in production/,
    );
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET must be at least 32/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://kith.example.org',
    });
    expect(config.isProduction).toBe(true);
    expect(config.mail.transport).toEqual({ kind: 'smtp', url: 'smtp://mail:25' });
  });

  it('requires PUBLIC_URL over https in production, the one address links are built from', () => {
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_URL: 'smtp://mail:25',
    };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL is required in production/);
    expect(() => loadConfig({ ...production, PUBLIC_URL: 'http://kith.example.org' })).toThrow(
      /PUBLIC_URL must be an https:\/\/ URL in production/,
    );
    expect(
      loadConfig({ ...production, PUBLIC_URL: 'https://Kith.Example.org/api/' }).publicUrl,
    ).toBe('https://kith.example.org/api');
    // Outside production it may be left out: the API then uses the address it listens on.
    expect(loadConfig({}).publicUrl).toBeNull();
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:3000/' }).publicUrl).toBe(
      'http://localhost:3000',
    );
  });

  it.each([
    'kith.example.org',
    'ftp://kith.example.org',
    'https://user:pass@kith.example.org',
    'https://kith.example.org/?next=evil',
    'https://kith.example.org/#x',
    'javascript:alert(1)',
  ])('refuses PUBLIC_URL=%s', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL must be an http\(s\) URL/);
  });

  it("allows browsers from the configured origins, the app's address, and locally the apps'", () => {
    expect(loadConfig({}).corsOrigins).toEqual([
      'http://localhost:8081',
      'http://127.0.0.1:8081',
      'http://localhost:5173',
      'http://127.0.0.1:5173',
    ]);
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: 'x'.repeat(40),
      MAIL_URL: 'smtp://mail:25',
      PUBLIC_URL: 'https://api.kith.example.org',
      APP_URL: 'https://app.kith.example.org/open',
    };
    expect(loadConfig(production).corsOrigins).toEqual(['https://app.kith.example.org']);
    expect(
      loadConfig({
        ...production,
        CORS_ORIGINS: ' https://console.kith.example.org ,https://x.example:8443/',
      }).corsOrigins,
    ).toEqual([
      'https://console.kith.example.org',
      'https://x.example:8443',
      'https://app.kith.example.org',
    ]);
    for (const bad of [
      '*',
      'https://a.example/path',
      'ftp://a.example',
      'a.example',
      'https://u:p@a.example',
    ])
      expect(() => loadConfig({ CORS_ORIGINS: bad })).toThrow(/CORS_ORIGINS .* is not an origin/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('reads the sign-in rate limits', () => {
    const config = loadConfig({
      RATE_LIMIT_SIGNIN_PER_EMAIL: '2',
      RATE_LIMIT_SIGNIN_PER_EMAIL_ALL_ADDRESSES: '9',
      RATE_LIMIT_SIGNIN_PER_IP: '7',
    });
    expect(config.rateLimits).toMatchObject({
      signInPerEmail: 2,
      signInPerEmailAllAddresses: 9,
      signInPerIp: 7,
    });
  });

  it.each([
    ['false', false],
    ['0', false],
    ['true', 1],
    ['2', 2],
    ['10.0.0.0/8, loopback', ['10.0.0.0/8', 'loopback']],
    ['fd00::/8', ['fd00::/8']],
  ])('reads TRUST_PROXY=%s as Express trust-proxy %p, never "every hop"', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each(['maybe', '11', '10.0.0.0/8,evil.example', '*'])('refuses TRUST_PROXY=%s', (value) => {
    expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be false/);
  });
});

describe('redactUrl', () => {
  it('hides passwords', () => {
    expect(redactUrl('postgres://kith:s3cret@db:5432/kith')).toBe(
      'postgres://kith:***@db:5432/kith',
    );
    expect(redactUrl('redis://127.0.0.1:6379')).toBe('redis://127.0.0.1:6379');
  });
});
