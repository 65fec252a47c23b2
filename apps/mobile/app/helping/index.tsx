import { router } from 'expo-router';

import { HelpingScreen } from '../../src/screens/helping/helping-screen';
import { RouteHeader } from '../../src/screens/more/route-header';

export default function HelpingRoute() {
  return (
    <>
      <RouteHeader route="helping" />
      <HelpingScreen onOffer={() => router.push('/helping/offer')} />
    </>
  );
}
