import { Injectable } from '@nestjs/common';
import { Clock, DomainError, isUuid } from '@kith/platform';
import { dbsDay, HelperMatchGap, helperEligibility, helperMatchGaps } from '@kith/help';
import type { Eligibility } from '@kith/help';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { HelperCandidateRepository } from './helper-candidates.repository';
import type { HelperCandidateRow, RequestForMatching } from './helper-candidates.repository';
import { rankHelpers } from './helper-scoring';
import type { ScoredHelper } from './helper-scoring';
import { assertFirst } from './first';
import { CANDIDATE_LIMITS } from './weights';

/** How many hard-eligible helpers, nearest first, are judged to say why none fit. */
const GAP_CANDIDATES = 1000;

@Injectable()
export class HelperMatchingService {
  constructor(
    private readonly candidates: HelperCandidateRepository,
    private readonly people: PersonService,
    private readonly clock: Clock,
  ) {}

  /** For the member who asked, or a coordinator of the request's area. */
  async match(principal: Principal, requestId: string, first: number): Promise<ScoredHelper[]> {
    assertFirst(first);
    const request = await this.readableRequest(principal, requestId);
    if (request.status !== 'OPEN') return [];
    const rows = await this.candidates.candidates(
      requestId,
      this.today(),
      CANDIDATE_LIMITS.helpers,
    );
    // The SQL pre-filters by the same rule; the rule itself has the last word.
    return rankHelpers(
      rows.filter((row) => this.judge(request, row).eligible),
      first,
    );
  }

  /**
   * Why helperMatches is empty, from the same eligibility rule: what a coordinator could relax.
   * Empty when there is a helper to suggest.
   */
  async gaps(principal: Principal, requestId: string): Promise<HelperMatchGap[]> {
    const request = await this.readableRequest(principal, requestId);
    if (request.status !== 'OPEN') return [HelperMatchGap.REQUEST_NOT_OPEN];
    if (!request.hasHome) return [HelperMatchGap.MEMBER_HOME_UNKNOWN];
    const rows = await this.candidates.gapCandidates(requestId, this.today(), GAP_CANDIDATES);
    return helperMatchGaps(rows.map((row) => this.judge(request, row)));
  }

  private async readableRequest(
    principal: Principal,
    requestId: string,
  ): Promise<RequestForMatching> {
    const request = isUuid(requestId) ? await this.candidates.request(requestId) : undefined;
    if (!request) throw DomainError.notFound('Help request');
    if (request.memberId === principal.personId) return request;
    if (await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, request.areaId))
      return request;
    throw DomainError.forbidden('This is not your request');
  }

  private today(): string {
    return dbsDay(this.clock.now());
  }

  private judge(request: RequestForMatching, row: HelperCandidateRow): Eligibility {
    return helperEligibility(
      {
        personId: row.helperId,
        status: row.status,
        dbsCheckedOn: row.dbsCheckedOn,
        dbsExpiresOn: row.dbsExpiresOn,
        travelRadiusMetres: row.radiusMetres,
        maxMinutesPerWeek: row.maxMinutesPerWeek,
        availability: row.availability,
        skillIds: row.skillIds,
      },
      request,
      {
        today: this.today(),
        blockedEitherWay: row.blockedEitherWay,
        distanceMetres: row.distanceMetres,
        minutesThisWeek: row.minutesThisWeek,
      },
    );
  }
}
