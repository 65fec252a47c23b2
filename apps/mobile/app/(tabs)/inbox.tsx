import { router } from 'expo-router';

import { InboxScreen } from '../../src/screens/inbox/inbox-screen';

export default function InboxRoute() {
  // Some routes a nudge links to are still being built; an unknown one shows expo-router's own page.
  return <InboxScreen onOpenRoute={(route) => router.push(route)} />;
}
