import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';

export interface StoredAnswer {
  requestHash: string;
  statusCode: number | null;
  response: Record<string, unknown> | null;
  completedAt: Date | null;
}

@Injectable()
export class IdempotencyRepository {
  constructor(private readonly db: Db) {}

  /**
   * Takes the key for this request: new, expired (over `ttlHours`), or abandoned in progress
   * (over `abandonSeconds`, the same request only). False when someone holds it.
   */
  async claim(
    callerId: string,
    key: string,
    requestHash: string,
    ttlHours: number,
    abandonSeconds: number,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO idempotency_key (caller_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (caller_id, key) DO UPDATE
          SET request_hash = excluded.request_hash, status_code = NULL, response = NULL,
              completed_at = NULL, created_at = now()
        WHERE idempotency_key.created_at < now() - make_interval(hours => $4)
           OR (idempotency_key.completed_at IS NULL
               AND idempotency_key.request_hash = excluded.request_hash
               AND idempotency_key.created_at < now() - make_interval(secs => $5))
       RETURNING key`,
      [callerId, key, requestHash, ttlHours, abandonSeconds],
    );
    return rows.length === 1;
  }

  async find(callerId: string, key: string): Promise<StoredAnswer | undefined> {
    const [row] = await this.db.query<StoredAnswer>(
      `SELECT request_hash AS "requestHash", status_code AS "statusCode", response,
              completed_at AS "completedAt"
         FROM idempotency_key WHERE caller_id = $1 AND key = $2`,
      [callerId, key],
    );
    return row;
  }

  async complete(
    callerId: string,
    key: string,
    statusCode: number,
    response: object,
  ): Promise<void> {
    await this.db.query(
      `UPDATE idempotency_key SET status_code = $3, response = $4, completed_at = now()
        WHERE caller_id = $1 AND key = $2`,
      [callerId, key, statusCode, JSON.stringify(response)],
    );
  }

  async release(callerId: string, key: string): Promise<void> {
    await this.db.query(
      `DELETE FROM idempotency_key WHERE caller_id = $1 AND key = $2 AND completed_at IS NULL`,
      [callerId, key],
    );
  }

  /** Deletes up to `limit` keys older than `ttlHours`; returns how many. */
  async pruneExpired(ttlHours: number, limit: number): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM idempotency_key WHERE ctid IN (
         SELECT ctid FROM idempotency_key
          WHERE created_at < now() - make_interval(hours => $1) LIMIT $2)
       RETURNING key`,
      [ttlHours, limit],
    );
    return rows.length;
  }
}
