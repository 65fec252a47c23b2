import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';

export interface OutboxRow {
  id: string;
  jobName: string;
  jobId: string;
  payload: Record<string, unknown>;
}

@Injectable()
export class OutboxRepository {
  constructor(private readonly db: Db) {}

  /** True when the row is new; a row with the same job id already there is left alone. */
  async insert(row: {
    jobName: string;
    jobId: string;
    payload: object;
    availableAt: Date | null;
  }): Promise<boolean> {
    const inserted = await this.db.query<{ id: string }>(
      `INSERT INTO outbox (job_name, job_id, payload, available_at)
       VALUES ($1, $2, $3, COALESCE($4, now()))
       ON CONFLICT (job_id) DO NOTHING
       RETURNING id`,
      [row.jobName, row.jobId, JSON.stringify(row.payload), row.availableAt],
    );
    return inserted.length === 1;
  }

  /** Due rows, locked for this transaction; other relays skip them. */
  lockDue(limit: number): Promise<OutboxRow[]> {
    return this.db.query<OutboxRow>(
      `SELECT id, job_name AS "jobName", job_id AS "jobId", payload
         FROM outbox
        WHERE dispatched_at IS NULL AND available_at <= now()
        ORDER BY available_at, id
        LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markDispatched(ids: string[]): Promise<void> {
    await this.db.query(`UPDATE outbox SET dispatched_at = now() WHERE id = ANY($1::bigint[])`, [
      ids,
    ]);
  }
}
