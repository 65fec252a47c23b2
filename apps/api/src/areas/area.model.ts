import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AreaRow } from '@kith/areas';

@ObjectType({ description: 'A borough, ward or other named area' })
export class Area {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'A stable code, e.g. the ONS code of a ward' })
  code!: string;

  @Field()
  name!: string;

  @Field({ description: 'borough, ward, …' })
  kind!: string;

  static from(row: AreaRow): Area {
    return Object.assign(new Area(), {
      id: row.id,
      code: row.code,
      name: row.name,
      kind: row.kind,
    });
  }
}
