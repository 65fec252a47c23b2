import { ActivityIndicator, Pressable, StyleSheet, View } from 'react-native';

import { AppText } from './app-text';
import { colours, space, TOUCH_MIN } from './theme';

interface ButtonProps {
  label: string;
  onPress: () => void;
  /** One primary action a screen; the rest are secondary. */
  variant?: 'primary' | 'secondary';
  /** Read by screen readers when the label alone does not say what happens. */
  hint?: string;
  busy?: boolean;
  disabled?: boolean;
  testID?: string;
}

export function Button({
  label,
  onPress,
  variant = 'primary',
  hint,
  busy = false,
  disabled = false,
  testID,
}: ButtonProps) {
  const primary = variant === 'primary';
  const inactive = disabled || busy;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel={label}
      accessibilityHint={hint}
      accessibilityState={{ disabled: inactive, busy }}
      disabled={inactive}
      onPress={onPress}
      testID={testID}
      style={({ pressed }) => [
        styles.button,
        primary ? styles.primary : styles.secondary,
        pressed && styles.pressed,
        inactive && styles.inactive,
      ]}
    >
      <View style={styles.row}>
        {busy ? <ActivityIndicator color={primary ? colours.onPrimary : colours.primary} /> : null}
        <AppText
          style={[styles.label, { color: primary ? colours.onPrimary : colours.primary }]}
          variant="heading"
          accessibilityRole="none"
        >
          {label}
        </AppText>
      </View>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  button: {
    minHeight: TOUCH_MIN,
    minWidth: TOUCH_MIN,
    borderRadius: 12,
    paddingHorizontal: space.l,
    paddingVertical: space.s,
    justifyContent: 'center',
    alignItems: 'center',
    borderWidth: 2,
    borderColor: colours.primary,
  },
  primary: { backgroundColor: colours.primary },
  secondary: { backgroundColor: colours.background },
  pressed: { opacity: 0.8 },
  // Dimmed text would fall below 4.5:1, so a busy or disabled button keeps its colours.
  inactive: {},
  row: { flexDirection: 'row', alignItems: 'center', gap: space.s },
  label: { textAlign: 'center' },
});
