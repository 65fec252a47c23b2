import { Pressable, StyleSheet, View } from 'react-native';

import { AppText } from './app-text';
import { colours, space, TOUCH_MIN } from './theme';

export interface PickOption<V> {
  value: V;
  label: string;
}

function Option({
  label,
  selected,
  role,
  onPress,
}: {
  label: string;
  selected: boolean;
  role: 'radio' | 'checkbox';
  onPress: () => void;
}) {
  return (
    <Pressable
      accessibilityRole={role}
      accessibilityLabel={label}
      accessibilityState={{ checked: selected }}
      // react-native-web reads aria-checked, not accessibilityState, for a radio or checkbox.
      aria-checked={selected}
      onPress={onPress}
      style={[styles.option, selected && styles.selected]}
    >
      <View style={[role === 'radio' ? styles.dot : styles.box, selected && styles.markSelected]} />
      <AppText accessibilityRole="none" style={styles.label}>
        {label}
      </AppText>
    </Pressable>
  );
}

/** A question with one answer: each choice a radio button at least TOUCH_MIN high. */
export function PickOne<V extends string | number>({
  label,
  help,
  options,
  value,
  onChange,
}: {
  label: string;
  help?: string;
  options: readonly PickOption<V>[];
  value: V | null;
  onChange: (value: V) => void;
}) {
  return (
    <View style={styles.group} accessibilityRole="radiogroup" accessibilityLabel={label}>
      <AppText variant="heading">{label}</AppText>
      {help ? <AppText variant="muted">{help}</AppText> : null}
      {options.map((option) => (
        <Option
          key={String(option.value)}
          role="radio"
          label={option.label}
          selected={option.value === value}
          onPress={() => onChange(option.value)}
        />
      ))}
    </View>
  );
}

/** A question with any number of answers: each choice a checkbox. */
export function PickMany<V extends string | number>({
  label,
  help,
  options,
  values,
  onChange,
}: {
  label: string;
  help?: string;
  options: readonly PickOption<V>[];
  values: readonly V[];
  onChange: (values: V[]) => void;
}) {
  return (
    <View style={styles.group} accessibilityLabel={label}>
      <AppText variant="heading">{label}</AppText>
      {help ? <AppText variant="muted">{help}</AppText> : null}
      {options.map((option) => {
        const selected = values.includes(option.value);
        return (
          <Option
            key={String(option.value)}
            role="checkbox"
            label={option.label}
            selected={selected}
            onPress={() =>
              onChange(
                selected
                  ? values.filter((v) => v !== option.value)
                  : options
                      .map((o) => o.value)
                      .filter((v) => v === option.value || values.includes(v)),
              )
            }
          />
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
  dot: { width: 24, height: 24, borderRadius: 12, borderWidth: 2, borderColor: colours.border },
  box: { width: 24, height: 24, borderRadius: 4, borderWidth: 2, borderColor: colours.border },
  markSelected: { backgroundColor: colours.primary, borderColor: colours.primary },
  label: { flexShrink: 1 },
});
