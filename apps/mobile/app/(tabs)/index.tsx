import { Redirect, router } from 'expo-router';

import { ForYouScreen } from '../../src/screens/for-you/for-you-screen';
import { useNeedsOnboarding } from '../../src/screens/onboarding/onboarding-state';
import { useAdoptNudgeLanguage } from '../../src/screens/settings/use-nudge-language';

/**
 * For you; a member who has not set up (no home or no interests) is taken through onboarding once,
 * in the language of their messages when none was chosen on this phone.
 */
export default function ForYouRoute() {
  useAdoptNudgeLanguage();
  const needsOnboarding = useNeedsOnboarding();
  if (needsOnboarding) return <Redirect href="/onboarding" />;
  return (
    <ForYouScreen
      onOpenSetting={(setting) => router.push(`/profile/${setting}`)}
      onOpenSession={(id) => router.push(`/session/${id}`)}
    />
  );
}
