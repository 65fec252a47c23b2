import { Field, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { Page } from '@kith/platform';
import { PageInfo } from './page-info.model';

/** A Relay connection type of `node` (`<Name>Connection`, `<Name>Edge`): one shape for every list. */
export function connectionOf<T>(node: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items, and how to ask for the next`,
  })
  class Connection {
    @Field(() => [Edge]) edges!: Edge[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }

  return Connection;
}
