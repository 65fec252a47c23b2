import { Injectable } from '@nestjs/common';
import { Clock, DomainError } from '@kith/platform';
import { SessionCandidateRepository } from './session-candidates.repository';
import { diversify, scoreSession } from './session-scoring';
import type { InterestPopularity, ScoredSession } from './session-scoring';
import { CANDIDATE_LIMITS } from './weights';

export const MAX_MATCHES = 50;
const WINDOW_DAYS = 14;
const POPULARITY_TTL_MS = 10 * 60 * 1000;

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
  // Interest popularity moves slowly; it is cached briefly. Places are never cached.
  // The promise is kept, so requests arriving together share one query instead of each running it.
  private popularity: { value: Promise<InterestPopularity>; at: number } | undefined;

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
      personId,
      home: member.home,
      radiusMetres: member.radiusMetres,
      from: now,
      until: new Date(now.getTime() + WINDOW_DAYS * 24 * 3600 * 1000),
      needs: member.needs,
      blocked: member.blocked,
      known: member.known,
      limit: CANDIDATE_LIMITS.sessions,
    });
    const interests = await this.candidates.interestsOf([
      ...new Set(rows.map((r) => r.activityId)),
    ]);
    const byActivity = new Map<string, typeof interests>();
    for (const interest of interests)
      byActivity.set(interest.activityId, [
        ...(byActivity.get(interest.activityId) ?? []),
        interest,
      ]);
    const popularity = await this.interestPopularity();
    const scored = rows.map((row) =>
      scoreSession(member, { ...row, interests: byActivity.get(row.activityId) ?? [] }, popularity),
    );
    return { matches: diversify(scored, first), missing: [] };
  }

  async needs(personId: string): Promise<MissingForMatching[]> {
    return missingFor(await this.candidates.member(personId));
  }

  /** Interest popularity for other scorers (peers), from the same short cache. */
  popularityForScoring(): Promise<InterestPopularity> {
    return this.interestPopularity();
  }

  private interestPopularity(): Promise<InterestPopularity> {
    const now = Date.now();
    if (!this.popularity || now - this.popularity.at > POPULARITY_TTL_MS) {
      const value = this.candidates.popularity();
      this.popularity = { value, at: now };
      // A failed read is not kept: the next request tries again.
      value.catch(() => {
        if (this.popularity?.value === value) this.popularity = undefined;
      });
    }
    return this.popularity.value;
  }
}
