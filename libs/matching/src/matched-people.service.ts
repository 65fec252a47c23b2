import { Injectable } from '@nestjs/common';
import { InterestCatalogue } from '@kith/community';
import type { Principal } from '@kith/identity';
import { HelperMatchingService } from './helper-matching.service';
import { PeerMatchingService } from './peer-matching.service';
import { toPublicPerson } from './public-person';
import type { PublicPersonMatch, RawCandidate } from './public-person';
import type { MatchReason } from './reasons';

/**
 * People matching suggests to a member, shaped as that member may see them (PublicPersonView).
 * The API reads people only through here, so no edge can hand out a full name or a distance.
 */
@Injectable()
export class MatchedPeopleService {
  constructor(
    private readonly peers: PeerMatchingService,
    private readonly helpers: HelperMatchingService,
    private readonly interests: InterestCatalogue,
  ) {}

  async suggestedPeers(personId: string, first: number): Promise<PublicPersonMatch[]> {
    return this.shaped(await this.peers.suggest(personId, first), (c) => ({
      id: c.personId,
      displayName: c.displayName,
      distanceMetres: c.distanceMetres,
      sharedInterestIds: c.shared.map((i) => i.id),
    }));
  }

  async helperMatches(
    principal: Principal,
    requestId: string,
    first: number,
  ): Promise<PublicPersonMatch[]> {
    return this.shaped(await this.helpers.match(principal, requestId, first), (c) => ({
      id: c.helperId,
      displayName: c.displayName,
      distanceMetres: c.distanceMetres,
      sharedInterestIds: c.sharedInterestIds,
    }));
  }

  private async shaped<C>(
    ranked: { candidate: C; score: number; reasons: MatchReason[] }[],
    raw: (candidate: C) => RawCandidate,
  ): Promise<PublicPersonMatch[]> {
    const candidates = ranked.map((r) => raw(r.candidate));
    const ids = [...new Set(candidates.flatMap((c) => c.sharedInterestIds))];
    const interests = new Map(
      (ids.length ? await this.interests.byIds(ids) : []).map((i) => [i.id, i]),
    );
    return ranked.map(({ score, reasons }, index) => ({
      person: toPublicPerson(candidates[index], interests),
      score,
      reasons,
    }));
  }
}
