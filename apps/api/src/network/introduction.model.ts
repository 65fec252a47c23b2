import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IntroductionStatus } from '@kith/network';

registerEnumType(IntroductionStatus, { name: 'IntroductionStatus' });

@ObjectType()
export class Introduction {
  @Field(() => ID) id!: string;
  @Field(() => IntroductionStatus) status!: IntroductionStatus;
}
