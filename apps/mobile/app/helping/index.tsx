import { router } from 'expo-router';

import { HelpingScreen } from '../../src/screens/helping/helping-screen';

export default function HelpingRoute() {
  return <HelpingScreen onOffer={() => router.push('/helping/offer')} />;
}
