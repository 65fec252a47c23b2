import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AssignmentStatus, HelperStatus, HelpRequestStatus } from '@kith/help';
import type { LedgerEntryKind } from '@kith/help';
import { selfOnly } from '../auth/self-only';
import { connectionOf } from '../graphql/connection';
import { AvailabilityWindow } from '../community/member-profile.model';

registerEnumType(HelperStatus, { name: 'HelperStatus' });
registerEnumType(HelpRequestStatus, { name: 'HelpRequestStatus' });
registerEnumType(AssignmentStatus, { name: 'AssignmentStatus' });

@ObjectType()
export class Skill {
  @Field(() => ID) id!: string;
  @Field() slug!: string;
  @Field() label!: string;
}

@ObjectType()
export class HelperProfile {
  @Field(() => [Skill]) skills!: Skill[];
  @Field(() => Int) travelRadiusMetres!: number;
  @Field() approved!: boolean;
  @Field(() => HelperStatus) status!: HelperStatus;
  @Field(() => Date, {
    nullable: true,
    description: 'Midnight in London at the start of the day the DBS check expires',
    middleware: [selfOnly],
  })
  dbsExpiresOn!: Date | null;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day the DBS check expires, as on the certificate',
    middleware: [selfOnly],
  })
  dbsExpiresOnDate!: string | null;
  @Field(() => LocalDateResolver, {
    nullable: true,
    description: 'The day of the DBS check',
    middleware: [selfOnly],
  })
  dbsCheckedOnDate!: string | null;
  @Field(() => Int, { nullable: true, middleware: [selfOnly] }) maxMinutesPerWeek!: number | null;
  @Field(() => [AvailabilityWindow], {
    description: 'When you said you can help (Europe/London)',
    middleware: [selfOnly],
  })
  availability!: AvailabilityWindow[];
  @Field(() => String, {
    nullable: true,
    description: 'The postcode you set out from, when you gave one (yours alone to read)',
    middleware: [selfOnly],
  })
  basePostcode!: string | null;
}

@ObjectType({
  description: 'Who is coming to help: a first name, and when they said they will come',
})
export class RequestHelper {
  @Field() firstName!: string;
  @Field(() => AssignmentStatus, {
    description: 'OFFERED (not yet said yes), ACCEPTED or COMPLETED',
  })
  status!: AssignmentStatus;
  @Field(() => Date, { nullable: true, description: 'When the helper said they will come' })
  scheduledAt!: Date | null;
}

@ObjectType()
export class HelpRequest {
  @Field(() => ID) id!: string;
  @Field(() => HelpRequestStatus) status!: HelpRequestStatus;
  @Field(() => Skill) skill!: Skill;
  @Field() description!: string;
  @Field(() => Int) durationMinutes!: number;
  @Field() atHome!: boolean;
  @Field(() => String, {
    nullable: true,
    description: 'Where to meet when the help is not at home; null at home',
  })
  meetingPlace!: string | null;
  @Field() createdAt!: Date;
  @Field(() => RequestHelper, {
    nullable: true,
    description: 'Who is helping (offered, accepted or done); null while nobody is',
  })
  helper!: RequestHelper | null;
}

@ObjectType({
  description:
    'What a helper knows of the member: a first name and a distance band; contact details only once accepted',
})
export class AssignmentMember {
  @Field() firstName!: string;
  @Field(() => String, { nullable: true }) distanceBand!: string | null;
  @Field(() => String, { nullable: true, description: 'Only while the assignment is ACCEPTED' })
  phone!: string | null;
  @Field(() => String, { nullable: true, description: 'Only while the assignment is ACCEPTED' })
  address!: string | null;
}

@ObjectType()
export class HelpAssignment {
  @Field(() => ID) id!: string;
  @Field(() => HelpRequest) request!: HelpRequest;
  @Field(() => AssignmentStatus) status!: AssignmentStatus;
  @Field(() => Int, { nullable: true }) minutes!: number | null;
  @Field(() => Date, { nullable: true, description: 'When the helper said they will come' })
  scheduledAt!: Date | null;
  @Field(() => Int, { nullable: true }) rating!: number | null;
  @Field(() => AssignmentMember, {
    nullable: true,
    description: 'Shown to the helper of the assignment only',
  })
  member!: AssignmentMember | null;
}

export enum TimeCreditEntryKind {
  HELP_GIVEN = 'HELP_GIVEN',
  HELP_RECEIVED = 'HELP_RECEIVED',
  GRANT = 'GRANT',
  OTHER = 'OTHER',
}
registerEnumType(TimeCreditEntryKind, {
  name: 'TimeCreditEntryKind',
  description:
    'What an entry was for you: help you gave, help you received, minutes granted to you',
});
// Every kind the ledger gives has its GraphQL value.
const kindsAgree: Record<LedgerEntryKind, TimeCreditEntryKind> = TimeCreditEntryKind;
void kindsAgree;

@ObjectType()
export class TimeCreditEntry {
  @Field() at!: Date;
  @Field(() => TimeCreditEntryKind) kind!: TimeCreditEntryKind;
  @Field(() => Int, { description: 'Positive when received, negative when spent' })
  minutes!: number;
  @Field() reason!: string;
}

@ObjectType()
export class TimeCreditAccount {
  personId!: string;
  @Field(() => Int) balanceMinutes!: number;
}

export const HelpRequestConnection = connectionOf(HelpRequest, 'HelpRequest');
export const TimeCreditEntryConnection = connectionOf(TimeCreditEntry, 'TimeCreditEntry');
