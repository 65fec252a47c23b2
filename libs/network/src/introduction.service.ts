import { Injectable } from '@nestjs/common';
import { ProfileService } from '@kith/community';
import { BlockService, PersonService } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { Clock, Db, DomainError, isUuid, JobName, JobOutbox, Problems } from '@kith/platform';
import { IntroductionRepository } from './introduction.repository';
import { IntroductionStatus, TieSource } from './network.entities';
import { TieRepository } from './ties/tie.repository';

export const INTRODUCTIONS_PER_WEEK = 5;
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
   * someone who already asked you accepts theirs: one introduction, never two.
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
      // Read under the locks, so a tie or opt-out made a moment ago is seen.
      if (await this.blocks.eitherBlocking(principal.personId, personId))
        throw DomainError.forbidden('You cannot be introduced to this person');
      if (await this.ties.introduced(principal.personId, personId))
        throw DomainError.conflict('You are already connected');
      const optedIn = (await this.profiles.profileOf(personId))?.peerIntroductions ?? false;
      const pending = await this.introductions.pendingFor(key);
      if (pending?.fromId === principal.personId) return { id: pending.id, status: pending.status };
      if (pending) {
        // They asked first: asking back is saying yes.
        await this.accept(pending.id, pending.fromId, principal.personId);
        return { id: pending.id, status: IntroductionStatus.ACCEPTED };
      }
      if (!optedIn)
        throw DomainError.forbidden('This person has not chosen to be introduced to people');
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

  /** The person asked accepts or declines; accepting ties the two. */
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
      if (introduction.status !== IntroductionStatus.PENDING)
        throw DomainError.conflict(
          `This introduction was already ${introduction.status.toLowerCase()}`,
        );
      if (accept) await this.accept(introduction.id, introduction.fromId, introduction.toId);
      else await this.introductions.answer(introduction.id, IntroductionStatus.DECLINED);
      return { id: introduction.id, status: wanted };
    });
  }

  /** Accepted, however it came about: the introduction answered and the two tied. */
  private async accept(id: string, fromId: string, toId: string): Promise<void> {
    await this.introductions.answer(id, IntroductionStatus.ACCEPTED);
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
}
