import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AccessibilityFeature, ActivityStatus, BookingStatus, Weekday } from '@kith/community';
import { Area } from '../areas/area.model';
import { selfOnly } from '../auth/self-only';

registerEnumType(Weekday, { name: 'Weekday' });
registerEnumType(BookingStatus, { name: 'BookingStatus' });
registerEnumType(AccessibilityFeature, { name: 'AccessibilityFeature' });
registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  description: 'APPROVED, or a member-led PROPOSED one awaiting a coordinator, or DECLINED',
});

@ObjectType()
export class Interest {
  @Field(() => ID) id!: string;
  @Field({ description: 'Stable: safe to store and compare' }) slug!: string;
  @Field() label!: string;
  @Field({ description: 'The slug of its group, e.g. outdoors' }) group!: string;
  @Field() groupLabel!: string;
}

@ObjectType({ description: 'A goal a member can choose for themself' })
export class Goal {
  @Field() slug!: string;
  @Field() label!: string;
}

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
  @Field(() => [String], { description: 'Goal slugs', middleware: [selfOnly] }) goals!: string[];
  @Field(() => [AvailabilityWindow]) availability!: AvailabilityWindow[];
  @Field({ middleware: [selfOnly] }) hasHome!: boolean;
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
}

@ObjectType()
export class Activity {
  @Field(() => ID) id!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [Interest]) interests!: Interest[];
  @Field() venueName!: string;
  @Field(() => [AccessibilityFeature]) accessibility!: AccessibilityFeature[];
  @Field(() => ActivityStatus) status!: ActivityStatus;
  @Field(() => String, { nullable: true, description: 'The RRULE, in Europe/London wall time' })
  recurrence!: string | null;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) durationMinutes!: number;
}

@ObjectType()
export class Session {
  activityId!: string;
  @Field(() => ID) id!: string;
  @Field(() => Activity) activity!: Activity;
  @Field() startsAt!: Date;
  @Field() endsAt!: Date;
  @Field(() => Int) capacity!: number;
  @Field(() => Int) placesLeft!: number;
  @Field(() => Int) waitlistLength!: number;
  @Field() cancelled!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'How far from your home: "under 500 m" … "over 5 km"; null without a home',
  })
  distanceBand!: string | null;
}

@ObjectType()
export class SessionEdge {
  @Field() cursor!: string;
  @Field(() => Session) node!: Session;
}

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field({ description: 'True when the page was asked for after a cursor' })
  hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ObjectType()
export class SessionConnection {
  @Field(() => [SessionEdge]) edges!: SessionEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class Booking {
  sessionId!: string;
  @Field(() => ID) id!: string;
  @Field(() => Session) session!: Session;
  @Field(() => BookingStatus) status!: BookingStatus;
  @Field(() => Int, {
    nullable: true,
    description: 'Place in the queue while WAITLISTED: 1 is next',
  })
  waitlistPosition!: number | null;
}

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
  @Field(() => LatLngInput, { nullable: true, description: 'Never shown to anyone' })
  home?: LatLngInput | null;
  @Field(() => Int, { nullable: true }) travelRadiusMetres?: number | null;
  @Field(() => [AvailabilityWindowInput], { nullable: true }) availability?:
    AvailabilityWindowInput[] | null;
  @Field(() => [AccessibilityFeature], { nullable: true }) accessibilityNeeds?:
    AccessibilityFeature[] | null;
  @Field(() => [String], { nullable: true, description: 'Goal slugs, see the goals query' })
  goals?: string[] | null;
  @Field(() => Boolean, { nullable: true }) peerIntroductions?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Null or blank clears it' })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: 'Null or blank clears it' })
  address?: string | null;
}

@InputType()
export class CreateActivityInput {
  @Field() title!: string;
  @Field() description!: string;
  @Field(() => [ID]) interestIds!: string[];
  @Field() venueName!: string;
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
