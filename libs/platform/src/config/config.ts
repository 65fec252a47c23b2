import { z } from 'zod';

const DEV_JWT_SECRET = 'kith-development-secret-do-not-use-in-production';

const wholeNumber = (min: number, max: number) =>
  z.coerce
    .number({ invalid_type_error: `must be a whole number from ${min} to ${max}` })
    .int(`must be a whole number from ${min} to ${max}`)
    .min(min, `must be a whole number from ${min} to ${max}`)
    .max(max, `must be a whole number from ${min} to ${max}`);

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];
const IPV4 = /^(\d{1,3})(\.\d{1,3}){3}(\/\d{1,2})?$/;
const IPV6 = /^[0-9a-fA-F:]+(\/\d{1,3})?$/;

/**
 * TRUST_PROXY as Express's trust-proxy setting: off; a number of proxies in front (`true` is one,
 * the load balancer); or the proxies' addresses (IPs, CIDRs, loopback, linklocal, uniquelocal).
 * Never "trust every hop": then whoever sends X-Forwarded-For picks their own address.
 */
const trustProxy = z.string().transform((value, context): false | number | string[] => {
  const v = value.trim().toLowerCase();
  if (['false', '0', 'no', 'off'].includes(v)) return false;
  if (['true', 'yes', 'on'].includes(v)) return 1;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops <= 10) return hops;
  } else {
    const entries = v.split(',').map((entry) => entry.trim());
    if (
      entries.every(
        (e) => PROXY_NAMES.includes(e) || IPV4.test(e) || (e.includes(':') && IPV6.test(e)),
      )
    ) {
      return entries;
    }
  }
  context.addIssue({
    code: z.ZodIssueCode.custom,
    message:
      'must be false, a number of proxies in front (true means 1), or their addresses (IPs, CIDRs, loopback, linklocal, uniquelocal), comma-separated',
  });
  return z.NEVER;
});

const positiveInt = (fallback: number) => wholeNumber(1, 1_000_000_000).default(fallback);

const urlWithProtocol = (protocols: string[], label: string) =>
  z.string().refine(
    (value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${label} URL (${protocols.map((p) => `${p}//…`).join(' or ')})` },
  );

/**
 * PUBLIC_URL: where people reach Kith (scheme, host, an optional path), kept without a trailing
 * slash. No credentials, query or fragment: links are this and a path of our own.
 */
const publicUrl = z.string().transform((value, context): string => {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (
    !url ||
    !['https:', 'http:'].includes(url.protocol) ||
    url.username ||
    url.password ||
    url.search ||
    url.hash
  ) {
    context.addIssue({
      code: z.ZodIssueCode.custom,
      message:
        'must be an http(s) URL such as https://kith.example.org, with no credentials, query or fragment',
    });
    return z.NEVER;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
});

/**
 * CORS_ORIGINS: the origins a browser may call the API from (the member app's web build, the
 * console), comma-separated, each scheme://host[:port] and nothing more.
 */
const corsOrigins = z.string().transform((value, context): string[] => {
  const origins: string[] = [];
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    let url: URL | undefined;
    try {
      url = new URL(entry);
    } catch {
      url = undefined;
    }
    if (
      !url ||
      !['https:', 'http:'].includes(url.protocol) ||
      url.origin !== entry.replace(/\/$/, '')
    ) {
      context.addIssue({
        code: z.ZodIssueCode.custom,
        message: `"${entry.slice(0, 80)}" is not an origin: give scheme://host[:port], e.g. https://app.kith.example.org, with no path`,
      });
      return z.NEVER;
    }
    origins.push(url.origin);
  }
  return origins;
});

/** Outside production, where the member app's web build and the console run on a laptop. */
const LOCAL_APP_ORIGINS = [
  'http://localhost:8081',
  'http://127.0.0.1:8081',
  'http://localhost:5173',
  'http://127.0.0.1:5173',
];

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: wholeNumber(0, 65535).default(3000),
  DATABASE_URL: urlWithProtocol(['postgres:', 'postgresql:'], 'postgres').default(
    'postgres://root@127.0.0.1:5432/kith',
  ),
  DATABASE_POOL_SIZE: positiveInt(10),
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(100, 3_600_000).default(10_000),
  DATABASE_REQUEST_CONNECTIONS: wholeNumber(1, 1000).default(4),
  REDIS_URL: urlWithProtocol(['redis:', 'rediss:'], 'redis').default('redis://127.0.0.1:6379'),
  // Prefix of every Redis key Kith writes (BullMQ queues, rate limits).
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'may hold only letters, digits, - and _')
    .default('kith'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  MAIL_URL: z
    .string()
    .refine((v) => v === 'log' || /^smtps?:\/\/[^/]+/.test(v), {
      message: 'must be "log" or smtp://host:port',
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/@/, 'must hold an address, e.g. Kith <hello@example.org>')
    .default('Kith <hello@kith.local>'),
  // Push through Expo's service; the URL is only changed to point at a local fake in tests.
  EXPO_URL: urlWithProtocol(['https:', 'http:'], 'http').default('https://exp.host'),
  EXPO_ACCESS_TOKEN: z.string().min(10).optional(),
  // SMS through an HTTP gateway that takes { to, body } as JSON; no SMS unless set.
  SMS_URL: urlWithProtocol(['https:', 'http:'], 'http').optional(),
  // The first wait before a nudge delivery is tried again; it doubles with each attempt.
  NUDGE_RETRY_BASE_MS: wholeNumber(10, 3_600_000).default(30_000),
  // Where people reach the API: every link Kith makes (a report link) starts with it.
  PUBLIC_URL: publicUrl.optional(),
  // Browsers may call /graphql from these origins (besides APP_URL's); none else.
  CORS_ORIGINS: corsOrigins.optional(),
  // Where the app's screens open from a link in an email.
  APP_URL: urlWithProtocol(['https:', 'http:'], 'http').default('http://localhost:8081'),
  // Reports: counts under this are not published (and nothing that would give them away).
  REPORT_THRESHOLD: wholeNumber(3, 1000).default(10),
  // Reports: published counts rounded to a multiple of this; 0 leaves them exact.
  REPORT_ROUND_TO: z.enum(['0', '5', '10']).default('0'),
  // How fast a tie fades without contact: its weight halves every this many days.
  TIE_HALF_LIFE_DAYS: wholeNumber(1, 3650).default(90),
  // A tie is dormant once the time since its last contact is this many times its usual gap.
  TIE_DORMANT_GAPS: wholeNumber(1, 100).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy.default('false'),
  RATE_LIMIT_SIGNIN_PER_EMAIL: positiveInt(5),
  RATE_LIMIT_SIGNIN_PER_EMAIL_ALL_ADDRESSES: positiveInt(20),
  HOME_MOVES_PER_DAY: positiveInt(4),
  REPORTS_PER_HOUR: positiveInt(120),
  REFRESH_REUSE_SECONDS: wholeNumber(0, 300).default(10),
  RATE_LIMIT_SIGNIN_PER_IP: positiveInt(100),
  GRAPHQL_MAX_DEPTH: positiveInt(10),
  GRAPHQL_MAX_COST: positiveInt(5000),
  OUTBOX_POLL_MS: positiveInt(500),
  // Queue events Redis keeps per queue (what QueueEvents listeners read); BullMQ keeps 10,000.
  QUEUE_EVENTS_KEPT: wholeNumber(10, 1_000_000).default(1000),
  JOB_LEASE_MS: wholeNumber(1000, 86_400_000).default(60_000),
  JOB_RETENTION_DAYS: wholeNumber(1, 3650).default(14),
  JOB_LATE_AFTER_MS: wholeNumber(1000, 86_400_000).default(60_000),
  WORKER_LOCK_MS: wholeNumber(1000, 3_600_000).default(30_000),
  SHUTDOWN_TIMEOUT_MS: positiveInt(10_000),
  WORKER_CONCURRENCY: positiveInt(5),
  TIME_CREDIT_FLOOR_MINUTES: wholeNumber(-100_000, 0).default(-120),
});

export type Environment = z.infer<typeof envSchema>['NODE_ENV'];

export interface KithConfig {
  env: Environment;
  isProduction: boolean;
  port: number;
  database: {
    url: string;
    poolSize: number;
    /** The longest one statement of a request or a job may run. */
    statementTimeoutMs: number;
    /** The most connections one request holds at once (its share of the pool). */
    requestConnections: number;
  };
  redis: { url: string };
  queue: {
    prefix: string;
    concurrency: number;
    outboxPollMs: number;
    /** Recent queue events kept in Redis per queue: bounded, however many jobs have run. */
    eventsKept: number;
    /** How long an enqueued job may go unfinished before the sweeper asks Redis about it. */
    leaseMs: number;
    retentionDays: number;
    lateAfterMs: number;
    /** BullMQ's lock on a running job: a worker that dies lets go of its jobs after this. */
    lockMs: number;
  };
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    signInCodeTtlSeconds: number;
    signInCodeMaxAttempts: number;
    /** A refresh token presented again this soon after its first use gets the same new pair. */
    refreshReuseSeconds: number;
  };
  mail: { transport: { kind: 'log' } | { kind: 'smtp'; url: string }; from: string };
  /** Push (Expo), SMS (off unless a gateway is set) and the app links nudges carry. */
  channels: {
    expoUrl: string;
    expoAccessToken?: string;
    smsUrl?: string;
    appUrl: string;
    retryBaseMs: number;
  };
  /**
   * PUBLIC_URL: what links are built from, never a request's Host header. Required in production;
   * null outside it, where the API uses the address it listens on.
   */
  publicUrl: string | null;
  /** Origins a browser may call the API from: CORS_ORIGINS, APP_URL's, and locally the apps'. */
  corsOrigins: string[];
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: false | number | string[];
  rateLimits: {
    /** Per email and client address (15 minutes). */
    signInPerEmail: number;
    /** Per email from all addresses together (15 minutes): wider, so a stranger cannot lock a member out. */
    signInPerEmailAllAddresses: number;
    /** Per client address (1 hour). */
    signInPerIp: number;
    /** Changes of home per member per 24 hours. */
    homeMovesPerDay: number;
    /** Report tables one person may read per hour (each is a heavy read; many are a differencing attack). */
    reportsPerHour: number;
  };
  graphql: { maxDepth: number; maxCost: number };
  shutdownTimeoutMs: number;
  timeCredits: { floorMinutes: number };
  /** Disclosure control of reports: the small-number threshold, and rounding (null: exact). */
  reports: { threshold: number; roundTo: number | null };
  /** How ties fade (half-life) and when one is dormant (times its usual gap). */
  ties: { halfLifeDays: number; dormantGaps: number };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every bad variable is named in one error. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): KithConfig {
  // An empty variable means "not set", as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = envSchema.safeParse(present);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'} ${issue.message}`);
  // Checked apart from the schema so they are reported together with any other problem.
  if (present.NODE_ENV === 'production') {
    if (!present.JWT_SECRET) problems.push('JWT_SECRET is required in production');
    if (!present.MAIL_URL) problems.push('MAIL_URL is required in production');
    else if (present.MAIL_URL === 'log')
      problems.push(
        'MAIL_URL=log is refused in production: it would write sign-in codes to the log; use smtp://host:port',
      );
    // Links carry what opens a report: they go out over TLS, to an address we chose.
    if (!present.PUBLIC_URL) problems.push('PUBLIC_URL is required in production');
    else if (!/^https:\/\//i.test(present.PUBLIC_URL))
      problems.push('PUBLIC_URL must be an https:// URL in production');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';
  const mailUrl = env.MAIL_URL ?? 'log';
  return {
    env: env.NODE_ENV,
    isProduction,
    port: env.PORT,
    database: {
      url: env.DATABASE_URL,
      poolSize: env.DATABASE_POOL_SIZE,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
      requestConnections: env.DATABASE_REQUEST_CONNECTIONS,
    },
    redis: { url: env.REDIS_URL },
    queue: {
      prefix: env.QUEUE_PREFIX,
      concurrency: env.WORKER_CONCURRENCY,
      outboxPollMs: env.OUTBOX_POLL_MS,
      eventsKept: env.QUEUE_EVENTS_KEPT,
      leaseMs: env.JOB_LEASE_MS,
      retentionDays: env.JOB_RETENTION_DAYS,
      lateAfterMs: env.JOB_LATE_AFTER_MS,
      lockMs: env.WORKER_LOCK_MS,
    },
    auth: {
      jwtSecret: env.JWT_SECRET ?? DEV_JWT_SECRET,
      accessTokenTtlSeconds: 15 * 60,
      refreshTokenTtlSeconds: 30 * 24 * 3600,
      signInCodeTtlSeconds: 10 * 60,
      signInCodeMaxAttempts: 5,
      refreshReuseSeconds: env.REFRESH_REUSE_SECONDS,
    },
    mail: {
      transport: mailUrl === 'log' ? { kind: 'log' } : { kind: 'smtp', url: mailUrl },
      from: env.MAIL_FROM,
    },
    channels: {
      expoUrl: env.EXPO_URL.replace(/\/+$/, ''),
      expoAccessToken: env.EXPO_ACCESS_TOKEN,
      smsUrl: env.SMS_URL,
      appUrl: env.APP_URL.replace(/\/+$/, ''),
      retryBaseMs: env.NUDGE_RETRY_BASE_MS,
    },
    publicUrl: env.PUBLIC_URL ?? null,
    corsOrigins: [
      ...new Set([
        ...(env.CORS_ORIGINS ?? (isProduction ? [] : LOCAL_APP_ORIGINS)),
        new URL(env.APP_URL).origin,
      ]),
    ],
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    rateLimits: {
      signInPerEmail: env.RATE_LIMIT_SIGNIN_PER_EMAIL,
      signInPerEmailAllAddresses: env.RATE_LIMIT_SIGNIN_PER_EMAIL_ALL_ADDRESSES,
      signInPerIp: env.RATE_LIMIT_SIGNIN_PER_IP,
      homeMovesPerDay: env.HOME_MOVES_PER_DAY,
      reportsPerHour: env.REPORTS_PER_HOUR,
    },
    graphql: { maxDepth: env.GRAPHQL_MAX_DEPTH, maxCost: env.GRAPHQL_MAX_COST },
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
    timeCredits: { floorMinutes: env.TIME_CREDIT_FLOOR_MINUTES },
    ties: { halfLifeDays: env.TIE_HALF_LIFE_DAYS, dormantGaps: env.TIE_DORMANT_GAPS },
    reports: {
      threshold: env.REPORT_THRESHOLD,
      roundTo: env.REPORT_ROUND_TO === '0' ? null : Number(env.REPORT_ROUND_TO),
    },
  };
}

/** A URL with any password replaced, safe to print. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
