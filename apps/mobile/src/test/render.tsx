import { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react-native';
import type { ReactElement } from 'react';

import { createApiClient } from '../api/client';
import type { Tokens } from '../api/tokens';
import { AppProviders } from '../app-providers';
import { fakeApi, memoryStorage, type FakeHandler } from './fake-api';

export const SIGNED_IN: Tokens = { accessToken: 'access-1', refreshToken: 'refresh-1' };

/**
 * Renders a screen with the app's providers over a fake API, signed in unless told otherwise, once
 * the kept tokens have been read.
 */
export async function renderScreen(
  ui: ReactElement,
  {
    handlers = {},
    tokens = SIGNED_IN,
    queryClient = new QueryClient({
      // gcTime Infinity: no garbage-collection timers left running when a test ends.
      defaultOptions: {
        queries: { retry: false, gcTime: Infinity },
        mutations: { retry: false, gcTime: Infinity },
      },
    }),
  }: {
    handlers?: Record<string, FakeHandler>;
    tokens?: Tokens | null;
    queryClient?: QueryClient;
  } = {},
) {
  const api = fakeApi(handlers);
  const storage = memoryStorage(tokens);
  const apiClient = createApiClient({
    apiUrl: 'http://kith.test',
    storage,
    fetch: api.fetch,
  });
  const screen = render(
    <AppProviders apiClient={apiClient} queryClient={queryClient} persist={false}>
      {ui}
    </AppProviders>,
  );
  await act(() => Promise.resolve());
  return { ...screen, api, storage, apiClient, queryClient };
}
