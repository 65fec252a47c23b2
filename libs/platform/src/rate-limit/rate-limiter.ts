import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { rethrowUnavailable } from '../health/dependency-error';
import { REDIS } from '../redis/redis.module';

export interface RateLimitVerdict {
  allowed: boolean;
  count: number;
  retryAfterSeconds: number;
}

// INCR and EXPIRE in one step, so a crash between them cannot leave a key that never expires.
const CONSUME = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return { count, redis.call('TTL', KEYS[1]) }
`;

// Gives back one use, only while the window lasts (never creating a key or going below zero).
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 1 and tonumber(redis.call('GET', KEYS[1])) > 0 then
  return redis.call('DECR', KEYS[1])
end
return 0
`;

/**
 * Fixed-window counters in Redis, under the deployment's key prefix. Subjects are hashed so no
 * email or address is stored there.
 */
@Injectable()
export class RateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  private key(bucket: string, subject: string): string {
    const digest = createHash('sha256').update(subject).digest('base64url').slice(0, 22);
    return `${this.config.queue.prefix}:rl:${bucket}:${digest}`;
  }

  /** Gives back a use that should not have counted (the request failed on our side). */
  async refund(bucket: string, subject: string): Promise<void> {
    await this.redis
      .eval(REFUND, 1, this.key(bucket, subject))
      .catch((error: unknown) => rethrowUnavailable('redis', error));
  }

  async consume(
    bucket: string,
    subject: string,
    limit: number,
    windowSeconds: number,
  ): Promise<RateLimitVerdict> {
    const [count, ttl] = (await this.redis
      .eval(CONSUME, 1, this.key(bucket, subject), windowSeconds)
      .catch((error: unknown) => rethrowUnavailable('redis', error))) as [number, number];
    return { allowed: count <= limit, count, retryAfterSeconds: ttl > 0 ? ttl : windowSeconds };
  }
}
