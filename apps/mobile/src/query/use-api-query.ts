import {
  useMutation,
  useQuery,
  type UseMutationOptions,
  type UseQueryOptions,
} from '@tanstack/react-query';

import type { ApiError } from '../api/api-error';
import { useApiClient } from '../api/api-client-context';
import type { TypedDocumentString } from '../gql/graphql';

export function documentName(document: { toString(): string }): string {
  return /(?:query|mutation)\s+(\w+)/.exec(document.toString())?.[1] ?? document.toString();
}

/** The query key of an operation: its name, then its variables. */
export function apiQueryKey<V>(document: TypedDocumentString<unknown, V>, variables?: V) {
  return [documentName(document), variables ?? {}] as const;
}

export function useApiQuery<R, V>(
  document: TypedDocumentString<R, V>,
  variables: V,
  options: Omit<UseQueryOptions<R, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  const client = useApiClient();
  return useQuery<R, ApiError>({
    queryKey: apiQueryKey(document, variables),
    queryFn: () => client.request<R, V>(document, ...([variables] as [V])),
    ...options,
  });
}

export function useApiMutation<R, V>(
  document: TypedDocumentString<R, V>,
  options: Omit<UseMutationOptions<R, ApiError, V>, 'mutationFn'> = {},
) {
  const client = useApiClient();
  return useMutation<R, ApiError, V>({
    mutationFn: (variables: V) => client.request<R, V>(document, ...([variables] as [V])),
    ...options,
  });
}
