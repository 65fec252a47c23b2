import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DevicePlatform, NudgeChannel, NudgeKind } from '@kith/nudges';
import { PageInfo } from '../graphql/page-info.model';

registerEnumType(NudgeKind, { name: 'NudgeKind' });
registerEnumType(NudgeChannel, { name: 'NudgeChannel' });
registerEnumType(DevicePlatform, { name: 'DevicePlatform' });

@ObjectType({ description: 'The screen a nudge opens in the app, and what on it' })
export class NudgeLink {
  @Field({ description: 'e.g. SESSION, SESSION_FOLLOW_UP, INTRODUCTION, ASSIGNMENT' })
  screen!: string;
  @Field(() => ID, { nullable: true }) id!: string | null;
}

@ObjectType()
export class Nudge {
  @Field(() => ID) id!: string;
  @Field(() => NudgeKind) kind!: NudgeKind;
  @Field() title!: string;
  @Field() body!: string;
  @Field({ description: 'When it arrived in the inbox' }) createdAt!: Date;
  @Field(() => Date, { nullable: true }) readAt!: Date | null;
  @Field(() => NudgeLink, { nullable: true }) link!: NudgeLink | null;
}

@ObjectType()
export class NudgeEdge {
  @Field() cursor!: string;
  @Field(() => Nudge) node!: Nudge;
}

@ObjectType()
export class NudgeConnection {
  @Field(() => [NudgeEdge]) edges!: NudgeEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
  @Field(() => Int) unreadCount!: number;
}

@ObjectType({ description: 'Times are HH:MM, Europe/London' })
export class NudgePreferences {
  @Field(() => [NudgeChannel], { description: 'INBOX is always one of them' })
  channels!: NudgeChannel[];
  @Field() quietHoursStart!: string;
  @Field() quietHoursEnd!: string;
  @Field(() => Int, { description: 'The most suggestions a week; reminders are not counted' })
  weeklyLimit!: number;
  @Field(() => Date, { nullable: true }) pausedUntil!: Date | null;
  @Field() language!: string;
  @Field(() => String, { nullable: true, description: 'A daily digest at this time, or none' })
  digestAt!: string | null;
}

@ObjectType({ description: 'What happened to one nudge by one channel' })
export class NudgeDelivery {
  @Field(() => Nudge) nudge!: Nudge;
  @Field(() => NudgeChannel) channel!: NudgeChannel;
  @Field({ description: 'QUEUED, SENT, FAILED or SUPPRESSED' }) status!: string;
  @Field(() => String, { nullable: true, description: 'Why it failed or was not sent' })
  reason!: string | null;
  @Field({ description: 'When it reached this status' }) at!: Date;
}

@ObjectType({ description: 'Under one wording variant: bookings nudged, and how many came' })
export class NudgeVariantOutcome {
  @Field() variant!: string;
  @Field(() => Int, { description: 'Bookings nudged whose attendance was recorded' })
  reminded!: number;
  @Field(() => Int) attended!: number;
  @Field(() => Float) attendedShare!: number;
  @Field(() => Float, {
    nullable: true,
    description: "95 % interval (Newcombe) for this share minus variant A's",
  })
  differenceCiLow!: number | null;
  @Field(() => Float, { nullable: true }) differenceCiHigh!: number | null;
}
