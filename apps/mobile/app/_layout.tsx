import { StatusBar } from 'expo-status-bar';

import { createApiClient } from '../src/api/client';
import { API_URL } from '../src/api/config';
import { tokenStorage } from '../src/api/token-storage';
import { AppProviders } from '../src/app-providers';
import { spokenLanguage } from '../src/i18n/language';
import { RootStack } from '../src/navigation/root-stack';
import { createQueryClient } from '../src/query/query-client';
import { watchConnection } from '../src/query/watch-connection';

const apiClient = createApiClient({
  apiUrl: API_URL,
  storage: tokenStorage,
  language: spokenLanguage,
});
const queryClient = createQueryClient();
watchConnection();

export default function RootLayout() {
  return (
    <AppProviders apiClient={apiClient} queryClient={queryClient}>
      <StatusBar style="dark" />
      <RootStack />
    </AppProviders>
  );
}
