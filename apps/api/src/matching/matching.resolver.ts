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
import { MatchedPeopleService, SessionMatchingService } from '@kith/matching';
import { IntroductionService, IntroductionStatus } from '@kith/network';
import { SessionService } from '@kith/community';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { toSession } from '../community/community.mappers';
import { Interest, Session } from '../community/community.types';
import type { Loaders } from '../community/loaders';
import { RequestLoaders } from '../community/loaders.decorator';
import { searchCost } from '../graphql/query-limits';
import { toHelperMatch, toPeerMatch } from './matching.mappers';

export enum MatchingNeed {
  HOME = 'HOME',
  INTERESTS = 'INTERESTS',
}
registerEnumType(IntroductionStatus, { name: 'IntroductionStatus' });
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
    private readonly people: MatchedPeopleService,
    private readonly sessionViews: SessionService,
    private readonly introductions: IntroductionService,
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

  @Mutation(() => Introduction, {
    description: 'Ask to be introduced; at most five a week; the same pending one if asked again',
  })
  requestIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('personId', { type: () => ID }) personId: string,
    @Args('message', { type: () => String, nullable: true }) message: string | null,
  ): Promise<Introduction> {
    return this.introductions.propose(principal, personId, message);
  }

  @Mutation(() => Introduction, {
    description: 'Answer an introduction asked of you; accepting connects you',
  })
  respondToIntroduction(
    @CurrentPrincipal() principal: Principal,
    @Args('id', { type: () => ID }) id: string,
    @Args('accept') accept: boolean,
  ): Promise<Introduction> {
    return this.introductions.respond(principal, id, accept);
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
}
