import { Redirect, router, useLocalSearchParams } from 'expo-router';

import { SessionScreen } from '../../src/screens/session/session-screen';

export default function SessionRoute() {
  const { id } = useLocalSearchParams<{ id?: string }>();
  if (!id) return <Redirect href="/find" />;
  return (
    <SessionScreen
      id={id}
      onBack={() => (router.canGoBack() ? router.back() : router.replace('/find'))}
    />
  );
}
