import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { AvailabilityWindowInput, LatLngInput } from '../community/member-profile.input';

@InputType()
export class HelperProfileInput {
  @Field(() => [ID]) skillIds!: string[];
  @Field(() => LatLngInput, {
    nullable: true,
    description:
      'Where you set out from, as coordinates (operators and tests); or give basePostcode',
  })
  base?: LatLngInput | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The postcode you set out from (never shown to anyone); one of base and basePostcode is needed',
  })
  basePostcode?: string | null;
  @Field(() => Int) travelRadiusMetres!: number;
  @Field(() => [AvailabilityWindowInput]) availability!: AvailabilityWindowInput[];
  @Field(() => Int, { nullable: true }) maxMinutesPerWeek?: number | null;
}

@InputType()
export class HelpRequestInput {
  @Field(() => ID) skillId!: string;
  @Field() description!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field() atHome!: boolean;
  @Field(() => [AvailabilityWindowInput], { nullable: true }) preferredWindows?:
    AvailabilityWindowInput[] | null;
  @Field(() => ID, {
    nullable: true,
    description: 'Come with me to this session: first-visit support',
  })
  sessionId?: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Where to meet when the help is not at home (up to 200 characters)',
  })
  meetingPlace?: string | null;
}
