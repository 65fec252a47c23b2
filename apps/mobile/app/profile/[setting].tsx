import { Redirect, router, useLocalSearchParams } from 'expo-router';

import {
  isProfileSetting,
  ProfileSettingScreen,
} from '../../src/screens/profile/profile-setting-screen';

export default function ProfileSettingRoute() {
  const { setting } = useLocalSearchParams<{ setting?: string }>();
  if (!isProfileSetting(setting)) return <Redirect href="/" />;
  return (
    <ProfileSettingScreen
      setting={setting}
      onBack={() => (router.canGoBack() ? router.back() : router.replace('/'))}
    />
  );
}
