import { Field, InputType, Int } from '@nestjs/graphql';
import { NudgeChannel } from '@kith/nudges';

@InputType({ description: 'Only the fields given change; times are HH:MM, Europe/London' })
export class NudgePreferencesInput {
  @Field(() => [NudgeChannel], { nullable: true }) channels?: NudgeChannel[] | null;
  @Field(() => String, { nullable: true }) quietHoursStart?: string | null;
  @Field(() => String, { nullable: true }) quietHoursEnd?: string | null;
  @Field(() => Int, { nullable: true, description: '0 to 50' }) weeklyLimit?: number | null;
  @Field(() => Date, { nullable: true, description: 'Within a year; null ends the pause' })
  pausedUntil?: Date | null;
  @Field(() => String, { nullable: true, description: 'en or es' }) language?: string | null;
  @Field(() => String, { nullable: true, description: 'null stops the digest' })
  digestAt?: string | null;
}
