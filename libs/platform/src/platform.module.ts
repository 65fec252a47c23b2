import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { Clock } from './clock/clock';
import type { KithConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { EntityList, MigrationList } from './database/data-source-options';
import { ReadinessProbe } from './health/readiness';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { RateLimiter } from './rate-limit/rate-limiter';
import { RedisModule } from './redis/redis.module';

/** What every Kith process stands on: config, logs, Postgres, Redis, mail and the clock. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(
    config: KithConfig,
    service: 'api' | 'worker' | 'cli',
    schema: { entities: EntityList; migrations: MigrationList },
  ): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config, service),
        DatabaseModule.forRoot(schema, service),
        RedisModule,
        MailModule,
      ],
      providers: [Clock, RateLimiter, ReadinessProbe],
      exports: [Clock, RateLimiter, ReadinessProbe],
    };
  }
}
