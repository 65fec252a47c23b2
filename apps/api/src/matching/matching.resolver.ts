import {
  Args,
  Field,
  Float,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import {
  HelperMatchingService,
  IntroductionStatus,
  PeerMatchingService,
  SessionMatchingService,
} from '@kith/matching';
import { InterestCatalogue, SessionService } from '@kith/community';
import { distanceBand } from '@kith/platform';
import { HelperMatchGap } from '@kith/help';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { toInterest, toSession } from '../community/community.mappers';
import { Interest, Session } from '../community/community.types';
import type { Loaders } from '../community/loaders';
import { RequestLoaders } from '../community/loaders.decorator';
import { searchCost } from '../graphql/query-limits';

export enum MatchingNeed {
  HOME = 'HOME',
  INTERESTS = 'INTERESTS',
}
registerEnumType(IntroductionStatus, { name: 'IntroductionStatus' });
registerEnumType(HelperMatchGap, {
  name: 'HelperMatchGap',
  description: 'Why a help request has no helper to suggest: what a coordinator could relax',
  valuesMap: {
    REQUEST_NOT_OPEN: { description: 'The request is no longer open' },
    MEMBER_HOME_UNKNOWN: { description: "The member's home is not set, so distance is unknown" },
    NO_APPROVED_HELPER_WITH_SKILL: {
      description: 'No approved, vetted helper (not blocked) offers the skill within 50 km',
    },
    NONE_WITHIN_RADIUS: { description: "The home is outside every such helper's travel radius" },
    NONE_AVAILABLE_IN_WINDOWS: {
      description: "No such helper's availability meets the preferred windows",
    },
    ALL_AT_WEEKLY_CAP: { description: 'Every such helper would pass their weekly limit' },
    NO_HELPER_MEETS_EVERY_RULE: {
      description: 'Each such helper misses a different rule; none meets them all',
    },
  },
});
registerEnumType(MatchingNeed, {
  name: 'MatchingNeed',
  description: 'What to ask the member for before suggestions can be made',
});

@ObjectType()
export class MatchReason {
  @Field({ description: 'Stable, e.g. SHARED_INTERESTS, NEARBY, AVAILABLE, KNOWN_PEOPLE' })
  code!: string;
  @Field({ description: 'Plain English for the member' }) text!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType()
export class SessionMatch {
  @Field(() => Session) session!: Session;
  @Field(() => Float) score!: number;
  @Field(() => [MatchReason]) reasons!: MatchReason[];
}

@ObjectType({
  description: 'Another person as you may see them: a first name, a distance band, what you share',
})
export class PublicPerson {
  @Field(() => ID) id!: string;
  @Field() displayName!: string;
  @Field(() => String, { nullable: true }) distanceBand!: string | null;
  @Field(() => [Interest]) sharedInterests!: Interest[];
}

@ObjectType()
export class HelperMatch {
  @Field(() => PublicPerson) helper!: PublicPerson;
  @Field(() => Float) score!: number;
  @Field(() => [MatchReason]) reasons!: MatchReason[];
}

@ObjectType()
export class PeerMatch {
  @Field(() => PublicPerson) person!: PublicPerson;
  @Field(() => Float) score!: number;
  @Field(() => [MatchReason]) reasons!: MatchReason[];
}

@ObjectType()
export class Introduction {
  @Field(() => ID) id!: string;
  @Field(() => IntroductionStatus) status!: IntroductionStatus;
}

@Resolver()
export class MatchingResolver {
  constructor(
    private readonly sessions: SessionMatchingService,
    private readonly helpers: HelperMatchingService,
    private readonly interests: InterestCatalogue,
    private readonly peers: PeerMatchingService,
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
    const peers = await this.peers.suggest(principal.personId, first);
    const people = await this.publicPeople(
      peers.map(({ candidate: c }) => ({
        id: c.personId,
        displayName: c.displayName,
        distanceMetres: c.distanceMetres,
        sharedInterestIds: c.shared.map((i) => i.id),
      })),
    );
    return peers.map((p, i) => ({ person: people[i], score: p.score, reasons: p.reasons }));
  }

  @Mutation(() => Introduction, {
    description: 'Ask to be introduced; at most five a week; the same pending one if asked again',
  })
  requestIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<Introduction> {
    return this.peers.requestIntroduction(principal, personId, message);
  }

  @Mutation(() => Introduction, {
    description: 'Answer an introduction asked of you; accepting connects you',
  })
  respondToIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<Introduction> {
    return this.peers.respond(principal, id, accept);
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
    const ranked = await this.helpers.match(principal, requestId, first);
    const helpers = await this.publicPeople(
      ranked.map(({ candidate: c }) => ({
        id: c.helperId,
        displayName: c.displayName,
        distanceMetres: c.distanceMetres,
        sharedInterestIds: c.sharedInterestIds,
      })),
    );
    return ranked.map((r, i) => ({ helper: helpers[i], score: r.score, reasons: r.reasons }));
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
    description: 'What the member still needs to tell Kith for suggestions; empty when ready',
  })
  async matchingNeeds(@CurrentPrincipal() principal: Principal): Promise<MatchingNeed[]> {
    // Only the member's own profile: no candidate search just to learn what is missing.
    return (await this.sessions.needs(principal.personId)).map((need) => MatchingNeed[need]);
  }

  /** Other people as a member may see them: a first name, a distance band, what they share. */
  private async publicPeople(
    people: {
      id: string;
      displayName: string;
      distanceMetres: number;
      sharedInterestIds: readonly string[];
    }[],
  ): Promise<PublicPerson[]> {
    const interests = new Map(
      (await this.interests.byIds([...new Set(people.flatMap((p) => p.sharedInterestIds))])).map(
        (i) => [i.id, toInterest(i)],
      ),
    );
    return people.map((p) => ({
      id: p.id,
      displayName: p.displayName.split(' ')[0],
      distanceBand: distanceBand(p.distanceMetres),
      sharedInterests: p.sharedInterestIds.flatMap((id) => interests.get(id) ?? []),
    }));
  }
}
