import AsyncStorage from '@react-native-async-storage/async-storage';
import { createAsyncStoragePersister } from '@tanstack/query-async-storage-persister';
import type { Query } from '@tanstack/react-query';
import type { PersistQueryClientOptions } from '@tanstack/react-query-persist-client';

import { PERSIST_MAX_AGE_MS } from './query-client';

/** AsyncStorage is localStorage in a browser, so the same cache works on the web build. */
export const persister = createAsyncStoragePersister({
  storage: AsyncStorage,
  key: 'kith.cache',
});

/**
 * Only what a member needs with no signal (their bookings, inbox, suggestions) is written down,
 * and it stays written down while a refresh fails: Kith being away must not wipe the copy.
 */
export function shouldPersist(query: Query): boolean {
  return query.state.data !== undefined && query.meta?.persist === true;
}

export const persistOptions: Omit<PersistQueryClientOptions, 'queryClient'> = {
  persister,
  maxAge: PERSIST_MAX_AGE_MS,
  // Bump when a persisted query's shape changes, so an old cache is dropped, not misread.
  buster: 'kith-1',
  dehydrateOptions: { shouldDehydrateQuery: shouldPersist },
};
