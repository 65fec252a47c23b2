import { Inject, Injectable } from '@nestjs/common';
import { Db, DomainError, KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { AuditLog } from './audit.repository';
import { LedgerRepository } from './ledger.repository';
import type { LedgerEntry } from './ledger.repository';

export type { LedgerEntry, LedgerEntryKind } from './ledger.repository';
export { entryKind } from './ledger.repository';

/** The circle's own account, created by a migration; grants are transfers from it. */
export const TIME_BANK_ID = '00000000-0000-4000-8000-00000000b4a7';

/**
 * The time-credit ledger, double entry: every transfer is two entries summing to zero, written
 * with both balances in one transaction. A key makes each transfer happen at most once.
 */
@Injectable()
export class Ledger {
  constructor(
    private readonly db: Db,
    private readonly ledger: LedgerRepository,
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
      const transferId = await this.ledger.insertTransfer(move.key, move.reason, move.actorId);
      if (!transferId) return false;
      const floor = this.config.timeCredits.floorMinutes;
      await this.ledger.ensureAccounts([move.from, move.to], floor);
      // Both rows locked in one order, so two transfers between the same people cannot deadlock.
      await this.ledger.lockAccounts([move.from, move.to]);
      if (!(await this.ledger.moveBalance(move.from, move.to, move.minutes)))
        throw DomainError.conflict(`That would take the balance below ${floor} minutes`);
      await this.ledger.insertEntries(transferId, move.from, move.to, move.minutes);
      await this.audit.record(move.actorId, 'ledger.transfer', 'time_credit_transfer', transferId, {
        key: move.key,
        from: move.from,
        to: move.to,
        minutes: move.minutes,
      });
      return true;
    });
  }

  entryPage(
    personId: string,
    limit: number,
    afterId: string | null,
  ): Promise<(LedgerEntry & { id: string })[]> {
    return this.ledger.entryPage(personId, limit, afterId);
  }

  async account(
    personId: string,
    first: number,
  ): Promise<{ balanceMinutes: number; entries: LedgerEntry[] }> {
    const balanceMinutes = (await this.ledger.balance(personId)) ?? 0;
    return { balanceMinutes, entries: await this.ledger.entries(personId, first) };
  }
}
