import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

export interface LedgerEntry {
  at: Date;
  minutes: number;
  reason: string;
  kind: LedgerEntryKind;
}

/** What an entry was, for the person it is theirs: help they gave or received, or a grant. */
export type LedgerEntryKind = 'HELP_GIVEN' | 'HELP_RECEIVED' | 'GRANT' | 'OTHER';

/** From the transfer's key (`assignment:<id>`, `grant:<id>`) and which side the entry is. */
export function entryKind(transferKey: string, minutes: number): LedgerEntryKind {
  if (transferKey.startsWith('assignment:')) return minutes > 0 ? 'HELP_GIVEN' : 'HELP_RECEIVED';
  if (transferKey.startsWith('grant:')) return 'GRANT';
  return 'OTHER';
}

function isFloorViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const record = current as Record<string, unknown>;
    if (record.constraint === 'ck_time_credit_account_floor') return true;
    current = record.driverError ?? record.cause;
  }
  return false;
}

/** Every query of the time-credit ledger: transfers, entries and account balances. */
@Injectable()
export class LedgerRepository {
  constructor(private readonly db: Db) {}

  /** The new transfer's id, or undefined when one with this key already exists. */
  async insertTransfer(
    key: string,
    reason: string,
    actorId: string | null,
  ): Promise<string | undefined> {
    const [transfer] = await this.db.query<{ id: string }>(
      `INSERT INTO time_credit_transfer (key, reason, created_by) VALUES ($1, $2, $3)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [key, reason, actorId],
    );
    return transfer?.id;
  }

  async ensureAccounts(personIds: string[], floorMinutes: number): Promise<void> {
    await this.db.query(
      `INSERT INTO time_credit_account (person_id, floor_minutes) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
      [personIds, floorMinutes],
    );
  }

  /** Locks the accounts in person id order, whatever order they are given in. */
  async lockAccounts(personIds: string[]): Promise<void> {
    await this.db.query(
      `SELECT 1 FROM time_credit_account WHERE person_id = ANY($1::uuid[]) ORDER BY person_id FOR UPDATE`,
      [personIds],
    );
  }

  /**
   * Moves minutes between two balances in one statement; false (and the transaction spoiled,
   * so the caller must throw) when it would take `from` below its floor.
   */
  async moveBalance(from: string, to: string, minutes: number): Promise<boolean> {
    try {
      await this.db.query(
        `UPDATE time_credit_account SET balance_minutes = balance_minutes + CASE WHEN person_id = $1 THEN -$3::int ELSE $3::int END
          WHERE person_id IN ($1, $2)`,
        [from, to, minutes],
      );
      return true;
    } catch (error) {
      if (isFloorViolation(error)) return false;
      throw error;
    }
  }

  async insertEntries(
    transferId: string,
    from: string,
    to: string,
    minutes: number,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO time_credit_entry (transfer_id, person_id, minutes) VALUES ($1, $2, -$4::int), ($1, $3, $4::int)`,
      [transferId, from, to, minutes],
    );
  }

  async balance(personId: string): Promise<number | undefined> {
    const [account] = await this.db.query<{ balance: number }>(
      `SELECT balance_minutes AS balance FROM time_credit_account WHERE person_id = $1`,
      [personId],
    );
    return account?.balance;
  }

  /** A page of the person's entries, newest first, after the entry `afterId`. */
  async entryPage(
    personId: string,
    limit: number,
    afterId: string | null,
  ): Promise<(LedgerEntry & { id: string })[]> {
    const rows = await this.db.query<Omit<LedgerEntry, 'kind'> & { id: string; key: string }>(
      `SELECT e.id::text AS id, e.created_at AS at, e.minutes, t.reason, t.key
         FROM time_credit_entry e JOIN time_credit_transfer t ON t.id = e.transfer_id
        WHERE e.person_id = $1 AND ($3::bigint IS NULL OR e.id < $3::bigint)
        ORDER BY e.id DESC LIMIT $2`,
      [personId, limit, afterId],
    );
    return rows.map(({ key, ...row }) => ({ ...row, kind: entryKind(key, row.minutes) }));
  }

  async entries(personId: string, first: number): Promise<LedgerEntry[]> {
    return (await this.entryPage(personId, first, null)).map(({ at, minutes, reason, kind }) => ({
      at,
      minutes,
      reason,
      kind,
    }));
  }
}
