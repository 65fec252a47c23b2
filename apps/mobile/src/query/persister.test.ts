import { dehydrate, QueryClient } from '@tanstack/react-query';

import { ApiError } from '../api/api-error';
import { shouldPersist } from './persister';

function client() {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity } } });
}

describe('what is kept on the phone', () => {
  it('keeps only queries marked to persist, once they have data', async () => {
    const queryClient = client();
    await queryClient.prefetchQuery({
      queryKey: ['MyBookings'],
      queryFn: () => ['a booking'],
      meta: { persist: true },
    });
    await queryClient.prefetchQuery({ queryKey: ['FindSessions'], queryFn: () => ['a session'] });
    await queryClient.prefetchQuery({
      queryKey: ['Never'],
      queryFn: (): string[] => {
        throw new ApiError('NETWORK', 'no signal');
      },
      meta: { persist: true },
    });
    const kept = dehydrate(queryClient, { shouldDehydrateQuery: shouldPersist });
    expect(kept.queries.map((q) => q.queryKey)).toEqual([['MyBookings']]);
  });

  it('keeps what it had when a refresh fails (Kith away), not only after a success', async () => {
    const queryClient = client();
    const meta = { persist: true };
    await queryClient.prefetchQuery({
      queryKey: ['MyBookings'],
      queryFn: () => ['a booking'],
      meta,
    });
    await queryClient
      .fetchQuery({
        queryKey: ['MyBookings'],
        queryFn: (): string[] => {
          throw new ApiError('NETWORK', 'Kith could not be reached.');
        },
        meta,
      })
      .catch(() => undefined);
    expect(queryClient.getQueryState(['MyBookings'])?.status).toBe('error');
    const kept = dehydrate(queryClient, { shouldDehydrateQuery: shouldPersist });
    expect(kept.queries.map((q) => q.state.data)).toEqual([['a booking']]);
  });
});
