import { useState } from 'react';
import { Pressable, StyleSheet, View } from 'react-native';

import { useSession } from '../../api/session';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { TEXT_SIZES, useTextSize } from '../../ui/text-size';
import { colours, fontSizes, space, TOUCH_MIN } from '../../ui/theme';

function TextSizeChoice() {
  const { scale, setScale } = useTextSize();
  return (
    <View style={styles.group} accessibilityRole="radiogroup" accessibilityLabel="Text size">
      <AppText variant="heading">Text size</AppText>
      <AppText variant="muted">Your phone&apos;s own text size still applies.</AppText>
      {TEXT_SIZES.map((size) => {
        const selected = size.scale === scale;
        return (
          <Pressable
            key={size.label}
            accessibilityRole="radio"
            accessibilityLabel={`${size.label} text`}
            accessibilityState={{ checked: selected }}
            onPress={() => setScale(size.scale)}
            style={[styles.option, selected && styles.selected]}
          >
            <View style={[styles.dot, selected && styles.dotSelected]} />
            <AppText style={{ fontSize: fontSizes.body * size.scale }} accessibilityRole="none">
              {size.label}
            </AppText>
          </Pressable>
        );
      })}
    </View>
  );
}

export function SettingsScreen() {
  const session = useSession();
  const [leaving, setLeaving] = useState(false);
  return (
    <Screen title="Settings">
      <TextSizeChoice />
      <View style={styles.group}>
        <AppText variant="heading">Sign out</AppText>
        <AppText>
          Signing out removes your details from this phone. You can sign in again with a new code.
        </AppText>
        <Button
          label="Sign out"
          busy={leaving}
          onPress={() => {
            setLeaving(true);
            void session.signOut().finally(() => setLeaving(false));
          }}
        />
      </View>
    </Screen>
  );
}

const styles = StyleSheet.create({
  group: { gap: space.m },
  option: {
    minHeight: TOUCH_MIN,
    flexDirection: 'row',
    alignItems: 'center',
    gap: space.m,
    paddingHorizontal: space.m,
    borderRadius: 12,
    borderWidth: 2,
    borderColor: colours.border,
  },
  selected: { borderColor: colours.primary, borderWidth: 3, backgroundColor: colours.surface },
  dot: {
    width: 24,
    height: 24,
    borderRadius: 12,
    borderWidth: 2,
    borderColor: colours.border,
  },
  dotSelected: { backgroundColor: colours.primary, borderColor: colours.primary },
});
