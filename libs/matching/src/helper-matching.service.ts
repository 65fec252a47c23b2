import { Injectable } from '@nestjs/common';
import { Clock, DomainError, isUuid } from '@kith/platform';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { HelperCandidateRepository } from './helper-candidates.repository';
import { rankHelpers } from './helper-scoring';
import type { ScoredHelper } from './helper-scoring';
import { assertFirst } from './first';
import { CANDIDATE_LIMITS } from './weights';

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
    const request = isUuid(requestId) ? await this.candidates.request(requestId) : undefined;
    if (!request) throw DomainError.notFound('Help request');
    const coordinates = await this.people.holdsRoleIn(
      principal.personId,
      Role.COORDINATOR,
      request.areaId,
    );
    if (request.memberId !== principal.personId && !coordinates)
      throw DomainError.forbidden('This is not your request');
    if (request.status !== 'OPEN') return [];
    const today = this.clock.now().toISOString().slice(0, 10);
    return rankHelpers(
      await this.candidates.candidates(requestId, today, CANDIDATE_LIMITS.helpers),
      first,
    );
  }
}
