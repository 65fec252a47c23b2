import { router } from 'expo-router';

import { AskScreen } from '../../src/screens/help/ask-screen';
import { RouteHeader } from '../../src/screens/more/route-header';

export default function AskRoute() {
  return (
    <>
      <RouteHeader route="ask" />
      <AskScreen onDone={() => (router.canGoBack() ? router.back() : router.replace('/help'))} />
    </>
  );
}
