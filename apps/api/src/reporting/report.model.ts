import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { Area } from '../areas/area.model';

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
