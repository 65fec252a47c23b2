import { Injectable } from '@nestjs/common';
import { ProfileService } from '@kith/community';
import { BlockService, PersonService } from '@kith/identity';
import type { Principal } from '@kith/identity';
import {
  Clock,
  Db,
  DomainError,
  isUuid,
  JobName,
  JobOutbox,
  present,
  Problems,
} from '@kith/platform';
import type { PageRequest } from '@kith/platform';
import { IntroductionRepository } from './introduction.repository';
import type { IntroductionView } from './introduction.repository';
import { IntroductionStatus, TieSource } from './network.entities';
import { TieRepository } from './ties/tie.repository';

export const INTRODUCTIONS_PER_WEEK = 5;
/**
 * What anyone is told of someone who does not take introductions, has left, or blocked them (or
 * whom they blocked): the same words and code for each, so a block is never told.
 */
export const NOT_TAKING_INTRODUCTIONS = 'This person is not taking introductions just now';
/** An introduction closed by a leaving or a block, whichever of the two it was. */
export const NO_LONGER_OPEN = 'This introduction is no longer open';
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The two ids in order, so A→B and B→A are the same pair. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

export interface IntroductionOutcome {
  id: string;
  status: IntroductionStatus;
}

@Injectable()
export class IntroductionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly introductions: IntroductionRepository,
    private readonly ties: TieRepository,
    private readonly blocks: BlockService,
    private readonly people: PersonService,
    private readonly profiles: ProfileService,
    private readonly outbox: JobOutbox,
  ) {}

  /**
   * At most five a week; only to members who opted in; never across a block; once per pair. Asking
   * someone who already asked you accepts theirs: one introduction, never two. A block either way
   * is answered exactly as someone not taking introductions is, so nobody learns they are blocked.
   */
  async propose(
    principal: Principal,
    personId: string,
    rawMessage: string | null,
  ): Promise<IntroductionOutcome> {
    const problems = new Problems();
    problems.check(
      personId !== principal.personId,
      'personId',
      'you cannot be introduced to yourself',
    );
    const message = rawMessage ? problems.text(rawMessage, 'message', 500, true) : undefined;
    problems.throwIfAny('No introduction was asked for');
    if (!isUuid(personId)) throw DomainError.notFound('Person');
    await this.people.byId(personId); // NOT_FOUND for no one
    return this.db.transaction(async () => {
      const key = pairKey(principal.personId, personId);
      // The pair first, then the asker: two people asking each other at once take turns here.
      await this.introductions.lockPair(key);
      await this.introductions.lockRequester(principal.personId);
      // Read under the locks (the profiles share-locked, so a leaving waits for this and this
      // for a leaving), so a tie, opt-out, block or leaving made a moment ago is seen.
      const [asker, asked] = [
        await this.profiles.introductionStanding(principal.personId),
        await this.profiles.introductionStanding(personId),
      ];
      if (asker.left)
        throw DomainError.conflict('You have left Kith, so nobody is introduced to you');
      if (await this.ties.introduced(principal.personId, personId))
        throw DomainError.conflict('You are already connected');
      const pending = await this.introductions.pendingFor(key);
      if (pending?.fromId === principal.personId) return { id: pending.id, status: pending.status };
      const closed = asked.left || (await this.blocks.eitherBlocking(principal.personId, personId));
      if (pending && !closed) {
        // They asked first: asking back is saying yes.
        await this.accept(pending.id, pending.fromId, principal.personId);
        return { id: pending.id, status: IntroductionStatus.ACCEPTED };
      }
      if (closed || !asked.optedIn) throw DomainError.forbidden(NOT_TAKING_INTRODUCTIONS);
      const since = new Date(this.clock.now().getTime() - WEEK_MS);
      if (
        (await this.introductions.sentSince(principal.personId, since)) >= INTRODUCTIONS_PER_WEEK
      ) {
        throw DomainError.rateLimited(
          `At most ${INTRODUCTIONS_PER_WEEK} introductions a week`,
          24 * 3600,
        );
      }
      const created = await this.introductions.insert(
        principal.personId,
        personId,
        key,
        message ?? null,
      );
      await this.outbox.schedule(
        JobName.DecideNudge,
        { event: 'INTRODUCTION_RECEIVED', introductionId: created.id },
        { key: `introduction-received-${created.id}` },
      );
      return { id: created.id, status: created.status };
    });
  }

  /**
   * The person asked accepts or declines; accepting ties the two. One withdrawn (either of them
   * left or blocked the other) is no longer open, in the same words whichever it was.
   */
  respond(
    principal: Principal,
    introductionId: string,
    accept: boolean,
  ): Promise<IntroductionOutcome> {
    return this.db.transaction(async () => {
      const introduction = isUuid(introductionId)
        ? await this.introductions.lock(introductionId)
        : undefined;
      if (!introduction) throw DomainError.notFound('Introduction');
      if (introduction.toId !== principal.personId)
        throw DomainError.forbidden('Only the person asked can answer');
      const wanted = accept ? IntroductionStatus.ACCEPTED : IntroductionStatus.DECLINED;
      if (introduction.status === wanted) return { id: introduction.id, status: wanted };
      if (introduction.status === IntroductionStatus.WITHDRAWN)
        throw DomainError.conflict(NO_LONGER_OPEN);
      if (introduction.status !== IntroductionStatus.PENDING)
        throw DomainError.conflict(
          `This introduction was already ${introduction.status.toLowerCase()}`,
        );
      // A block or a leaving withdraws what is pending in its own transaction; read again here
      // all the same, so nothing made before that rule can be accepted across one.
      if (accept && (await this.closedBetween(introduction.fromId, introduction.toId)))
        throw DomainError.conflict(NO_LONGER_OPEN);
      if (accept) await this.accept(introduction.id, introduction.fromId, introduction.toId);
      else await this.answer(introduction.id, IntroductionStatus.DECLINED);
      return { id: introduction.id, status: wanted };
    });
  }

  /** The introduction as the two in it see it (read after the caller's own answer or request). */
  async view(id: string): Promise<IntroductionView> {
    return present((await this.introductions.views([id]))[0], 'introduction');
  }

  /** A page of the person's introductions, asked for and asked of them, newest first. */
  async page(
    personId: string,
    request: PageRequest,
  ): Promise<{
    rows: IntroductionView[];
    position: (row: IntroductionView) => Record<string, string>;
  }> {
    return {
      rows: await this.introductions.page(personId, request.first + 1, request.after?.i ?? null),
      position: (row) => ({ i: row.id }),
    };
  }

  /**
   * One of the two blocked the other (in the caller's transaction): whatever was pending between
   * them, asked by either, is withdrawn and can never be accepted. How many were.
   */
  withdrawBetween(a: string, b: string): Promise<number> {
    return this.db.transaction(async () => {
      const key = pairKey(a, b);
      await this.introductions.lockPair(key);
      return this.introductions.withdraw({ pairKey: key });
    });
  }

  /**
   * The member is leaving (in the caller's transaction, after their profile says so): every
   * introduction pending to or from them is withdrawn. How many were.
   */
  withdrawAllOf(personId: string): Promise<number> {
    return this.introductions.withdraw({ personId });
  }

  private async closedBetween(a: string, b: string): Promise<boolean> {
    if (await this.blocks.eitherBlocking(a, b)) return true;
    const [x, y] = [await this.profiles.profileOf(a), await this.profiles.profileOf(b)];
    return Boolean(x?.leftAt ?? y?.leftAt);
  }

  /** Accepted, however it came about: the introduction answered and the two tied. */
  private async accept(id: string, fromId: string, toId: string): Promise<void> {
    await this.answer(id, IntroductionStatus.ACCEPTED);
    await this.ties.addContacts([
      {
        a: fromId,
        b: toId,
        source: TieSource.INTRODUCTION,
        refId: id,
        at: this.clock.now(),
        weight: 1,
      },
    ]);
    // The one who asked hears the yes (through the outbox, with this same commit).
    await this.outbox.schedule(
      JobName.DecideNudge,
      { event: 'INTRODUCTION_ACCEPTED', introductionId: id },
      { key: `introduction-accepted-${id}` },
    );
  }

  /** Only a pending introduction is answered: one withdrawn meanwhile stays withdrawn. */
  private async answer(
    id: string,
    status: IntroductionStatus.ACCEPTED | IntroductionStatus.DECLINED,
  ): Promise<void> {
    if (!(await this.introductions.answer(id, status))) throw DomainError.conflict(NO_LONGER_OPEN);
  }
}
