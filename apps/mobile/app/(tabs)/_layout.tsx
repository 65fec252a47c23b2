import { Tabs } from 'expo-router';

import { unreadCountOf, useInbox } from '../../src/screens/inbox/use-inbox';
import { useTextSize } from '../../src/ui/text-size';
import { colours, fontSizes } from '../../src/ui/theme';

export default function TabsLayout() {
  const { scale } = useTextSize();
  const unread = unreadCountOf(useInbox().data);
  return (
    <Tabs
      screenOptions={{
        headerShown: false,
        tabBarActiveTintColor: colours.primary,
        tabBarInactiveTintColor: colours.muted,
        tabBarLabelStyle: { fontSize: fontSizes.body * scale, fontWeight: '700' },
        tabBarIconStyle: { display: 'none' },
        tabBarStyle: { minHeight: 64 * scale },
        tabBarItemStyle: { minHeight: 56 },
      }}
    >
      <Tabs.Screen name="index" options={{ title: 'For you' }} />
      <Tabs.Screen
        name="bookings"
        options={{ title: 'Bookings', tabBarAccessibilityLabel: 'My bookings' }}
      />
      <Tabs.Screen
        name="inbox"
        options={{
          title: 'Inbox',
          tabBarBadge: unread > 0 ? unread : undefined,
          tabBarBadgeStyle: { backgroundColor: colours.error, color: colours.onError },
          tabBarAccessibilityLabel: unread > 0 ? `Inbox, ${unread} new` : 'Inbox',
        }}
      />
      <Tabs.Screen name="settings" options={{ title: 'Settings' }} />
    </Tabs>
  );
}
