import { router } from 'expo-router';

import { HelpScreen } from '../../src/screens/help/help-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function HelpRoute() {
  return (
    <RouteFrame route="help">
      <HelpScreen onAsk={() => router.push('/help/ask')} />
    </RouteFrame>
  );
}
