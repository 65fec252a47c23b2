import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { KithConfig } from '@kith/platform';
import { freePort } from '../bench/free-port';

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

/**
 * A redis-server of the test's own, on a free port, keeping nothing on disk: a test may flush it
 * or restart it without touching the shared one.
 */
export class PrivateRedis {
  private child: ChildProcess | undefined;
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<string> {
    if (this.port === 0) this.port = await freePort();
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const client = new Redis(this.url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
    try {
      await client.ping();
    } finally {
      client.disconnect();
    }
    return this.url;
  }

  /** Everything in it is gone, as after a restart of a Redis that keeps nothing on disk. */
  async flush(): Promise<void> {
    const client = new Redis(this.url);
    try {
      await client.flushall();
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }
}
