import { Field, Float, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Interest } from '../community/interest.model';
import { Session } from '../community/session.model';

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
