import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Role } from '@kith/identity';
import { Area } from '../areas/area.model';
import { selfOnly } from '../auth/self-only';

registerEnumType(Role, { name: 'Role' });

@ObjectType({
  description: 'A role a person holds: everywhere, or in an area and the areas inside it',
})
export class RoleGrant {
  @Field(() => Role)
  role!: Role;

  @Field(() => Area, { nullable: true })
  area!: Area | null;
}

@ObjectType()
export class Person {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Shown only to the person themself',
    middleware: [selfOnly],
  })
  email!: string | null;
}

@ObjectType()
export class AuthPayload {
  @Field({ description: 'A bearer token for the Authorization header; lives 15 minutes' })
  accessToken!: string;

  @Field({ description: 'Exchange with refreshSession for a new pair; each works once' })
  refreshToken!: string;

  @Field(() => Person)
  person!: Person;
}
