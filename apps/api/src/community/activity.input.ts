import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AccessibilityFeature } from './community.enums';
import { LatLngInput } from './member-profile.input';

@InputType()
export class CreateActivityInput {
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [ID]) interestIds!: string[];
  @Field() venueName!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The street address with its postcode, as people would find it',
  })
  venueAddress?: string | null;
  @Field(() => LatLngInput) venueLocation!: LatLngInput;
  @Field(() => [AccessibilityFeature], { nullable: true }) venueAccessibility?:
    AccessibilityFeature[] | null;
  @Field(() => Int) capacity!: number;
  @Field() firstStartsAt!: Date;
  @Field(() => Int) durationMinutes!: number;
  @Field(() => String, {
    nullable: true,
    description: 'An RFC 5545 RRULE, e.g. "FREQ=WEEKLY;BYDAY=TU"; absent = one session',
  })
  recurrence?: string | null;
}
