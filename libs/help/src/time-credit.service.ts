import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, isUuid, Problems } from '@kith/platform';
import type { PageRequest } from '@kith/platform';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { HelpRepository } from './help.repository';
import { Ledger, TIME_BANK_ID } from './ledger';
import type { LedgerEntry } from './ledger';

@Injectable()
export class TimeCreditService {
  constructor(
    private readonly ledger: Ledger,
    private readonly help: HelpRepository,
    private readonly people: PersonService,
  ) {}

  /** A page of the person's time-credit entries, newest first. */
  async page(
    personId: string,
    request: PageRequest,
  ): Promise<{
    rows: (LedgerEntry & { id: string })[];
    position: (row: { id: string }) => Record<string, string>;
  }> {
    // Entry ids are whole numbers; a cursor is signed, so only ours get here.
    const afterId = request.after?.i && /^\d{1,19}$/.test(request.after.i) ? request.after.i : null;
    return {
      rows: await this.ledger.entryPage(personId, request.first + 1, afterId),
      position: (row) => ({ i: row.id }),
    };
  }

  account(
    personId: string,
    first: number,
  ): Promise<{ balanceMinutes: number; entries: LedgerEntry[] }> {
    return this.ledger.account(personId, first);
  }

  /**
   * A coordinator of the member's area grants minutes from the time bank, with a reason (for
   * instance funded from a personal budget). A member without an area needs a coordinator
   * whose role holds everywhere.
   */
  async grant(
    principal: Principal,
    personId: string,
    minutes: number,
    reason: string,
  ): Promise<void> {
    const problems = new Problems();
    problems.intRange(minutes, 'minutes', 1, 6000);
    const text = problems.text(reason, 'reason', 200);
    problems.throwIfAny('Nothing was granted');
    if (!isUuid(personId) || personId === TIME_BANK_ID || !(await this.help.personExists(personId)))
      throw DomainError.notFound('Person');
    if (personId === principal.personId)
      throw DomainError.forbidden(
        'Nobody grants time credits to themselves; ask another coordinator',
      );
    const areaId = await this.help.memberAreaId(personId);
    if (!(await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, areaId)))
      throw DomainError.forbidden("Only a coordinator of the member's area can grant minutes");
    await this.ledger.transfer({
      key: `grant:${randomUUID()}`,
      from: TIME_BANK_ID,
      to: personId,
      minutes,
      reason: `Granted: ${text}`,
      actorId: principal.personId,
    });
  }
}
