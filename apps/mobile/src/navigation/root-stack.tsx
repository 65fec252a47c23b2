import { router, Stack } from 'expo-router';

import { useSession } from '../api/session';
import { useStrings, type Strings } from '../i18n/language';
import { usePush } from '../push/use-push';
import { LoadingState } from '../ui/states';
import { fontSizes } from '../ui/theme';

const openRoute = (route: string) => router.push(route);

const strings: Strings<{ opening: string; settings: string; leave: string }> = {
  en: { opening: 'Opening Kith', settings: 'Settings', leave: 'Leave Kith' },
  es: { opening: 'Abriendo Kith', settings: 'Ajustes', leave: 'Dejar Kith' },
};

/**
 * Every route of the app, each either for the signed-in or for the signed-out: a link opened on
 * the wrong side lands on the first screen of the other (For you, or sign-in). A route left out
 * here would be open to both, so the test lists the app's files and checks each is guarded.
 */
export function RootStack() {
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
        {/* Its title is what a back button names ("Kith, back"), never the route's "(tabs)". */}
        <Stack.Screen name="(tabs)" options={{ title: 'Kith' }} />
        <Stack.Screen name="profile/[setting]" />
        <Stack.Screen name="session/[id]" />
        <Stack.Screen name="onboarding/index" />
        <Stack.Screen name="onboarding/[step]" />
        <Stack.Screen name="people/index" />
        <Stack.Screen name="people/suggested" />
        <Stack.Screen name="people/introductions" />
        <Stack.Screen name="met/[sessionId]" />
        <Stack.Screen name="help/index" />
        <Stack.Screen name="help/ask" />
        <Stack.Screen name="helping/index" />
        <Stack.Screen name="helping/offer" />
        <Stack.Screen name="surveys/index" />
        <Stack.Screen name="surveys/[instrumentId]" />
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
