import { Redis } from 'ioredis';
import type { RedisOptions } from 'ioredis';

/** Connection options from REDIS_URL, for clients we own and for BullMQ's own connections. */
export function redisOptions(url: string): RedisOptions {
  const parsed = new URL(url);
  const db = parsed.pathname.length > 1 ? Number(parsed.pathname.slice(1)) : 0;
  return {
    host: parsed.hostname,
    port: parsed.port ? Number(parsed.port) : 6379,
    username: parsed.username ? decodeURIComponent(parsed.username) : undefined,
    password: parsed.password ? decodeURIComponent(parsed.password) : undefined,
    db,
    tls: parsed.protocol === 'rediss:' ? {} : undefined,
    connectTimeout: 3000,
    // Keep trying to come back after an outage, never more than 2 s apart.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  };
}

/**
 * A client for request paths (rate limits, readiness): while Redis is away, commands fail at
 * once instead of queueing, so a request gets a clear error rather than hanging.
 */
export function createRequestRedis(url: string, name: string): Redis {
  return new Redis({
    ...redisOptions(url),
    connectionName: name,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: false,
  });
}
