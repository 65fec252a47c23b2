import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { HelperMatchGap } from '@kith/help';
import { Interest } from '../community/interest.model';
import { Session } from '../community/session.model';

export enum MatchingNeed {
  HOME = 'HOME',
  INTERESTS = 'INTERESTS',
}
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
  @Field(() => Float, {
    description:
      "The reason's part of the score; below zero only for VARIETY, when similar sessions come first",
  })
  weight!: number;
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
