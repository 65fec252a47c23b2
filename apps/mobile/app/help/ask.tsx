import { router } from 'expo-router';

import { AskScreen } from '../../src/screens/help/ask-screen';

export default function AskRoute() {
  return (
    <AskScreen onDone={() => (router.canGoBack() ? router.back() : router.replace('/help'))} />
  );
}
