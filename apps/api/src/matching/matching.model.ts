import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { MatchingNeedCode } from '@kith/matching';
import { AccessibilityFeature } from '../community/community.enums';
import { HelperMatchGap } from '@kith/help';
import { Interest } from '../community/interest.model';
import { Session } from '../community/session.model';

export enum MatchingNeed {
  HOME = 'HOME',
  INTERESTS = 'INTERESTS',
  RADIUS = 'RADIUS',
  ACCESS_NEEDS = 'ACCESS_NEEDS',
  FULL = 'FULL',
  ALL_BOOKED = 'ALL_BOOKED',
  NO_SESSIONS_NEARBY = 'NO_SESSIONS_NEARBY',
  AVAILABILITY = 'AVAILABILITY',
}
// Every code the matching lib can give has its GraphQL value, and no more.
const needsAgree: Record<MatchingNeedCode, MatchingNeed> = MatchingNeed;
void needsAgree;
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
  description:
    'What would let Kith suggest sessions, or better ones: what to ask the member for, then why nothing can be suggested',
  valuesMap: {
    HOME: { description: 'Where home is (a postcode) is not known yet' },
    INTERESTS: { description: 'No interests chosen yet' },
    RADIUS: {
      description:
        'Nothing fits within the travel radius, but a session would a little further away (MatchingAdvice.travelRadiusMetres)',
    },
    ACCESS_NEEDS: {
      description:
        'Sessions within reach do not meet every access need (MatchingAdvice.unmetAccessNeeds: what the nearest lacks)',
    },
    FULL: { description: 'Sessions within reach that fit are full' },
    ALL_BOOKED: { description: 'You already have a place at every session within reach that fits' },
    NO_SESSIONS_NEARBY: {
      description:
        'Nothing that fits within 50 km in the next two weeks: Kith has little near you yet',
    },
    AVAILABILITY: {
      description:
        'Sessions can be suggested, but none starts at a time you said you are free (the list is not empty)',
    },
  },
});

@ObjectType({
  description:
    'Why recommendedSessions is empty (or has nothing at your free times), and the change that would help',
})
export class MatchingAdvice {
  @Field(() => [MatchingNeed], { description: 'As matchingNeeds' }) needs!: MatchingNeed[];
  @Field(() => Int, {
    nullable: true,
    description:
      'With RADIUS: a travel radius that would reach at least one session, in 500 m steps',
  })
  travelRadiusMetres!: number | null;
  @Field(() => [AccessibilityFeature], {
    description:
      'With ACCESS_NEEDS: the access needs the nearest session within reach does not meet',
  })
  unmetAccessNeeds!: AccessibilityFeature[];
}

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
