import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/* eslint-disable @typescript-eslint/no-unsafe-function-type -- TypeORM's own types for classes */
export type EntityList = MixedList<Function | string | EntitySchema>;

export type MigrationList = MixedList<Function | string>;
/* eslint-enable @typescript-eslint/no-unsafe-function-type */

/** One place that says how Kith talks to Postgres, for the apps, the CLI and the tests. */
export function dataSourceOptions(
  url: string,
  schema: { entities: EntityList; migrations: MigrationList },
  poolSize = 10,
  /** 0: none (migrations and the CLI may run long statements on purpose). */
  statementTimeoutMs = 0,
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: schema.entities,
    migrations: schema.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    uuidExtension: 'pgcrypto',
    // Extensions are created by migrations, never implicitly at connect time.
    installExtensions: false,
    logging: false,
    applicationName: 'kith',
    extra: {
      max: poolSize,
      // Fail fast while the database is away instead of queueing requests forever.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30_000,
      statement_timeout: statementTimeoutMs,
    },
  };
}
