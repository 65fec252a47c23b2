import { router } from 'expo-router';

import { LeaveKithScreen } from '../src/screens/settings/leave-kith-screen';

export default function LeaveKithRoute() {
  return (
    <LeaveKithScreen onStay={() => (router.canGoBack() ? router.back() : router.replace('/'))} />
  );
}
