import { Injectable } from '@nestjs/common';
import { InterestCatalogue } from '@kith/community';
import { firstName } from '@kith/identity';
import { Clock } from '@kith/platform';
import { SessionCandidateRepository } from './session-candidates.repository';
import type { MatchingMember } from './session-candidates.repository';
import { diversify, scoreSession, sessionScore, varietyReason } from './session-scoring';
import type { InterestPopularity, ScoredSession, SessionCandidate } from './session-scoring';
import { assertFirst } from './first';
import { adviseOnMatching } from './matching-advice';
import type { MatchingAdvice, MatchingNeedCode } from './matching-advice';
import { CANDIDATE_LIMITS } from './weights';

const WINDOW_DAYS = 14;
/** The widest travel radius a member may choose (community's MAX_RADIUS). */
const WIDEST_RADIUS_METRES = 50_000;
const STATS_TTL_MS = 10 * 60 * 1000;

/** What the member still needs to tell Kith before suggestions can be made. */
export type MissingForMatching = Extract<MatchingNeedCode, 'HOME' | 'INTERESTS'>;

type ScoringInterest = SessionCandidate['interests'][number];

/** Every interest as scoring sees it, and how many members hold each. */
interface InterestStats {
  popularity: InterestPopularity;
  catalogue: ReadonlyMap<string, ScoringInterest>;
}

export interface SessionRecommendations {
  matches: ScoredSession[];
  missing: MissingForMatching[];
}

/** The member with a home and interests, or what they still have to say. */
function readiness(
  member: MatchingMember | undefined,
): { member: MatchingMember & { home: string }; missing: [] } | { missing: MissingForMatching[] } {
  const missing: MissingForMatching[] = [];
  if (!member?.home) missing.push('HOME');
  if ((member?.interestIds.size ?? 0) === 0) missing.push('INTERESTS');
  if (!member?.home || missing.length > 0) return { missing };
  return { member: { ...member, home: member.home }, missing: [] };
}

@Injectable()
export class SessionMatchingService {
  // Interests and their popularity move slowly; they are cached briefly. Places are never cached.
  // The promise is kept, so requests arriving together share one query instead of each running it.
  private stats: { value: Promise<InterestStats>; at: number } | undefined;

  constructor(
    private readonly candidates: SessionCandidateRepository,
    private readonly interests: InterestCatalogue,
    private readonly clock: Clock,
  ) {}

  async recommend(personId: string, first: number): Promise<SessionRecommendations> {
    assertFirst(first);
    const ready = readiness(await this.candidates.member(personId));
    if (!('member' in ready)) return { matches: [], missing: ready.missing };
    const { member } = ready;
    const rows = await this.candidates.candidates({
      holding: member.holding,
      home: member.home,
      radiusMetres: member.radiusMetres,
      ...this.window(),
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
    // Every candidate is ranked; only the chosen few are explained. The score given back is the
    // one the list is in order of, after the variety re-ranking.
    const matches = diversify(member, ranked, first).map(({ candidate, score }) => {
      const scored = scoreSession(member, candidate, popularity);
      const variety = varietyReason(scored.score, score);
      return { ...scored, score, reasons: variety ? [...scored.reasons, variety] : scored.reasons };
    });
    return { matches, missing: [] };
  }

  /**
   * What would let Kith suggest sessions to the member, or better ones: what they have not said
   * yet (home, interests), then why nothing can be suggested, or that nothing suggested is at a
   * time they are free. One read of the member and one of what lies around their home.
   */
  async advice(personId: string): Promise<MatchingAdvice> {
    const ready = readiness(await this.candidates.member(personId));
    if (!('member' in ready))
      return { needs: ready.missing, travelRadiusMetres: null, unmetAccessNeeds: [] };
    const { member } = ready;
    const around = await this.candidates.surroundings({
      home: member.home,
      radiusMetres: member.radiusMetres,
      ...this.window(),
      needs: member.needs,
      blocked: member.blocked,
      holding: member.holding,
      maxRadiusMetres: WIDEST_RADIUS_METRES,
    });
    return adviseOnMatching(member, around, WIDEST_RADIUS_METRES);
  }

  /**
   * "People you know going", for sessions the member looks at: the first names of contacts both
   * confirmed who chose to be seen going (MatchingMember.known), by session id.
   */
  async knownGoing(
    personId: string,
    sessionIds: readonly string[],
  ): Promise<Map<string, string[]>> {
    const known = (await this.candidates.member(personId))?.known ?? [];
    const going = new Map<string, string[]>(sessionIds.map((id) => [id, []]));
    if (known.length === 0 || sessionIds.length === 0) return going;
    for (const row of await this.candidates.knownGoing(sessionIds, known))
      going.get(row.sessionId)?.push(firstName(row.displayName));
    return going;
  }

  /** The sessions suggested start within the next two weeks. */
  private window(): { from: Date; until: Date } {
    const from = this.clock.now();
    return { from, until: new Date(from.getTime() + WINDOW_DAYS * 24 * 3600 * 1000) };
  }

  /** Interest popularity for other scorers (peers), from the same short cache. */
  async popularityForScoring(): Promise<InterestPopularity> {
    return (await this.interestStats()).popularity;
  }

  private interestStats(refresh = false): Promise<InterestStats> {
    const now = Date.now();
    if (refresh || !this.stats || now - this.stats.at > STATS_TTL_MS) {
      const value = this.readInterestStats();
      this.stats = { value, at: now };
      // A failed read is not kept: the next request tries again.
      value.catch(() => {
        if (this.stats?.value === value) this.stats = undefined;
      });
    }
    return this.stats.value;
  }

  private async readInterestStats(): Promise<InterestStats> {
    const [interests, popularity] = await Promise.all([
      this.interests.all(),
      this.candidates.popularity(),
    ]);
    const catalogue = new Map<string, ScoringInterest>(
      interests.map((i) => [
        i.id,
        {
          id: i.id,
          label: i.label,
          group: i.groupSlug,
          groupLabel: i.groupLabel,
          active: i.active,
        },
      ]),
    );
    return { popularity, catalogue };
  }
}
