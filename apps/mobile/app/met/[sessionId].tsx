import { Redirect, router, useLocalSearchParams } from 'expo-router';

import { MetScreen } from '../../src/screens/people/met-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function MetRoute() {
  const { sessionId } = useLocalSearchParams<{ sessionId?: string }>();
  if (!sessionId) return <Redirect href="/people" />;
  return (
    <RouteFrame route="met">
      <MetScreen
        sessionId={sessionId}
        onDone={() => (router.canGoBack() ? router.back() : router.replace('/people'))}
      />
    </RouteFrame>
  );
}
