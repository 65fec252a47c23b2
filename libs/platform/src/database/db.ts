import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager, QueryResult } from 'typeorm';
import { rethrowUnavailable } from '../health/dependency-error';

/**
 * The way repositories reach Postgres. `transaction` opens one transaction for everything the
 * callback does through any repository, so a service method is one unit of work without passing
 * managers around.
 */
@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    return this.dataSource
      .transaction((manager) => this.current.run(manager, work))
      .catch((error: unknown) => rethrowUnavailable('postgres', error));
  }

  /** Parameterised SQL for hot paths; rows come back as plain objects. */
  async query<Row>(sql: string, parameters: unknown[] = []): Promise<Row[]> {
    // Structured results: TypeORM otherwise returns [rows, count] for UPDATE … RETURNING.
    const own = this.manager.queryRunner;
    const runner = own ?? this.dataSource.createQueryRunner();
    try {
      const result: QueryResult = await runner.query(sql, parameters, true);
      return result.records as Row[];
    } catch (error) {
      return rethrowUnavailable('postgres', error);
    } finally {
      if (!own) await runner.release();
    }
  }
}
