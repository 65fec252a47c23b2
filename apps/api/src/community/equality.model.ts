import { Field, InputType, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class EqualityOption {
  @Field({ description: 'Stable: what is sent back and counted' }) slug!: string;
  @Field() label!: string;
}

@ObjectType({
  description:
    'An equality monitoring question (a protected characteristic of the Equality Act 2010), each optional',
})
export class EqualityQuestion {
  @Field({ description: 'The field of EqualityMonitoringInput that answers it' }) key!: string;
  @Field() characteristic!: string;
  @Field() question!: string;
  @Field(() => [EqualityOption], { description: '"prefer-not-to-say" among them' })
  options!: EqualityOption[];
}

const answer = { nullable: true, description: 'An option slug; null: not answered' };

@ObjectType({
  description:
    'Your equality monitoring answers: shown to nobody else, never used to match or nudge you, and counted in reports only among ten or more people',
})
export class EqualityMonitoring {
  @Field(() => String, answer) sex!: string | null;
  @Field(() => String, answer) genderIdentity!: string | null;
  @Field(() => String, answer) ethnicGroup!: string | null;
  @Field(() => String, answer) disability!: string | null;
  @Field(() => String, answer) religion!: string | null;
  @Field(() => String, answer) sexualOrientation!: string | null;
}

const change = {
  nullable: true,
  description: 'An option slug of its question; null takes the answer back; absent leaves it',
};

@InputType()
export class EqualityMonitoringInput {
  @Field(() => String, change) sex?: string | null;
  @Field(() => String, change) genderIdentity?: string | null;
  @Field(() => String, change) ethnicGroup?: string | null;
  @Field(() => String, change) disability?: string | null;
  @Field(() => String, change) religion?: string | null;
  @Field(() => String, change) sexualOrientation?: string | null;
}
