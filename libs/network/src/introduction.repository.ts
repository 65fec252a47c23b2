import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { IntroductionStatus } from './network.entities';

export interface IntroductionRow {
  id: string;
  fromId: string;
  toId: string;
  status: IntroductionStatus;
}

const INTRODUCTION = `id, from_id AS "fromId", to_id AS "toId", status`;

/** An introduction as the two people in it see it: both names as given, the message, when. */
export interface IntroductionView extends IntroductionRow {
  fromName: string;
  toName: string;
  message: string | null;
  createdAt: Date;
  respondedAt: Date | null;
}

const VIEW = `i.id, i.from_id AS "fromId", i.to_id AS "toId", i.status, f.display_name AS "fromName",
  t.display_name AS "toName", i.message, i.created_at AS "createdAt", i.responded_at AS "respondedAt"
  FROM introduction i JOIN person f ON f.id = i.from_id JOIN person t ON t.id = i.to_id`;

/** The `introduction` table, and the advisory locks that serialise asking. */
@Injectable()
export class IntroductionRepository {
  constructor(private readonly db: Db) {}

  /** Serialises one person's introduction requests, so the weekly count cannot be raced. */
  async lockRequester(personId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('introductions:' || $1))`, [
      personId,
    ]);
  }

  /** Serialises introductions within one pair, whichever of the two asks. */
  async lockPair(pairKey: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('introduction-pair:' || $1))`, [
      pairKey,
    ]);
  }

  async sentSince(personId: string, since: Date): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM introduction WHERE from_id = $1 AND created_at > $2`,
      [personId, since],
    );
    return row.n;
  }

  views(ids: readonly string[]): Promise<IntroductionView[]> {
    return this.db.query<IntroductionView>(`SELECT ${VIEW} WHERE i.id = ANY($1::uuid[])`, [ids]);
  }

  /**
   * A page of the introductions a person asked for or was asked, newest first, after the one
   * with id `afterId` (its time read here, to the microsecond, not carried in the cursor).
   */
  page(personId: string, limit: number, afterId: string | null): Promise<IntroductionView[]> {
    return this.db.query<IntroductionView>(
      `SELECT ${VIEW}
        WHERE (i.from_id = $1 OR i.to_id = $1)
          AND ($3::uuid IS NULL OR (i.created_at, i.id) < (SELECT created_at, id FROM introduction WHERE id = $3))
        ORDER BY i.created_at DESC, i.id DESC LIMIT $2`,
      [personId, limit, afterId],
    );
  }

  async pendingFor(pairKey: string): Promise<IntroductionRow | undefined> {
    const [row] = await this.db.query<IntroductionRow>(
      `SELECT ${INTRODUCTION} FROM introduction WHERE pair_key = $1 AND status = 'PENDING'`,
      [pairKey],
    );
    return row;
  }

  async insert(
    fromId: string,
    toId: string,
    pairKey: string,
    message: string | null,
  ): Promise<IntroductionRow> {
    const [row] = await this.db.query<IntroductionRow>(
      `INSERT INTO introduction (from_id, to_id, pair_key, message) VALUES ($1, $2, $3, $4) RETURNING ${INTRODUCTION}`,
      [fromId, toId, pairKey, message],
    );
    return row;
  }

  async lock(id: string): Promise<IntroductionRow | undefined> {
    const [row] = await this.db.query<IntroductionRow>(
      `SELECT ${INTRODUCTION} FROM introduction WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  /** Answers a pending introduction; false when it is no longer pending (withdrawn meanwhile). */
  async answer(
    id: string,
    status: IntroductionStatus.ACCEPTED | IntroductionStatus.DECLINED,
  ): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE introduction SET status = $2, responded_at = now() WHERE id = $1 AND status = 'PENDING' RETURNING 1`,
      [id, status],
    );
    return rows.length > 0;
  }

  /** Withdraws what is pending within one pair, or to and from one person; how many. */
  async withdraw(which: { pairKey: string } | { personId: string }): Promise<number> {
    const rows = await this.db.query(
      'pairKey' in which
        ? `UPDATE introduction SET status = 'WITHDRAWN', responded_at = now()
            WHERE pair_key = $1 AND status = 'PENDING' RETURNING 1`
        : `UPDATE introduction SET status = 'WITHDRAWN', responded_at = now()
            WHERE (from_id = $1 OR to_id = $1) AND status = 'PENDING' RETURNING 1`,
      ['pairKey' in which ? which.pairKey : which.personId],
    );
    return rows.length;
  }
}
