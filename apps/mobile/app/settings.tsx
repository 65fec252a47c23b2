import { router } from 'expo-router';

import { SettingsScreen } from '../src/screens/settings/settings-screen';

export default function SettingsRoute() {
  return (
    <SettingsScreen
      onOpenSetting={(setting) => router.push(`/profile/${setting}`)}
      onLeaveKith={() => router.push('/leave-kith')}
    />
  );
}
