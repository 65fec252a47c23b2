import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IntroductionStatus } from '@kith/network';
import { PublicPerson } from '../matching/matching.model';
import { connectionOf } from '../graphql/connection';

registerEnumType(IntroductionStatus, { name: 'IntroductionStatus' });

@ObjectType({
  description: 'One person asking to be introduced to another; both see it, with first names only',
})
export class Introduction {
  @Field(() => ID) id!: string;
  @Field(() => IntroductionStatus) status!: IntroductionStatus;
  @Field(() => String, { nullable: true, description: 'What the one who asked wrote' })
  message!: string | null;
  @Field(() => PublicPerson, { description: 'Who asked' }) from!: PublicPerson;
  @Field(() => PublicPerson, { description: 'Who was asked' }) to!: PublicPerson;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it was answered or withdrawn' })
  respondedAt!: Date | null;
}

export const IntroductionConnection = connectionOf(Introduction, 'Introduction');
