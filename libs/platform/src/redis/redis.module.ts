import { Global, Inject, Module } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { createRequestRedis } from './redis';

export const REDIS = Symbol('REDIS');

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [KITH_CONFIG],
      useFactory: async (config: KithConfig): Promise<Redis> => {
        const client = createRequestRedis(config.redis.url, 'kith-requests');
        // Errors surface on the commands that fail; the connection event itself is not fatal.
        client.on('error', () => undefined);
        // Commands fail at once until connected: let the first requests find it connected.
        // Redis away at start is the preflight's to report, so this waits a few seconds at most.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 3000);
          client.once('ready', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        return client;
      },
    },
  ],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
