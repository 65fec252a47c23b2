import {
  Args,
  Field,
  Float,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from '@nestjs/graphql';
import { SessionMatchingService } from '@kith/matching';
import type { Principal } from '@kith/identity';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { toSession } from '../community/community.mappers';
import { Session } from '../community/community.types';
import type { Loaders } from '../community/loaders';
import { RequestLoaders } from '../community/loaders.decorator';

export enum MatchingNeed {
  HOME = 'HOME',
  INTERESTS = 'INTERESTS',
}
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

@Resolver()
export class MatchingResolver {
  constructor(private readonly sessions: SessionMatchingService) {}

  @Query(() => [SessionMatch], {
    description:
      'Upcoming sessions for you, best first, each with its reasons; empty until matchingNeeds is',
  })
  async recommendedSessions(
    @CurrentPrincipal() principal: Principal,
    @RequestLoaders() loaders: Loaders,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
  ): Promise<SessionMatch[]> {
    const { matches } = await this.sessions.recommend(principal.personId, first);
    const views = await loaders.session.loadMany(matches.map((m) => m.candidate.sessionId));
    return matches.flatMap((match, i) => {
      const view = views[i];
      return view && !(view instanceof Error)
        ? [{ session: toSession(view), score: match.score, reasons: match.reasons }]
        : [];
    });
  }

  @Query(() => [MatchingNeed], {
    description: 'What the member still needs to tell Kith for suggestions; empty when ready',
  })
  async matchingNeeds(@CurrentPrincipal() principal: Principal): Promise<MatchingNeed[]> {
    return (await this.sessions.recommend(principal.personId, 1)).missing.map(
      (need) => MatchingNeed[need],
    );
  }
}
