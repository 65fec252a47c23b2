import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class Interest {
  @Field(() => ID) id!: string;
  @Field({ description: 'Stable: safe to store and compare' }) slug!: string;
  @Field() label!: string;
  @Field({ description: 'The slug of its group, e.g. outdoors' }) group!: string;
  @Field() groupLabel!: string;
}

@ObjectType({ description: 'A goal a member can choose for themself' })
export class Goal {
  @Field() slug!: string;
  @Field() label!: string;
}
