import { Redirect, router, useLocalSearchParams } from 'expo-router';

import { goToForYou } from '../../src/screens/onboarding/leave-onboarding';
import { useEndOnboarding } from '../../src/screens/onboarding/onboarding-state';
import { ProfileSettingScreen } from '../../src/screens/profile/profile-setting-screen';
import { isProfileSetting, nextSetting, PROFILE_SETTINGS } from '../../src/screens/profile/steps';

/** One step of onboarding; saving or skipping goes on to the next, and the last to For you. */
export default function OnboardingStepRoute() {
  const { step } = useLocalSearchParams<{ step?: string }>();
  const finish = useEndOnboarding(goToForYou);
  if (!isProfileSetting(step)) return <Redirect href="/onboarding" />;
  const next = nextSetting(step);
  const goOn = () => (next ? router.push(`/onboarding/${next}`) : finish());
  return (
    <ProfileSettingScreen
      setting={step}
      nav={{
        progress: { step: PROFILE_SETTINGS.indexOf(step) + 1, of: PROFILE_SETTINGS.length },
        onDone: goOn,
        onLeave: goOn,
      }}
    />
  );
}
