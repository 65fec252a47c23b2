import { router } from 'expo-router';

import { HelpScreen } from '../../src/screens/help/help-screen';

export default function HelpRoute() {
  return <HelpScreen onAsk={() => router.push('/help/ask')} />;
}
