import { Tabs } from 'expo-router';
import { StyleSheet, Text, View, type ColorValue } from 'react-native';

import { unreadCountOf, useInbox } from '../../src/screens/inbox/use-inbox';
import { useTextSize } from '../../src/ui/text-size';
import { colours, fontSizes } from '../../src/ui/theme';

/** A tab's name; the inbox's carries the unread count beside it (the tabs have no icons). */
function TabLabel({
  title,
  color,
  count = 0,
}: {
  title: string;
  color: ColorValue;
  count?: number;
}) {
  const { scale } = useTextSize();
  return (
    <View style={styles.label}>
      <Text
        allowFontScaling
        numberOfLines={1}
        style={{ color, fontSize: fontSizes.body * scale, fontWeight: '700' }}
      >
        {title}
      </Text>
      {count > 0 ? (
        <Text allowFontScaling style={[styles.badge, { fontSize: fontSizes.body * scale }]}>
          {count}
        </Text>
      ) : null}
    </View>
  );
}

export default function TabsLayout() {
  const { scale } = useTextSize();
  const unread = unreadCountOf(useInbox().data);
  const label = (title: string, count?: number) =>
    function Label({ color }: { color: ColorValue }) {
      return <TabLabel title={title} color={color} count={count} />;
    };
  return (
    <Tabs
      screenOptions={{
        headerShown: false,
        tabBarActiveTintColor: colours.primary,
        tabBarInactiveTintColor: colours.muted,
        tabBarIconStyle: { display: 'none' },
        tabBarStyle: { minHeight: 64 * scale },
        tabBarItemStyle: { minHeight: 56, paddingHorizontal: 0 },
      }}
    >
      <Tabs.Screen name="index" options={{ title: 'For you', tabBarLabel: label('For you') }} />
      <Tabs.Screen name="find" options={{ title: 'Find', tabBarLabel: label('Find') }} />
      <Tabs.Screen
        name="bookings"
        options={{
          title: 'My bookings',
          tabBarLabel: label('Booked'),
          tabBarAccessibilityLabel: 'My bookings',
        }}
      />
      <Tabs.Screen
        name="inbox"
        options={{
          title: 'Inbox',
          tabBarLabel: label('Inbox', unread),
          tabBarAccessibilityLabel: unread > 0 ? `Inbox, ${unread} new` : 'Inbox',
        }}
      />
      <Tabs.Screen name="more" options={{ title: 'More', tabBarLabel: label('More') }} />
    </Tabs>
  );
}

const styles = StyleSheet.create({
  label: { flexDirection: 'row', alignItems: 'center', gap: 4 },
  badge: {
    color: colours.onError,
    backgroundColor: colours.error,
    fontWeight: '700',
    borderRadius: 12,
    paddingHorizontal: 6,
    overflow: 'hidden',
  },
});
