import { QueryClient } from '@tanstack/react-query';

import type { ApiError } from '../api/api-error';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
    queryMeta: { persist?: boolean };
  }
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** Worth trying again by itself: no answer, or the server's own trouble. Never bad input. */
function isPassing(error: ApiError): boolean {
  return error.code === 'NETWORK' || error.code === 'INTERNAL_SERVER_ERROR';
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Kept a week so what was persisted can still be read with no signal.
        gcTime: WEEK_MS,
        staleTime: 30_000,
        retry: (failures, error) => isPassing(error) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

export const PERSIST_MAX_AGE_MS = WEEK_MS;
