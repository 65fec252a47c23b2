import { connectionOf } from '../graphql/connection';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { BookingStatus } from './community.enums';
import { Activity } from './activity.model';
import { PageInfo } from '../graphql/page-info.model';

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

export const BookingConnection = connectionOf(Booking, 'Booking');
