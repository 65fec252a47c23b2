import type { ReactNode } from 'react';
import { Platform, ScrollView, StyleSheet, View } from 'react-native';
import { SafeAreaView } from 'react-native-safe-area-context';

import { AppText } from './app-text';
import { colours, space } from './theme';

/** A screen: its title, then what it holds, scrolling when large text makes it long. */
export function Screen({ title, children }: { title: string; children: ReactNode }) {
  return (
    <SafeAreaView style={styles.safe} edges={['top', 'left', 'right']}>
      {/* Focusable, so a keyboard can scroll a screen that holds nothing else to focus (axe). */}
      <ScrollView
        contentContainerStyle={styles.content}
        keyboardShouldPersistTaps="handled"
        focusable={Platform.OS === 'web'}
      >
        <AppText variant="title">{title}</AppText>
        <View style={styles.body}>{children}</View>
      </ScrollView>
    </SafeAreaView>
  );
}

const styles = StyleSheet.create({
  safe: { flex: 1, backgroundColor: colours.background },
  content: { padding: space.l, gap: space.l, maxWidth: 720, width: '100%', alignSelf: 'center' },
  body: { gap: space.l },
});
