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

  async consume(
    bucket: string,
    subject: string,
    limit: number,
    windowSeconds: number,
  ): Promise<RateLimitVerdict> {
    const digest = createHash('sha256').update(subject).digest('base64url').slice(0, 22);
    const key = `${this.config.queue.prefix}:rl:${bucket}:${digest}`;
    const [count, ttl] = (await this.redis
      .eval(CONSUME, 1, key, windowSeconds)
      .catch((error: unknown) => rethrowUnavailable('redis', error))) as [number, number];
    return { allowed: count <= limit, count, retryAfterSeconds: ttl > 0 ? ttl : windowSeconds };
  }
}
