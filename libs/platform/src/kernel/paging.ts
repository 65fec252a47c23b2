import { decodeCursor, encodeCursor } from './cursor';
import { Problems } from './problems';

export interface Edge<T> {
  cursor: string;
  node: T;
}

/** A Relay connection's page: forward paging by keyset, newest or soonest first. */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: {
    hasNextPage: boolean;
    /** Forward paging only: a page asked for after a cursor has one before it. */
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/** A list's name and whose it is: a cursor one list gave out is refused by every other. */
export type PageScope = string;

export interface PageRequest {
  first: number;
  /** The keyset position after which the page starts, or null for the first page. */
  after: Record<string, string> | null;
}

/**
 * Reads `first` and `after` for one list, each problem named: `first` from 1 to `max`, and a
 * cursor only if this list (`scope`) gave it out.
 */
export function readPageArgs(
  secret: string,
  scope: PageScope,
  first: number,
  after: string | null | undefined,
  max: number,
  problems: Problems = new Problems(),
): PageRequest {
  problems.check(
    Number.isInteger(first) && first >= 1 && first <= max,
    'first',
    `give a whole number from 1 to ${max}`,
  );
  let position: Record<string, string> | null = null;
  if (after !== null && after !== undefined) {
    const decoded = after.length <= 1000 ? decodeCursor(secret, after) : undefined;
    if (decoded && decoded.$ === scope) {
      position = Object.fromEntries(Object.entries(decoded).filter(([key]) => key !== '$'));
    } else problems.add('after', 'this cursor is not one we gave out');
  }
  problems.throwIfAny('The list could not be read');
  return { first, after: position };
}

/**
 * The page of `rows` (read with a limit of first + 1, so one more tells there is a next page),
 * each with a cursor holding its keyset position within `scope`.
 */
export function toPage<T>(
  secret: string,
  scope: PageScope,
  request: PageRequest,
  rows: readonly T[],
  position: (row: T) => Record<string, string>,
): Page<T> {
  const edges = rows.slice(0, request.first).map((node) => ({
    cursor: encodeCursor(secret, { ...position(node), $: scope }),
    node,
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > request.first,
      hasPreviousPage: request.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
