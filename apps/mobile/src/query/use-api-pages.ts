import { useInfiniteQuery } from '@tanstack/react-query';

import type { ApiError } from '../api/api-error';
import { useApiClient } from '../api/api-client-context';
import type { TypedDocumentString } from '../gql/graphql';
import { documentName } from './use-api-query';

interface PageInfoLike {
  hasNextPage: boolean;
  endCursor?: string | null;
}

/**
 * A Relay connection read a page at a time ("Show more"). `pageInfoOf` finds the connection's
 * pageInfo in an answer; the query key is the operation's name and its other variables.
 */
export function useApiPages<R, V extends { after?: string | null }>(
  document: TypedDocumentString<R, V>,
  variables: Omit<V, 'after'>,
  pageInfoOf: (page: R) => PageInfoLike,
  options: { persist?: boolean } = {},
) {
  const client = useApiClient();
  return useInfiniteQuery<R, ApiError, { pages: R[] }, readonly unknown[], string | null>({
    queryKey: [documentName(document), variables, 'pages'],
    queryFn: ({ pageParam }) =>
      client.request<R, V>(document, ...([{ ...variables, after: pageParam } as V] as [V])),
    initialPageParam: null,
    getNextPageParam: (last) => {
      const info = pageInfoOf(last);
      return info.hasNextPage && info.endCursor ? info.endCursor : undefined;
    },
    meta: options.persist ? { persist: true } : undefined,
  });
}
