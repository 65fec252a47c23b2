import { Redirect, router, useLocalSearchParams } from 'expo-router';

import { MetScreen } from '../../src/screens/people/met-screen';

export default function MetRoute() {
  const { sessionId } = useLocalSearchParams<{ sessionId?: string }>();
  if (!sessionId) return <Redirect href="/people" />;
  return (
    <MetScreen
      sessionId={sessionId}
      onDone={() => (router.canGoBack() ? router.back() : router.replace('/people'))}
    />
  );
}
