import { router } from 'expo-router';

import { HelpingScreen } from '../../src/screens/helping/helping-screen';
import { RouteFrame } from '../../src/screens/more/route-header';

export default function HelpingRoute() {
  return (
    <RouteFrame route="helping">
      <HelpingScreen onOffer={() => router.push('/helping/offer')} />
    </RouteFrame>
  );
}
