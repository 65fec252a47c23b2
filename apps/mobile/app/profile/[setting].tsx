import { Redirect, router, useLocalSearchParams } from 'expo-router';

import {
  isProfileSetting,
  ProfileSettingScreen,
} from '../../src/screens/profile/profile-setting-screen';

function back() {
  if (router.canGoBack()) router.back();
  else router.replace('/');
}

/** One part of the profile on its own, opened from Settings or For you. */
export default function ProfileSettingRoute() {
  const { setting } = useLocalSearchParams<{ setting?: string }>();
  if (!isProfileSetting(setting)) return <Redirect href="/" />;
  return <ProfileSettingScreen setting={setting} nav={{ onDone: back, onLeave: back }} />;
}
