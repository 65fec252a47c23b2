import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AccessibilityFeature, ActivityStatus } from './community.enums';
import { Interest } from './interest.model';

@ObjectType()
export class Activity {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [Interest]) interests!: Interest[];
  @Field() venueName!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The street address with its postcode; null where none was given',
  })
  venueAddress!: string | null;
  @Field(() => [AccessibilityFeature]) accessibility!: AccessibilityFeature[];
  @Field(() => ActivityStatus) status!: ActivityStatus;
  @Field(() => String, { nullable: true, description: 'The RRULE, in Europe/London wall time' })
  recurrence!: string | null;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) durationMinutes!: number;
}
