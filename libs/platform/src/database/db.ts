import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
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

  /**
   * Parameterised SQL for hot paths; rows come back as plain objects. `prepare` makes it a named
   * prepared statement, parsed and planned once per connection instead of on every call: for the
   * hottest reads, whose planning cost as much as a third of their run.
   */
  async query<Row>(
    sql: string,
    parameters: unknown[] = [],
    options: { prepare?: boolean } = {},
  ): Promise<Row[]> {
    const own = this.manager.queryRunner;
    const runner = own ?? this.dataSource.createQueryRunner();
    try {
      if (options.prepare) {
        const client = (await runner.connect()) as PoolClient;
        const result = await client.query({
          name: statementName(sql),
          text: sql,
          values: parameters,
        });
        return result.rows as Row[];
      }
      // Structured results: TypeORM otherwise returns [rows, count] for UPDATE … RETURNING.
      const result: QueryResult = await runner.query(sql, parameters, true);
      return result.records as Row[];
    } catch (error) {
      return rethrowUnavailable('postgres', error);
    } finally {
      if (!own) await runner.release();
    }
  }
}

const statementNames = new Map<string, string>();

/** A name per statement text, so two statements can never share one by accident. */
function statementName(sql: string): string {
  let name = statementNames.get(sql);
  if (name === undefined) {
    name = `kith_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    statementNames.set(sql, name);
  }
  return name;
}
