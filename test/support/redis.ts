import { Redis } from 'ioredis';
import type { KithConfig } from '@kith/platform';

/** Deletes every Redis key a test's prefix made, so runs leave nothing behind. */
export async function clearRedisPrefix(config: KithConfig): Promise<void> {
  const redis = new Redis(config.redis.url);
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(
        cursor,
        'MATCH',
        `${config.queue.prefix}:*`,
        'COUNT',
        1000,
      );
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
