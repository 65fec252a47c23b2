import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import type { ProfileSetting } from '../for-you/matching-needs';

const TITLES: Record<ProfileSetting, string> = {
  home: 'Your postcode',
  interests: 'What you enjoy',
  distance: 'How far you will go',
  access: 'Your access needs',
  times: 'When you are free',
};

export function isProfileSetting(value: string | undefined): value is ProfileSetting {
  return value !== undefined && Object.hasOwn(TITLES, value);
}

/**
 * Where For you sends a member to change one setting. The app's own forms for these arrive with
 * onboarding; until then the screen says plainly who can change it.
 */
export function ProfileSettingScreen({
  setting,
  onBack,
}: {
  setting: ProfileSetting;
  onBack: () => void;
}) {
  return (
    <Screen title={TITLES[setting]}>
      <AppText>You cannot change this in the app yet. It is coming soon.</AppText>
      <AppText>
        Your Kith coordinator can change it for you now. Ask them next time you talk.
      </AppText>
      <Button label="Go back" onPress={onBack} />
    </Screen>
  );
}
