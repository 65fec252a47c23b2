import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { AccessibilityFeature, Weekday } from './community.enums';

@InputType()
export class LatLngInput {
  @Field(() => Float) lat!: number;
  @Field(() => Float) lng!: number;
}

@InputType()
export class AvailabilityWindowInput {
  @Field(() => Weekday) weekday!: Weekday;
  @Field({ description: 'HH:MM, Europe/London' }) start!: string;
  @Field({ description: 'HH:MM, Europe/London' }) end!: string;
}

@InputType({ description: 'Only the fields given change' })
export class MemberProfileInput {
  @Field(() => String, { nullable: true }) displayName?: string | null;
  @Field(() => [ID], { nullable: true }) interestIds?: string[] | null;
  @Field(() => [ID], {
    nullable: true,
    description:
      'Which of your interests people you might meet may see (and be suggested to you by); only interests you chose. Absent: those you keep stay as they were, and new ones are not shown',
  })
  shownInterestIds?: string[] | null;
  @Field(() => LatLngInput, {
    nullable: true,
    description:
      'Never shown to anyone. Members give a postcode instead; this is for operators and tests',
  })
  home?: LatLngInput | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Places your home at this UK postcode (never shown to anyone). An unknown postcode, or one where Kith does not run yet, is refused and nothing is saved',
  })
  postcode?: string | null;
  @Field(() => Int, { nullable: true }) travelRadiusMetres?: number | null;
  @Field(() => [AvailabilityWindowInput], { nullable: true }) availability?:
    AvailabilityWindowInput[] | null;
  @Field(() => [AccessibilityFeature], { nullable: true }) accessibilityNeeds?:
    AccessibilityFeature[] | null;
  @Field(() => [String], { nullable: true, description: 'Goal slugs, see the goals query' })
  goals?: string[] | null;
  @Field(() => Boolean, { nullable: true }) peerIntroductions?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      'Let contacts you both confirmed (an accepted introduction, or each named the other after a session) see that you are going to a session, and let a newcomer there hear, without your name, that someone going shares their interest. Off until you turn it on',
  })
  showMeGoing?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Null or blank clears it' })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Null or blank clears it' })
  address?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Only if you choose to say: 16-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75-84 or 85+; null clears it',
  })
  ageBand?: string | null;
}
