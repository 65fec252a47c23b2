import { Pressable, StyleSheet } from 'react-native';

import { AppText } from './app-text';
import { colours, space, TOUCH_MIN } from './theme';

/**
 * A session in a list (Find, My bookings): one button named by what it shows, its title in
 * link colour, then its lines (when, where, places or the member's place).
 */
export function SessionCard({
  title,
  lines,
  alert,
  hint,
  onPress,
  testID,
}: {
  title: string;
  lines: string[];
  /** A last line shown as a warning (a session called off). */
  alert?: string;
  hint: string;
  onPress: () => void;
  testID: string;
}) {
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityHint={hint}
      onPress={onPress}
      testID={testID}
      style={({ pressed }) => [styles.card, pressed && styles.pressed]}
    >
      <AppText variant="heading" style={styles.link}>
        {title}
      </AppText>
      {lines.map((line, index) => (
        <AppText key={index}>{line}</AppText>
      ))}
      {alert ? <AppText variant="error">{alert}</AppText> : null}
    </Pressable>
  );
}

const styles = StyleSheet.create({
  card: {
    minHeight: TOUCH_MIN,
    backgroundColor: colours.surface,
    borderRadius: 12,
    padding: space.m,
    gap: space.s,
    borderWidth: 2,
    borderColor: colours.surface,
  },
  pressed: { borderColor: colours.primary },
  link: { color: colours.primary, textDecorationLine: 'underline' },
});
