import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';

import { useApiClient } from '../../api/api-client-context';
import { MarkNudgeReadDocument, MyInboxDocument, type MyInboxQuery } from '../../gql/graphql';
import { useApiMutation } from '../../query/use-api-query';

export const INBOX_KEY = ['MyInbox'] as const;
const PAGE_SIZE = 20;

/** The member's inbox, a page at a time; the tab bar's badge reads the same query. */
export function useInbox() {
  const client = useApiClient();
  return useInfiniteQuery({
    queryKey: INBOX_KEY,
    queryFn: ({ pageParam }) =>
      client.request(MyInboxDocument, { first: PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.myInbox.pageInfo.hasNextPage ? last.myInbox.pageInfo.endCursor : undefined,
    meta: { persist: true },
  });
}

export function unreadCountOf(data: InfiniteData<MyInboxQuery> | undefined): number {
  return data?.pages[0]?.myInbox.unreadCount ?? 0;
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useApiMutation(MarkNudgeReadDocument, {
    onSuccess: ({ markNudgeRead }) => {
      // Shown read at once; the count is then asked of the API again.
      queryClient.setQueryData<InfiniteData<MyInboxQuery>>(INBOX_KEY, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((page, index) => ({
                myInbox: {
                  ...page.myInbox,
                  unreadCount:
                    index === 0
                      ? Math.max(0, page.myInbox.unreadCount - 1)
                      : page.myInbox.unreadCount,
                  edges: page.myInbox.edges.map((edge) =>
                    edge.node.id === markNudgeRead.id
                      ? { ...edge, node: { ...edge.node, readAt: markNudgeRead.readAt } }
                      : edge,
                  ),
                },
              })),
            }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
    },
  });
}
