import { Redirect, router } from 'expo-router';

import { ForYouScreen } from '../../src/screens/for-you/for-you-screen';
import { useNeedsOnboarding } from '../../src/screens/onboarding/onboarding-state';

/** For you; a member who has not set up (no home or no interests) is taken through onboarding once. */
export default function ForYouRoute() {
  const needsOnboarding = useNeedsOnboarding();
  if (needsOnboarding) return <Redirect href="/onboarding" />;
  return <ForYouScreen onOpenSetting={(setting) => router.push(`/profile/${setting}`)} />;
}
