import { Global, Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { KithConfig } from '../config/config';
import { KITH_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import type { EntityList, MigrationList } from './data-source-options';
import { Db } from './db';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(
    schema: { entities: EntityList; migrations: MigrationList },
    service: 'api' | 'worker' | 'cli',
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [KITH_CONFIG],
          useFactory: (config: KithConfig) => ({
            ...dataSourceOptions(
              config.database.url,
              schema,
              config.database.poolSize,
              // No request or job should need longer; an operator's command may.
              service === 'cli' ? 0 : config.database.statementTimeoutMs,
            ),
            // Reachability is checked before boot (preflight); do not retry silently here.
            retryAttempts: 0,
          }),
        }),
      ],
      providers: [Db],
      exports: [Db],
    };
  }
}
