import { router } from 'expo-router';

import { HelpScreen } from '../../src/screens/help/help-screen';
import { RouteHeader } from '../../src/screens/more/route-header';

export default function HelpRoute() {
  return (
    <>
      <RouteHeader route="help" />
      <HelpScreen onAsk={() => router.push('/help/ask')} />
    </>
  );
}
