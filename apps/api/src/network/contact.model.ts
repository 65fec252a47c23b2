import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TieSource } from '@kith/network';
import { MatchReason, PublicPerson } from '../matching/matching.model';
import { atRiskPersonCost, riskReasonsCost } from './at-risk-cost';

registerEnumType(TieSource, { name: 'TieSource' });

@ObjectType({
  description:
    'Someone you are connected to, and how: only you see this. Listed once both of you said so, or once you named them yourself; being at the same session or helped by them is not enough',
})
export class Contact {
  @Field(() => PublicPerson) person!: PublicPerson;
  @Field(() => [TieSource]) sources!: TieSource[];
  @Field(() => Int, { nullable: true, description: 'The circle you put them in: 1 closest to 3' })
  circle!: number | null;
  @Field(() => Date, { nullable: true }) lastContactAt!: Date | null;
  @Field({
    description:
      'Both of you said so (an accepted introduction, or each named the other after a session): only then may either see the other going to a session. False for someone only you named',
  })
  confirmed!: boolean;
}

@ObjectType()
export class NetworkGain {
  @Field({ description: 'Stable: what kind of gain this is' }) code!: string;
  @Field({ description: 'In plain words, for the member' }) text!: string;
}

@ObjectType()
export class NetworkPoint {
  @Field() on!: Date;
  @Field(() => Int) activeTies!: number;
  @Field(() => Int) newTies30Days!: number;
  @Field(() => Float) diversity!: number;
  @Field(() => Float) bridgingShare!: number;
  @Field(() => Int) sessionsAttended30Days!: number;
}

@ObjectType()
export class MyNetwork {
  @Field(() => [Contact]) contacts!: Contact[];
  @Field(() => [NetworkGain]) gains!: NetworkGain[];
  @Field(() => [NetworkPoint]) history!: NetworkPoint[];
}

@ObjectType({ description: 'A member a coordinator may want to call, and why' })
export class MemberAtRisk {
  @Field(() => PublicPerson, { complexity: atRiskPersonCost }) person!: PublicPerson;
  @Field(() => [MatchReason], { description: 'At most three', complexity: riskReasonsCost })
  reasons!: MatchReason[];
  @Field(() => Date, { nullable: true }) lastAttendedAt!: Date | null;
}
