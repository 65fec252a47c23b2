import { Client } from 'pg';
import { Redis } from 'ioredis';
import type { KithConfig } from '../config/config';
import { redactUrl } from '../config/config';
import { redisOptions } from '../redis/redis';

export type ProbeStatus = 'up' | 'down';

export function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export class StartupError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'StartupError';
  }
}

async function reachPostgres(url: string, timeoutMs: number): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function reachRedis(url: string, timeoutMs: number): Promise<void> {
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } finally {
    client.disconnect();
  }
}

/**
 * Before a process boots: can it reach what it needs? Throws a StartupError naming each
 * service that cannot be reached, so the process can say which and exit non-zero.
 */
export async function assertDependenciesReachable(
  config: KithConfig,
  needs: { postgres: boolean; redis: boolean },
  timeoutMs = 3000,
): Promise<void> {
  const checks: Promise<string | null>[] = [];
  if (needs.postgres) {
    checks.push(
      withDeadline(reachPostgres(config.database.url, timeoutMs), timeoutMs + 500).then(
        () => null,
        (error: unknown) =>
          `Postgres is not reachable at ${redactUrl(config.database.url)} (DATABASE_URL): ${String(error instanceof Error ? error.message : error)}`,
      ),
    );
  }
  if (needs.redis) {
    checks.push(
      withDeadline(reachRedis(config.redis.url, timeoutMs), timeoutMs + 500).then(
        () => null,
        (error: unknown) =>
          `Redis is not reachable at ${redactUrl(config.redis.url)} (REDIS_URL): ${String(error instanceof Error ? error.message : error)}`,
      ),
    );
  }
  const problems = (await Promise.all(checks)).filter((p): p is string => p !== null);
  if (problems.length > 0) throw new StartupError(problems);
}
