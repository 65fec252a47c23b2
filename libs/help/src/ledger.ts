import { Inject, Injectable } from '@nestjs/common';
import { Db, DomainError, KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { AuditLog } from './audit.repository';

/** The circle's own account, created by a migration; grants are transfers from it. */
export const TIME_BANK_ID = '00000000-0000-4000-8000-00000000b4a7';

export interface LedgerEntry {
  at: Date;
  minutes: number;
  reason: string;
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

/**
 * The time-credit ledger, double entry: every transfer is two entries summing to zero, written
 * with both balances in one transaction. A key makes each transfer happen at most once.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  /** Moves minutes; false when a transfer with this key already happened. CONFLICT below the floor. */
  transfer(move: {
    key: string;
    from: string;
    to: string;
    minutes: number;
    reason: string;
    actorId: string | null;
  }): Promise<boolean> {
    return this.db.transaction(async () => {
      const [transfer] = await this.db.query<{ id: string }>(
        `INSERT INTO time_credit_transfer (key, reason, created_by) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO NOTHING RETURNING id`,
        [move.key, move.reason, move.actorId],
      );
      if (!transfer) return false;
      await this.db.query(
        `INSERT INTO time_credit_account (person_id, floor_minutes) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
        [[move.from, move.to], this.config.timeCredits.floorMinutes],
      );
      // Both rows locked in one order, so two transfers between the same people cannot deadlock.
      await this.db.query(
        `SELECT 1 FROM time_credit_account WHERE person_id = ANY($1::uuid[]) ORDER BY person_id FOR UPDATE`,
        [[move.from, move.to]],
      );
      try {
        await this.db.query(
          `UPDATE time_credit_account SET balance_minutes = balance_minutes + CASE WHEN person_id = $1 THEN -$3::int ELSE $3::int END
            WHERE person_id IN ($1, $2)`,
          [move.from, move.to, move.minutes],
        );
      } catch (error) {
        if (isFloorViolation(error)) {
          throw DomainError.conflict(
            `That would take the balance below ${this.config.timeCredits.floorMinutes} minutes`,
          );
        }
        throw error;
      }
      await this.db.query(
        `INSERT INTO time_credit_entry (transfer_id, person_id, minutes) VALUES ($1, $2, -$4::int), ($1, $3, $4::int)`,
        [transfer.id, move.from, move.to, move.minutes],
      );
      await this.audit.record(
        move.actorId,
        'ledger.transfer',
        'time_credit_transfer',
        transfer.id,
        {
          key: move.key,
          from: move.from,
          to: move.to,
          minutes: move.minutes,
        },
      );
      return true;
    });
  }

  async account(
    personId: string,
    first: number,
  ): Promise<{ balanceMinutes: number; entries: LedgerEntry[] }> {
    const [account] = await this.db.query<{ balance: number }>(
      `SELECT balance_minutes AS balance FROM time_credit_account WHERE person_id = $1`,
      [personId],
    );
    const entries = await this.db.query<LedgerEntry>(
      `SELECT e.created_at AS at, e.minutes, t.reason FROM time_credit_entry e JOIN time_credit_transfer t ON t.id = e.transfer_id
        WHERE e.person_id = $1 ORDER BY e.id DESC LIMIT $2`,
      [personId, first],
    );
    return { balanceMinutes: account?.balance ?? 0, entries };
  }
}
