import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class SurveyOption {
  @Field(() => Int) value!: number;
  @Field() label!: string;
}

@ObjectType()
export class SurveyItem {
  @Field() id!: string;
  @Field({ description: "In the member's language where the instrument has it" }) text!: string;
  @Field(() => [SurveyOption]) options!: SurveyOption[];
}

@ObjectType()
export class SurveyInstrument {
  @Field(() => ID) id!: string;
  @Field(() => Int) version!: number;
  @Field() title!: string;
  @Field(() => [SurveyItem]) items!: SurveyItem[];
}

@ObjectType()
export class SurveyDue {
  @Field(() => SurveyInstrument) instrument!: SurveyInstrument;
  @Field({ description: 'BASELINE, REVIEW or EXIT' }) stage!: string;
  @Field() dueOn!: Date;
}

@InputType()
export class SurveyAnswerInput {
  @Field() itemId!: string;
  @Field(() => Int) value!: number;
}

@ObjectType()
export class SubscaleScore {
  @Field() id!: string;
  @Field(() => Float) score!: number;
}

@ObjectType()
export class SurveyResponse {
  @Field(() => ID) id!: string;
  @Field(() => ID) instrumentId!: string;
  @Field(() => Int) version!: number;
  @Field() stage!: string;
  @Field(() => Float) score!: number;
  @Field(() => [SubscaleScore]) subscales!: SubscaleScore[];
  @Field() at!: Date;
}
