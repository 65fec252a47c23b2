import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Inject, Injectable } from '@nestjs/common';
import { KITH_CONFIG, readPageArgs, toPage } from '@kith/platform';
import type { KithConfig, Page, PageRequest } from '@kith/platform';

/** The most items one page of a person's history holds. */
export const MAX_PAGE = 50;

/** Reads `first`/`after` and builds a page, for every list that grows with a person's history. */
@Injectable()
export class Pager {
  constructor(@Inject(KITH_CONFIG) private readonly config: KithConfig) {}

  /** `scope` names the list and whose it is: a cursor from any other list is refused. */
  request(scope: string, first: number, after: string | null): PageRequest {
    return readPageArgs(this.config.auth.jwtSecret, scope, first, after, MAX_PAGE);
  }

  page<R, T>(
    scope: string,
    request: PageRequest,
    read: { rows: R[]; position: (row: R) => Record<string, string> },
    map: (row: R) => T,
  ): Page<T> {
    const page = toPage(this.config.auth.jwtSecret, scope, request, read.rows, read.position);
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: map(e.node) })) };
  }
}

/** `first` and `after` of a connection field: forward paging, 20 by default. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `At most ${MAX_PAGE}` }) first!: number;
  @Field(() => String, { nullable: true, description: 'The endCursor of the page before' })
  after!: string | null;
}
