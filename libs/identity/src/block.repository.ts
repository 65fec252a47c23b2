import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

export interface BlockRow {
  blockedId: string;
  createdAt: Date;
}

/** The `block` table: who will not be put in touch with whom. */
@Injectable()
export class BlockRepository {
  constructor(private readonly db: Db) {}

  /** True when the block is new. */
  async add(blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await this.db.query(
      `INSERT INTO block (blocker_id, blocked_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [blockerId, blockedId],
    );
    return rows.length > 0;
  }

  /** True when there was a block to lift. */
  async remove(blockerId: string, blockedId: string): Promise<boolean> {
    const rows = await this.db.query(
      `DELETE FROM block WHERE blocker_id = $1 AND blocked_id = $2 RETURNING 1`,
      [blockerId, blockedId],
    );
    return rows.length > 0;
  }

  /** Newest first. */
  blockedBy(blockerId: string): Promise<BlockRow[]> {
    return this.db.query<BlockRow>(
      `SELECT blocked_id AS "blockedId", created_at AS "createdAt" FROM block WHERE blocker_id = $1 ORDER BY created_at DESC`,
      [blockerId],
    );
  }

  async eitherWay(a: string, b: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM block WHERE (blocker_id = $1 AND blocked_id = $2) OR (blocker_id = $2 AND blocked_id = $1) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }
}
