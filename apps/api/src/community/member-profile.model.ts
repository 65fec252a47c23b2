import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AccessibilityFeature, Weekday } from './community.enums';
import { Area } from '../areas/area.model';
import { selfOnly } from '../auth/self-only';
import { Interest } from './interest.model';

@ObjectType({ description: 'A weekly window in Europe/London wall time' })
export class AvailabilityWindow {
  @Field(() => Weekday) weekday!: Weekday;
  @Field({ description: 'HH:MM' }) start!: string;
  @Field({ description: 'HH:MM' }) end!: string;
}

@ObjectType({
  description:
    'What a member has told Kith about themself. Their home is never shown, only whether it is set.',
})
export class MemberProfile {
  personId!: string;
  homeAreaId!: string | null;
  @Field(() => [Interest]) interests!: Interest[];
  @Field(() => Int, { middleware: [selfOnly] }) travelRadiusMetres!: number;
  @Field(() => Area, { nullable: true, description: 'The ward the home is in' }) area!: Area | null;
  @Field(() => [AccessibilityFeature], { middleware: [selfOnly] })
  accessibilityNeeds!: AccessibilityFeature[];
  @Field() peerIntroductions!: boolean;
  @Field({
    description:
      'Whether contacts you both confirmed may see that you are going to a session (off until you turn it on)',
    middleware: [selfOnly],
  })
  showMeGoing!: boolean;
  @Field(() => [String], { description: 'Goal slugs', middleware: [selfOnly] }) goals!: string[];
  @Field(() => [AvailabilityWindow]) availability!: AvailabilityWindow[];
  @Field({ middleware: [selfOnly] }) hasHome!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      'The postcode your home was placed at (yours alone to read); null when it was placed otherwise',
    middleware: [selfOnly],
  })
  postcode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Shared only with a helper on an accepted assignment',
    middleware: [selfOnly],
  })
  phone!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Shared only with a helper on an accepted assignment',
    middleware: [selfOnly],
  })
  address!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Given if you choose to (16-24 … 85+); never shown to anyone else',
    middleware: [selfOnly],
  })
  ageBand!: string | null;
}
