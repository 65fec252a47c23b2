import { Pressable, StyleSheet, View } from 'react-native';

import { AppText } from '../../ui/app-text';
import { colours, space, TOUCH_MIN } from '../../ui/theme';

export interface Choice<T extends string | number> {
  value: T;
  label: string;
}

/**
 * A list of choices a screen reader reads as one group: radios when one may be chosen, check boxes
 * when many may. Every choice is a full-width target at least TOUCH_MIN high.
 */
export function Choices<T extends string | number>({
  label,
  help,
  choices,
  selected,
  onToggle,
  multiple = false,
  disabled = [],
}: {
  /** The group's name, shown as its heading and read out. */
  label: string;
  help?: string;
  choices: readonly Choice<T>[];
  selected: readonly T[];
  onToggle: (value: T) => void;
  multiple?: boolean;
  /** Choices shown but fixed (e.g. the inbox, which is always on). */
  disabled?: readonly T[];
}) {
  return (
    <View
      style={styles.group}
      accessibilityRole={multiple ? undefined : 'radiogroup'}
      accessibilityLabel={label}
    >
      <AppText variant="heading">{label}</AppText>
      {help ? <AppText variant="muted">{help}</AppText> : null}
      {choices.map((choice) => {
        const checked = selected.includes(choice.value);
        const fixed = disabled.includes(choice.value);
        return (
          <Pressable
            key={String(choice.value)}
            accessibilityRole={multiple ? 'checkbox' : 'radio'}
            accessibilityLabel={choice.label}
            accessibilityState={{ checked, disabled: fixed }}
            // The web build reads ARIA props, not accessibilityState (axe: aria-required-attr).
            aria-checked={checked}
            aria-disabled={fixed}
            disabled={fixed}
            onPress={() => onToggle(choice.value)}
            style={[styles.option, checked && styles.selected]}
          >
            <View style={[multiple ? styles.box : styles.dot, checked && styles.markSelected]}>
              {multiple && checked ? (
                <AppText style={styles.tick} accessibilityRole="none">
                  ✓
                </AppText>
              ) : null}
            </View>
            <AppText style={styles.label} accessibilityRole="none">
              {choice.label}
            </AppText>
          </Pressable>
        );
      })}
    </View>
  );
}

const styles = StyleSheet.create({
  group: { gap: space.s },
  option: {
    minHeight: TOUCH_MIN,
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.m,
    paddingHorizontal: space.m,
    paddingVertical: space.s,
    borderRadius: 12,
    borderWidth: 2,
    borderColor: colours.border,
    backgroundColor: colours.background,
  },
  selected: { borderColor: colours.primary, borderWidth: 3, backgroundColor: colours.surface },
  dot: {
    width: 24,
    height: 24,
    borderRadius: 12,
    borderWidth: 2,
    borderColor: colours.border,
  },
  box: {
    width: 28,
    height: 28,
    borderRadius: 4,
    borderWidth: 2,
    borderColor: colours.border,
    alignItems: 'center',
    justifyContent: 'center',
  },
  markSelected: { backgroundColor: colours.primary, borderColor: colours.primary },
  tick: { color: colours.onPrimary, fontWeight: '700' },
  label: { flex: 1 },
});
