import { Injectable } from '@nestjs/common';
import { DomainError, isUuid } from '@kith/platform';
import { BlockRepository } from './block.repository';
import type { BlockRow } from './block.repository';
import { PersonRepository } from './person.repository';
import type { Principal } from './role';

/**
 * Either person can block the other; help, matching and introductions all ask `eitherBlocking`
 * before putting two people in touch, so a block holds whichever of them acts.
 */
@Injectable()
export class BlockService {
  constructor(
    private readonly blocks: BlockRepository,
    private readonly people: PersonRepository,
  ) {}

  /** Idempotent: blocking someone already blocked changes nothing. */
  async block(principal: Principal, personId: string): Promise<true> {
    if (!isUuid(personId) || personId === principal.personId) {
      throw DomainError.badInput([{ path: 'personId', message: 'name someone else' }]);
    }
    if (!(await this.people.byId(personId))) throw DomainError.notFound('Person');
    await this.blocks.add(principal.personId, personId);
    return true;
  }

  /** Lifts the caller's own block; a block the other person made stays. */
  async unblock(principal: Principal, personId: string): Promise<true> {
    if (!isUuid(personId)) {
      throw DomainError.badInput([{ path: 'personId', message: 'name someone else' }]);
    }
    await this.blocks.remove(principal.personId, personId);
    return true;
  }

  /** The people this person has blocked, newest first. */
  blockedBy(personId: string): Promise<BlockRow[]> {
    return this.blocks.blockedBy(personId);
  }

  eitherBlocking(a: string, b: string): Promise<boolean> {
    return this.blocks.eitherWay(a, b);
  }
}
