import { router, Stack } from 'expo-router';
import { StatusBar } from 'expo-status-bar';

import { createApiClient } from '../src/api/client';
import { API_URL } from '../src/api/config';
import { useSession } from '../src/api/session';
import { tokenStorage } from '../src/api/token-storage';
import { AppProviders } from '../src/app-providers';
import { spokenLanguage, useStrings, type Strings } from '../src/i18n/language';
import { usePush } from '../src/push/use-push';
import { createQueryClient } from '../src/query/query-client';
import { watchConnection } from '../src/query/watch-connection';
import { LoadingState } from '../src/ui/states';
import { fontSizes } from '../src/ui/theme';

const apiClient = createApiClient({
  apiUrl: API_URL,
  storage: tokenStorage,
  language: spokenLanguage,
});
const queryClient = createQueryClient();
watchConnection();
const openRoute = (route: string) => router.push(route);

const strings: Strings<{ opening: string; settings: string; leave: string }> = {
  en: { opening: 'Opening Kith', settings: 'Settings', leave: 'Leave Kith' },
  es: { opening: 'Abriendo Kith', settings: 'Ajustes', leave: 'Dejar Kith' },
};

function Navigator() {
  const { status } = useSession();
  const t = useStrings(strings);
  const signedIn = status === 'signedIn';
  usePush({ signedIn, onOpenRoute: openRoute });
  if (status === 'loading') return <LoadingState text={t.opening} />;
  return (
    <Stack
      screenOptions={{ headerShown: false, headerTitleStyle: { fontSize: fontSizes.heading } }}
    >
      <Stack.Protected guard={signedIn}>
        <Stack.Screen name="(tabs)" />
        <Stack.Screen name="profile/[setting]" />
        <Stack.Screen name="session/[id]" />
        <Stack.Screen name="onboarding/index" />
        <Stack.Screen name="onboarding/[step]" />
        <Stack.Screen name="settings" options={{ headerShown: true, title: t.settings }} />
        <Stack.Screen name="leave-kith" options={{ headerShown: true, title: t.leave }} />
      </Stack.Protected>
      <Stack.Protected guard={!signedIn}>
        <Stack.Screen name="sign-in/index" />
        <Stack.Screen name="sign-in/code" />
      </Stack.Protected>
    </Stack>
  );
}

export default function RootLayout() {
  return (
    <AppProviders apiClient={apiClient} queryClient={queryClient}>
      <StatusBar style="dark" />
      <Navigator />
    </AppProviders>
  );
}
