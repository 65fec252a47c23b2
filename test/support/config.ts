import { randomBytes } from 'node:crypto';
import { loadConfig } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { databaseUrl, fileDatabase } from './databases';

/** This test file's own database and a Redis key prefix of its own. */
export function testEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl(fileDatabase()),
    REDIS_URL: process.env.KITH_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `kith-test-${process.env.JEST_WORKER_ID ?? '1'}-${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: process.env.KITH_TEST_LOG_LEVEL ?? 'silent',
    OUTBOX_POLL_MS: '50',
    DATABASE_POOL_SIZE: '20',
    SHUTDOWN_TIMEOUT_MS: '2000',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    ...overrides,
  };
}

export function testConfig(overrides: Record<string, string> = {}): KithConfig {
  return loadConfig(testEnv(overrides));
}
