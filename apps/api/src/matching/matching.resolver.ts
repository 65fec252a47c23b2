import DataLoader from 'dataloader';
import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Session } from '../community/session.model';
import {
  HelperMatchingService,
  MatchedPeopleService,
  SessionMatchingService,
} from '@kith/matching';
import { SessionService } from '@kith/community';
import { HelperMatchGap } from '@kith/help';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { toSession } from '../community/community.mappers';
import {
  HelperMatch,
  MatchingAdvice,
  MatchingNeed,
  PeerMatch,
  SessionMatch,
} from './matching.model';
import type { Loaders } from '../community/loaders';
import { RequestLoaders } from '../community/loaders.decorator';
import { searchCost } from '../graphql/query-limits';
import { toHelperMatch, toPeerMatch } from './matching.mappers';

@Resolver()
export class MatchingResolver {
  constructor(
    private readonly sessions: SessionMatchingService,
    private readonly people: MatchedPeopleService,
    private readonly helpers: HelperMatchingService,
    private readonly sessionViews: SessionService,
  ) {}

  @Query(() => [PeerMatch], {
    complexity: searchCost,
    description: 'People near you who opted in to introductions, a match both would welcome first',
  })
  async suggestedPeers(
    @CurrentPrincipal() principal: Principal,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<PeerMatch[]> {
    return (await this.people.suggestedPeers(principal.personId, first)).map(toPeerMatch);
  }

  @Query(() => [HelperMatch], {
    complexity: searchCost,
    description:
      'Helpers who can take this request, best first, with reasons (the member who asked, or a coordinator)',
  })
  async helperMatches(
    @CurrentPrincipal() principal: Principal,
    @Args('requestId', { type: () => ID }) requestId: string,
    @Args('first', { type: () => Int, defaultValue: 5 }) first: number,
  ): Promise<HelperMatch[]> {
    return (await this.people.helperMatches(principal, requestId, first)).map(toHelperMatch);
  }

  @Query(() => [HelperMatchGap], {
    description:
      'Why helperMatches is empty for this request, from the same eligibility rule; empty when there are matches (the member who asked, or a coordinator)',
  })
  helperMatchGaps(
    @CurrentPrincipal() principal: Principal,
    @Args('requestId', { type: () => ID }) requestId: string,
  ): Promise<HelperMatchGap[]> {
    return this.helpers.gaps(principal, requestId);
  }

  @Query(() => [SessionMatch], {
    complexity: searchCost,
    description:
      'Upcoming sessions for you, best first, each with its reasons; empty until matchingNeeds is',
  })
  async recommendedSessions(
    @CurrentPrincipal() principal: Principal,
    @RequestLoaders() loaders: Loaders,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<SessionMatch[]> {
    const { matches } = await this.sessions.recommend(principal.personId, first);
    // Each session and its activity in one read; the activity field then finds it loaded.
    const views = new Map(
      (
        await this.sessionViews.withActivities(
          principal.personId,
          matches.map((m) => m.candidate.sessionId),
        )
      ).map(({ session, activity }) => {
        loaders.activity.prime(activity.id, activity);
        return [session.id, session];
      }),
    );
    return matches.flatMap((match) => {
      const view = views.get(match.candidate.sessionId);
      return view ? [{ session: toSession(view), score: match.score, reasons: match.reasons }] : [];
    });
  }

  @Query(() => [MatchingNeed], {
    description:
      'What would let Kith suggest sessions: what to ask the member for (HOME, INTERESTS), then why recommendedSessions is empty, or AVAILABILITY when nothing suggested is at a free time; empty when there is nothing to change',
  })
  async matchingNeeds(@CurrentPrincipal() principal: Principal): Promise<MatchingNeed[]> {
    return (await this.sessions.advice(principal.personId)).needs.map((need) => MatchingNeed[need]);
  }

  @Query(() => MatchingAdvice, {
    description:
      'matchingNeeds with the change that would help: a radius that reaches a session, the access needs missing nearby',
  })
  async matchingAdvice(@CurrentPrincipal() principal: Principal): Promise<MatchingAdvice> {
    const advice = await this.sessions.advice(principal.personId);
    return {
      needs: advice.needs.map((need) => MatchingNeed[need]),
      travelRadiusMetres: advice.travelRadiusMetres,
      unmetAccessNeeds: advice.unmetAccessNeeds,
    };
  }
}

/** "People you know going" on any session the member looks at, batched per request. */
@Resolver(() => Session)
export class SessionKnownGoingResolver {
  // One loader per request (its loaders object), so a list of sessions costs one read.
  private readonly perRequest = new WeakMap<Loaders, DataLoader<string, string[]>>();

  constructor(private readonly sessions: SessionMatchingService) {}

  @ResolveField(() => [String], {
    description:
      'First names of people you know who are going: contacts you both confirmed who chose to be seen going, neither having hidden or blocked the other',
  })
  knownGoing(
    @Parent() session: Session,
    @CurrentPrincipal() principal: Principal,
    @RequestLoaders() loaders: Loaders,
  ): Promise<string[]> {
    let loader = this.perRequest.get(loaders);
    if (!loader) {
      loader = new DataLoader(async (ids: readonly string[]) => {
        const going = await this.sessions.knownGoing(principal.personId, ids);
        return ids.map((id) => going.get(id) ?? []);
      });
      this.perRequest.set(loaders, loader);
    }
    return loader.load(session.id);
  }
}
