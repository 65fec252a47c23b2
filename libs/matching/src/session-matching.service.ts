import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@kith/platform';
import { SessionCandidateRepository } from './session-candidates.repository';
import type { InterestStats } from './session-candidates.repository';
import { diversify, scoreSession, sessionScore } from './session-scoring';
import type { InterestPopularity, ScoredSession, SessionCandidate } from './session-scoring';
import { CANDIDATE_LIMITS } from './weights';

export const MAX_MATCHES = 50;
const WINDOW_DAYS = 14;
const STATS_TTL_MS = 10 * 60 * 1000;

/** What the member still needs to tell Kith before suggestions can be made. */
export type MissingForMatching = 'HOME' | 'INTERESTS';

export interface SessionRecommendations {
  matches: ScoredSession[];
  missing: MissingForMatching[];
}

function missingFor(
  member: { hasHome: boolean; interestIds: ReadonlySet<string> } | undefined,
): MissingForMatching[] {
  const missing: MissingForMatching[] = [];
  if (!member?.hasHome) missing.push('HOME');
  if (!member || member.interestIds.size === 0) missing.push('INTERESTS');
  return missing;
}

@Injectable()
export class SessionMatchingService {
  // Interests and their popularity move slowly; they are cached briefly. Places are never cached.
  // The promise is kept, so requests arriving together share one query instead of each running it.
  private stats: { value: Promise<InterestStats>; at: number } | undefined;

  constructor(
    private readonly candidates: SessionCandidateRepository,
    private readonly clock: Clock,
  ) {}

  async recommend(personId: string, first: number): Promise<SessionRecommendations> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) {
      throw DomainError.badInput([
        { path: 'first', message: `must be a whole number from 1 to ${MAX_MATCHES}` },
      ]);
    }
    const member = await this.candidates.member(personId);
    const missing = missingFor(member);
    if (!member || member.home === null || missing.length > 0) return { matches: [], missing };

    const now = this.clock.now();
    const rows = await this.candidates.candidates({
      holding: member.holding,
      home: member.home,
      radiusMetres: member.radiusMetres,
      from: now,
      until: new Date(now.getTime() + WINDOW_DAYS * 24 * 3600 * 1000),
      needs: member.needs,
      blocked: member.blocked,
      known: member.known,
      limit: CANDIDATE_LIMITS.sessions,
    });
    let stats = await this.interestStats();
    // An interest newer than the cached catalogue: read it again, once.
    if (rows.some((row) => row.interestIds.some((id) => !stats.catalogue.has(id))))
      stats = await this.interestStats(true);
    const { catalogue, popularity } = stats;
    const ranked = rows.map((row) => {
      const candidate: SessionCandidate = {
        sessionId: row.sessionId,
        activityId: row.activityId,
        startsAt: row.startsAt,
        distanceMetres: row.distanceMetres,
        bookedCount: row.bookedCount,
        knownGoing: row.knownGoing,
        interests: row.interestIds.flatMap((id) => catalogue.get(id) ?? []),
      };
      return { candidate, score: sessionScore(member, candidate, popularity) };
    });
    // Every candidate is ranked; only the chosen few are explained.
    const matches = diversify(ranked, first).map(({ candidate }) =>
      scoreSession(member, candidate, popularity),
    );
    return { matches, missing: [] };
  }

  async needs(personId: string): Promise<MissingForMatching[]> {
    return missingFor(await this.candidates.member(personId));
  }

  /** Interest popularity for other scorers (peers), from the same short cache. */
  async popularityForScoring(): Promise<InterestPopularity> {
    return (await this.interestStats()).popularity;
  }

  private interestStats(refresh = false): Promise<InterestStats> {
    const now = Date.now();
    if (refresh || !this.stats || now - this.stats.at > STATS_TTL_MS) {
      const value = this.candidates.interestStats();
      this.stats = { value, at: now };
      // A failed read is not kept: the next request tries again.
      value.catch(() => {
        if (this.stats?.value === value) this.stats = undefined;
      });
    }
    return this.stats.value;
  }
}
