import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useEffect, useRef, type ReactNode } from 'react';
import { SafeAreaProvider } from 'react-native-safe-area-context';

import { ApiClientProvider } from './api/api-client-context';
import type { ApiClient } from './api/client';
import { SessionProvider } from './api/session';
import { persistOptions } from './query/persister';
import { LanguageProvider, useLanguage } from './i18n/language';
import { TextSizeProvider } from './ui/text-size';

/** What the API words (catalogue labels) is asked for again when the member changes language. */
function RefetchOnLanguageChange() {
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const shown = useRef(language);
  useEffect(() => {
    if (shown.current === language) return;
    shown.current = language;
    void queryClient.invalidateQueries();
  }, [language, queryClient]);
  return null;
}

/**
 * Everything a screen needs above it. `persist` is off in component tests, which start from an
 * empty cache each time.
 */
export function AppProviders({
  apiClient,
  queryClient,
  persist = true,
  children,
}: {
  apiClient: ApiClient;
  queryClient: QueryClient;
  persist?: boolean;
  children: ReactNode;
}) {
  const inner = (
    <ApiClientProvider client={apiClient}>
      <SessionProvider
        onSignedOut={persist ? () => persistOptions.persister.removeClient() : undefined}
      >
        <LanguageProvider>
          <RefetchOnLanguageChange />
          <TextSizeProvider>{children}</TextSizeProvider>
        </LanguageProvider>
      </SessionProvider>
    </ApiClientProvider>
  );
  return (
    <SafeAreaProvider>
      {persist ? (
        <PersistQueryClientProvider client={queryClient} persistOptions={persistOptions}>
          {inner}
        </PersistQueryClientProvider>
      ) : (
        <QueryClientProvider client={queryClient}>{inner}</QueryClientProvider>
      )}
    </SafeAreaProvider>
  );
}
