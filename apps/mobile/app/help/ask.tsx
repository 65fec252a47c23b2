import { router } from 'expo-router';

import { AskScreen } from '../../src/screens/help/ask-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function AskRoute() {
  return (
    <RouteFrame route="ask">
      <AskScreen onDone={() => (router.canGoBack() ? router.back() : router.replace('/help'))} />
    </RouteFrame>
  );
}
