import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AccessibilityFeature } from './community.enums';
import { LatLngInput } from './member-profile.input';

@InputType()
export class SessionFilter {
  @Field(() => LatLngInput, {
    nullable: true,
    description: 'Defaults to your home when withinMetres is given',
  })
  near?: LatLngInput | null;
  @Field(() => Int, {
    nullable: true,
    description: 'At most 50,000; defaults to your travel radius',
  })
  withinMetres?: number | null;
  @Field(() => [ID], { nullable: true }) interestIds?: string[] | null;
  @Field(() => Date, { nullable: true }) from?: Date | null;
  @Field(() => Date, { nullable: true }) to?: Date | null;
  @Field(() => [AccessibilityFeature], { nullable: true }) accessibility?:
    AccessibilityFeature[] | null;
  @Field(() => Boolean, { nullable: true }) hasPlaces?: boolean | null;
}
