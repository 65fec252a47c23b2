import { StyleSheet, TextInput, View, type TextInputProps } from 'react-native';

import { AppText } from './app-text';
import { colours, fontSizes, space, TOUCH_MIN } from './theme';
import { useTextSize } from './text-size';

interface TextFieldProps extends Pick<
  TextInputProps,
  | 'value'
  | 'onChangeText'
  | 'keyboardType'
  | 'autoComplete'
  | 'textContentType'
  | 'autoCapitalize'
  | 'onSubmitEditing'
  | 'inputMode'
> {
  label: string;
  /** What to type, said before the field (e.g. "We will send a code to it"). */
  help?: string;
  /** What went wrong and what to do next; shown under the field and read out. */
  error?: string;
  testID?: string;
}

export function TextField({ label, help, error, testID, ...input }: TextFieldProps) {
  const { scale } = useTextSize();
  return (
    <View style={styles.field}>
      <AppText variant="heading" nativeID={`${testID ?? label}-label`}>
        {label}
      </AppText>
      {help ? <AppText variant="muted">{help}</AppText> : null}
      <TextInput
        {...input}
        testID={testID}
        accessibilityLabel={label}
        accessibilityHint={error ?? help}
        accessibilityLabelledBy={`${testID ?? label}-label`}
        autoCorrect={false}
        allowFontScaling
        style={[
          styles.input,
          { fontSize: fontSizes.input * scale },
          error ? styles.inputError : null,
        ]}
      />
      {error ? (
        <AppText variant="error" accessibilityLiveRegion="polite" accessibilityRole="alert">
          {error}
        </AppText>
      ) : null}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { gap: space.s },
  input: {
    minHeight: TOUCH_MIN,
    borderWidth: 2,
    borderColor: colours.border,
    borderRadius: 8,
    paddingHorizontal: space.m,
    color: colours.text,
    backgroundColor: colours.background,
  },
  inputError: { borderColor: colours.error, borderWidth: 3 },
});
