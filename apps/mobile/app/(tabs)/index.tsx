import { router } from 'expo-router';

import { ForYouScreen } from '../../src/screens/for-you/for-you-screen';

export default function ForYouRoute() {
  return (
    <ForYouScreen
      onOpenSetting={(setting) => router.push(`/profile/${setting}`)}
      onOpenSession={(id) => router.push(`/session/${id}`)}
    />
  );
}
