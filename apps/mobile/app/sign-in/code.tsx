import { router, useLocalSearchParams } from 'expo-router';

import { CodeScreen } from '../../src/screens/sign-in/code-screen';

export default function CodeRoute() {
  const { contact } = useLocalSearchParams<{ contact?: string }>();
  if (!contact) {
    router.replace('/sign-in');
    return null;
  }
  return (
    <CodeScreen
      contact={contact}
      onChangeContact={() => (router.canGoBack() ? router.back() : router.replace('/sign-in'))}
    />
  );
}
