import { router } from 'expo-router';

import { goToForYou } from '../../src/screens/onboarding/leave-onboarding';
import { useEndOnboarding } from '../../src/screens/onboarding/onboarding-state';
import { WelcomeScreen } from '../../src/screens/onboarding/welcome-screen';
import { PROFILE_SETTINGS } from '../../src/screens/profile/steps';

export default function OnboardingRoute() {
  const notNow = useEndOnboarding(goToForYou);
  return (
    <WelcomeScreen
      onStart={() => router.push(`/onboarding/${PROFILE_SETTINGS[0]}`)}
      onNotNow={notNow}
    />
  );
}
