import { Pressable, StyleSheet, View } from 'react-native';

import { AppText } from '../../ui/app-text';
import { colours, space, TOUCH_MIN } from '../../ui/theme';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/** One of a few choices, each a large target, the chosen one filled in and said to be chosen. */
export function ChoiceGroup<T extends string>({
  label,
  choices,
  chosen,
  onChoose,
}: {
  label: string;
  choices: readonly Choice<T>[];
  chosen: T;
  onChoose: (value: T) => void;
}) {
  return (
    <View style={styles.group}>
      <AppText variant="heading">{label}</AppText>
      <View accessibilityRole="radiogroup" accessibilityLabel={label} style={styles.row}>
        {choices.map((choice) => {
          const selected = choice.value === chosen;
          return (
            <Pressable
              key={choice.value}
              accessibilityRole="radio"
              accessibilityLabel={choice.label}
              accessibilityState={{ checked: selected }}
              // The web build reads ARIA props, not accessibilityState (axe: aria-required-attr).
              aria-checked={selected}
              onPress={() => onChoose(choice.value)}
              style={[styles.chip, selected && styles.chosen]}
            >
              <AppText
                variant="heading"
                accessibilityRole="none"
                style={{ color: selected ? colours.onPrimary : colours.primary }}
              >
                {choice.label}
              </AppText>
            </Pressable>
          );
        })}
      </View>
    </View>
  );
}

/** A yes-or-no choice: a box that is ticked, beside what it means. */
export function CheckBox({
  label,
  checked,
  onChange,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <Pressable
      accessibilityRole="checkbox"
      accessibilityLabel={label}
      accessibilityState={{ checked }}
      aria-checked={checked}
      onPress={() => onChange(!checked)}
      style={styles.check}
    >
      <View style={[styles.box, checked && styles.chosen]}>
        {checked ? (
          // A mark for the eye only (the box is said to be ticked), kept inside the box.
          <AppText
            accessibilityRole="none"
            importantForAccessibility="no"
            allowFontScaling={false}
            style={styles.tick}
          >
            ✓
          </AppText>
        ) : null}
      </View>
      <AppText style={styles.checkLabel}>{label}</AppText>
    </Pressable>
  );
}

const styles = StyleSheet.create({
  group: { gap: space.s },
  row: { flexDirection: 'row', flexWrap: 'wrap', gap: space.s },
  chip: {
    minHeight: TOUCH_MIN,
    minWidth: TOUCH_MIN,
    paddingHorizontal: space.m,
    paddingVertical: space.s,
    borderRadius: 28,
    borderWidth: 2,
    borderColor: colours.primary,
    backgroundColor: colours.background,
    justifyContent: 'center',
    alignItems: 'center',
  },
  chosen: { backgroundColor: colours.primary },
  check: { flexDirection: 'row', alignItems: 'center', gap: space.m, minHeight: TOUCH_MIN },
  box: {
    width: 36,
    height: 36,
    borderRadius: 6,
    borderWidth: 2,
    borderColor: colours.primary,
    alignItems: 'center',
    justifyContent: 'center',
  },
  tick: { color: colours.onPrimary, fontSize: 22, lineHeight: 28, fontWeight: '700' },
  checkLabel: { flexShrink: 1 },
});
