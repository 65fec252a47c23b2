import { Injectable } from '@nestjs/common';
import { Clock, Db, DomainError, isUuid, Problems } from '@kith/platform';
import { BlockService } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { assertFirst } from './first';
import { IntroductionStatus, TieSource } from './matching.entities';
import { scorePeer } from './peer-scoring';
import type { ScoredPeer } from './peer-scoring';
import { PeerRepository } from './peer.repository';
import { SessionMatchingService } from './session-matching.service';
import { CANDIDATE_LIMITS } from './weights';

export const INTRODUCTIONS_PER_WEEK = 5;
const WEEK_MS = 7 * 24 * 3600 * 1000;

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

@Injectable()
export class PeerMatchingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly peers: PeerRepository,
    private readonly sessions: SessionMatchingService,
    private readonly blocks: BlockService,
  ) {}

  /** Reciprocal suggestions among members who opted in; empty until matchingNeeds is. */
  async suggest(personId: string, first: number): Promise<ScoredPeer[]> {
    assertFirst(first);
    const viewer = await this.peers.viewer(personId);
    if (!viewer) return [];
    const popularity = await this.sessions.popularityForScoring();
    return (await this.peers.candidates(personId, CANDIDATE_LIMITS.peers))
      .map((candidate) => scorePeer(viewer, candidate, popularity))
      .sort((a, b) => b.score - a.score || a.candidate.personId.localeCompare(b.candidate.personId))
      .slice(0, first);
  }

  /**
   * At most five a week; only to members who opted in; never across a block; once per pair. Asking
   * someone who already asked you accepts theirs: one introduction, never two.
   */
  async requestIntroduction(
    principal: Principal,
    personId: string,
    rawMessage: string | null,
  ): Promise<{ id: string; status: IntroductionStatus }> {
    const problems = new Problems();
    problems.check(
      personId !== principal.personId,
      'personId',
      'you cannot be introduced to yourself',
    );
    const message = rawMessage ? problems.text(rawMessage, 'message', 500, true) : undefined;
    problems.throwIfAny('No introduction was asked for');
    const target = isUuid(personId) ? await this.peers.target(personId) : undefined;
    if (!target) throw DomainError.notFound('Person');
    if (await this.blocks.eitherBlocking(principal.personId, personId))
      throw DomainError.forbidden('You cannot be introduced to this person');
    if (await this.peers.tied(principal.personId, personId))
      throw DomainError.conflict('You are already connected');
    return this.db.transaction(async () => {
      const key = pairKey(principal.personId, personId);
      // The pair first, then the asker: two people asking each other at once take turns here.
      await this.peers.lockPair(key);
      await this.peers.lockRequester(principal.personId);
      const pending = await this.peers.pendingFor(key);
      if (pending?.fromId === principal.personId) return { id: pending.id, status: pending.status };
      if (pending) {
        // They asked first: asking back is saying yes.
        await this.peers.answer(pending.id, IntroductionStatus.ACCEPTED);
        await this.peers.addTie(pending.fromId, principal.personId, TieSource.INTRODUCTION);
        return { id: pending.id, status: IntroductionStatus.ACCEPTED };
      }
      if (!target.optedIn)
        throw DomainError.forbidden('This person has not chosen to be introduced to people');
      const since = new Date(this.clock.now().getTime() - WEEK_MS);
      if ((await this.peers.sentSince(principal.personId, since)) >= INTRODUCTIONS_PER_WEEK) {
        throw DomainError.rateLimited(
          `At most ${INTRODUCTIONS_PER_WEEK} introductions a week`,
          24 * 3600,
        );
      }
      return this.peers.insertIntroduction(principal.personId, personId, key, message ?? null);
    });
  }

  /** The person asked answers; accepting creates a tie between the two. */
  respond(
    principal: Principal,
    introductionId: string,
    accept: boolean,
  ): Promise<{ id: string; status: IntroductionStatus }> {
    return this.db.transaction(async () => {
      const introduction = isUuid(introductionId)
        ? await this.peers.lockIntroduction(introductionId)
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
      await this.peers.answer(introduction.id, wanted);
      if (accept)
        await this.peers.addTie(introduction.fromId, introduction.toId, TieSource.INTRODUCTION);
      return { id: introduction.id, status: wanted };
    });
  }
}
