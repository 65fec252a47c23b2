import { Tabs } from 'expo-router';
import { StyleSheet, Text, View, type ColorValue } from 'react-native';

import { useStrings, type Strings } from '../../src/i18n/language';
import { unreadCountOf, useInbox } from '../../src/screens/inbox/use-inbox';
import { useTextSize } from '../../src/ui/text-size';
import { colours, fontSizes } from '../../src/ui/theme';

const strings: Strings<{
  forYou: string;
  find: string;
  booked: string;
  myBookings: string;
  /** Read out for the Booked tab: its visible name first (WCAG label in name). */
  bookedLabel: string;
  inbox: string;
  inboxNew: (n: number) => string;
  more: string;
}> = {
  en: {
    forYou: 'For you',
    find: 'Find',
    booked: 'Booked',
    myBookings: 'My bookings',
    bookedLabel: 'Booked: my bookings',
    inbox: 'Inbox',
    // The visible words first, as shown ("Inbox 2"): voice control users say what they see.
    inboxNew: (n) => `Inbox ${n} new`,
    more: 'More',
  },
  es: {
    forYou: 'Para ti',
    find: 'Buscar',
    booked: 'Reservas',
    myBookings: 'Mis reservas',
    bookedLabel: 'Reservas: mis reservas',
    inbox: 'Buzón',
    inboxNew: (n) => `Buzón ${n} ${n === 1 ? 'nuevo' : 'nuevos'}`,
    more: 'Más',
  },
};

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
        {/* The space keeps the name and the count apart when read as one ("Inbox 2"). */}
        {count > 0 ? `${title} ` : title}
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
  const t = useStrings(strings);
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
      <Tabs.Screen name="index" options={{ title: t.forYou, tabBarLabel: label(t.forYou) }} />
      <Tabs.Screen name="find" options={{ title: t.find, tabBarLabel: label(t.find) }} />
      <Tabs.Screen
        name="bookings"
        options={{
          title: t.myBookings,
          tabBarLabel: label(t.booked),
          tabBarAccessibilityLabel: t.bookedLabel,
        }}
      />
      <Tabs.Screen
        name="inbox"
        options={{
          title: t.inbox,
          tabBarLabel: label(t.inbox, unread),
          tabBarAccessibilityLabel: unread > 0 ? t.inboxNew(unread) : t.inbox,
        }}
      />
      <Tabs.Screen name="more" options={{ title: t.more, tabBarLabel: label(t.more) }} />
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
