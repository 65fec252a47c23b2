import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import type { EntityManager, QueryResult } from 'typeorm';
import { DomainError, ErrorCode } from '../errors/domain-error';
import { rethrowUnavailable } from '../health/dependency-error';

/**
 * The way repositories reach Postgres. `transaction` opens one transaction for everything the
 * callback does through any repository, so a service method is one unit of work without passing
 * managers around.
 */
/**
 * A request's share of the pool: at most `limit` of its statements (or transactions) hold a
 * connection at once, so one caller's many aliases cannot take every connection from the others.
 */
export class PoolShare {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most held at once (for tests and logs). */
  peak = 0;

  constructor(readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.active -= 1;
      this.waiting.shift()?.();
    };
  }
}

const POOL_WAIT = /timeout exceeded when trying to connect/i;

@Injectable()
export class Db {
  private readonly current = new AsyncLocalStorage<EntityManager>();
  private readonly shares = new AsyncLocalStorage<PoolShare>();

  constructor(readonly dataSource: DataSource) {}

  /** Runs `work` (a request, say) with its own share of the pool. */
  withShare<T>(share: PoolShare, work: () => T): T {
    return this.shares.run(share, work);
  }

  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  get inTransaction(): boolean {
    return this.current.getStore() !== undefined;
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    const release = await this.shares.getStore()?.acquire();
    try {
      return await this.dataSource.transaction((manager) => this.current.run(manager, work));
    } catch (error) {
      return this.rethrow(error);
    } finally {
      release?.();
    }
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
    const release = own ? undefined : await this.shares.getStore()?.acquire();
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
      return this.rethrow(error);
    } finally {
      if (!own) await runner.release();
      release?.();
    }
  }

  /**
   * Tells a busy database from an absent one: every connection in use (waiting for one timed
   * out) or a statement over its time is "busy, try again", and only a database that cannot be
   * reached is "unavailable".
   */
  private rethrow(error: unknown): never {
    if (error instanceof DomainError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    if (code === '57014') {
      throw new DomainError(
        ErrorCode.INTERNAL_SERVER_ERROR,
        'That took too long and was stopped; please try again, or ask for less',
        [],
        { retryable: true },
      );
    }
    const pool = (
      this.dataSource.driver as unknown as {
        master?: { totalCount: number; options: { max: number } };
      }
    ).master;
    if (
      error instanceof Error &&
      POOL_WAIT.test(error.message) &&
      pool &&
      pool.totalCount >= pool.options.max
    ) {
      throw new DomainError(
        ErrorCode.INTERNAL_SERVER_ERROR,
        'Kith is busy; please try again shortly',
        [],
        { retryable: true },
      );
    }
    return rethrowUnavailable('postgres', error);
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
