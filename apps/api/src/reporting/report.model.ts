import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Area } from '../areas/area.model';
import { Interest } from '../community/interest.model';

@ObjectType({ description: 'A count of people, or hidden: small numbers are never published' })
export class Count {
  @Field(() => Int, { nullable: true, description: 'Null when suppressed' })
  value!: number | null;
  @Field() suppressed!: boolean;
}

@ObjectType({ description: 'One instrument or network measure: change among completers' })
export class OutcomeRow {
  @Field({
    description: 'An instrument id (ucla-3, …) or a network measure (network-active-ties, …)',
  })
  measure!: string;
  @Field(() => Count, { description: 'Members in scope with a baseline by the end of the period' })
  baselines!: Count;
  @Field(() => Count, { description: 'With a baseline and a review at least three months later' })
  completers!: Count;
  @Field(() => Float, { nullable: true }) completionRate!: number | null;
  @Field(() => Float, { nullable: true }) meanChange!: number | null;
  @Field(() => Float, { nullable: true, description: '95% confidence interval' })
  ciLow!: number | null;
  @Field(() => Float, { nullable: true }) ciHigh!: number | null;
  @Field(() => Float, { nullable: true, description: "Cohen's d_z" }) effectSize!: number | null;
  @Field(() => Count, { description: 'Reliably better (Jacobson and Truax)' }) improved!: Count;
  @Field(() => Count) unchanged!: Count;
  @Field(() => Count, { description: 'Reliably worse' }) worse!: Count;
}

@ObjectType({ description: 'One month: members snapshotted, and how many were isolated' })
export class IsolationPoint {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field(() => Count) members!: Count;
  @Field(() => Count) isolated!: Count;
  @Field(() => Float, { nullable: true }) isolatedShare!: number | null;
}

@ObjectType()
export class OutcomesReport {
  @Field(() => Area) area!: Area;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => Int, { description: 'Counts under this are suppressed' }) threshold!: number;
  @Field(() => [OutcomeRow]) rows!: OutcomeRow[];
  @Field(() => [IsolationPoint]) isolation!: IsolationPoint[];
}

export enum ReportGrouping {
  MONTH = 'MONTH',
  WARD = 'WARD',
  INTEREST_GROUP = 'INTEREST_GROUP',
}
registerEnumType(ReportGrouping, {
  name: 'ReportGrouping',
  description: 'What a participation report is broken down by (at most two at once)',
  valuesMap: {
    MONTH: { description: 'London calendar month' },
    WARD: { description: 'The ward members live in (sessions: where they are held)' },
    INTEREST_GROUP: { description: "The interest of the session's activity" },
  },
});

@ObjectType({
  description:
    'One month, ward or interest (or a pair of them) of a participation report; counts of people are suppressed when small',
})
export class ParticipationRow {
  @Field(() => String, { nullable: true, description: 'YYYY-MM (London)' }) month!: string | null;
  @Field(() => Area, { nullable: true }) ward!: Area | null;
  @Field({
    description: 'The row of members living in the area but in none of its wards (ward null)',
  })
  outsideWards!: boolean;
  @Field(() => Interest, { nullable: true }) interest!: Interest | null;
  @Field(() => Count, { description: 'Sessions with attendance recorded, at venues in the area' })
  sessionsHeld!: Count;
  @Field(() => Count) attendances!: Count;
  @Field(() => Count, { description: 'Distinct people who came' }) participants!: Count;
  @Field(() => Count, { description: 'Joined in the period' }) newMembers!: Count;
  @Field(() => Count, { description: 'Came for the first time in the period' })
  firstTimers!: Count;
  @Field(() => Count, { description: 'First-timers who came again within 30 days' })
  returnedWithin30Days!: Count;
  @Field(() => Count, { description: 'New members whose third month of membership is over' })
  reached3Months!: Count;
  @Field(() => Count, { description: 'Of those, who came in their third month' })
  activeAt3Months!: Count;
  @Field(() => Count) reached6Months!: Count;
  @Field(() => Count, { description: 'Came in their sixth month' }) activeAt6Months!: Count;
  @Field(() => Count, {
    description: 'Help requests completed (value null, not suppressed: not by interest)',
  })
  helpFulfilled!: Count;
  @Field(() => Count, { description: 'Minutes of help given; hidden when few helpers gave them' })
  helperMinutes!: Count;
  @Field(() => Float, { nullable: true, description: 'Median days from joining to first time' })
  medianDaysToFirstActivity!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from asking for help to a helper being assigned',
  })
  medianHoursToHelper!: number | null;
}

@ObjectType({ description: 'Participants of the period in one category (an age band, a decile)' })
export class CategoryCount {
  @Field({
    description: 'Stable: an age band, a decile, an answer\'s slug, "not given", "not known"',
  })
  category!: string;
  @Field({ description: 'The category as a person reads it' }) label!: string;
  @Field(() => Count) people!: Count;
}

@ObjectType({
  description:
    'Participants by one protected characteristic, as members chose to give it (equality monitoring)',
})
export class EqualityReach {
  @Field({
    description:
      'The question: sex, genderIdentity, ethnicGroup, disability, religion, sexualOrientation',
  })
  key!: string;
  @Field() characteristic!: string;
  @Field(() => [CategoryCount], {
    description: 'Each answer, "prefer-not-to-say", and "not given"',
  })
  categories!: CategoryCount[];
}

@ObjectType()
export class DeprivationReach {
  @Field({ description: 'The release of the Indices of Deprivation, e.g. IoD2025' })
  version!: string;
  @Field(() => [CategoryCount], { description: '1 (most deprived tenth) to 10, and "not known"' })
  deciles!: CategoryCount[];
}

@ObjectType({ description: 'A stretch of whole London months' })
export class ReportSpan {
  @Field() from!: Date;
  @Field() to!: Date;
}

@ObjectType()
export class ParticipationReport {
  @Field(() => Area) area!: Area;
  @Field() from!: Date;
  @Field() to!: Date;
  @Field(() => Int, { description: 'Counts under this are suppressed' }) threshold!: number;
  @Field(() => [ReportGrouping]) groupBy!: ReportGrouping[];
  @Field(() => [ParticipationRow]) rows!: ParticipationRow[];
  @Field(() => ParticipationRow, { description: 'The whole period, each person counted once' })
  totals!: ParticipationRow;
  @Field(() => ReportSpan, {
    nullable: true,
    description:
      "The quarter the age bands, deciles and equality answers are for: the last whole calendar quarter of the period, the same in every report that shows it (two overlapping periods set against each other could tell one person's answers). Null when the period holds no whole quarter: then those are empty",
  })
  whoTakesPart!: ReportSpan | null;
  @Field(() => [CategoryCount], {
    description: "The quarter's participants by the age band they chose to give",
  })
  ageBands!: CategoryCount[];
  @Field(() => DeprivationReach, {
    nullable: true,
    description:
      "The quarter's participants by decile; null until a release of the Indices of Deprivation is imported",
  })
  deprivation!: DeprivationReach | null;
  @Field(() => [EqualityReach], {
    description: 'Participants by each equality monitoring question',
  })
  equality!: EqualityReach[];
}
