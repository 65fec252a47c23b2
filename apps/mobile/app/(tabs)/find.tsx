import { router } from 'expo-router';

import { FindScreen } from '../../src/screens/find/find-screen';

export default function FindRoute() {
  return (
    <FindScreen
      onOpenSession={(id) => router.push(`/session/${id}`)}
      onAddHome={() => router.push('/profile/home')}
    />
  );
}
