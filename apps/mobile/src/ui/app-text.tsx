import { StyleSheet, Text, type TextProps } from 'react-native';

import { colours, fontSizes } from './theme';
import { useTextSize } from './text-size';

export type TextVariant = 'body' | 'heading' | 'title' | 'muted' | 'error';

const base = StyleSheet.create({
  body: { color: colours.text, fontWeight: '400' },
  heading: { color: colours.text, fontWeight: '700' },
  title: { color: colours.text, fontWeight: '700' },
  muted: { color: colours.muted, fontWeight: '400' },
  error: { color: colours.error, fontWeight: '700' },
});

const SIZE: Record<TextVariant, number> = {
  body: fontSizes.body,
  heading: fontSizes.heading,
  title: fontSizes.title,
  muted: fontSizes.body,
  error: fontSizes.body,
};

/** Text at the app's text size; the phone's own text size applies on top (allowFontScaling). */
export function AppText({
  variant = 'body',
  style,
  ...props
}: TextProps & { variant?: TextVariant }) {
  const { scale } = useTextSize();
  const size = SIZE[variant] * scale;
  return (
    <Text
      allowFontScaling
      accessibilityRole={variant === 'title' || variant === 'heading' ? 'header' : undefined}
      {...props}
      style={[base[variant], { fontSize: size, lineHeight: Math.round(size * 1.4) }, style]}
    />
  );
}
