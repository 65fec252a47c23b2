import AsyncStorage from '@react-native-async-storage/async-storage';
import { act, fireEvent, render, screen } from '@testing-library/react-native';
import { Pressable, Text } from 'react-native';

import { LanguageProvider, useLanguage, useStrings, type Strings } from './language';

const strings: Strings<{ hello: string; places: (n: number) => string }> = {
  en: { hello: 'Hello', places: (n) => `${n} places left` },
  es: { hello: 'Hola', places: (n) => `Quedan ${n} plazas` },
};

function Greeting() {
  const t = useStrings(strings);
  const { setLanguage } = useLanguage();
  return (
    <Pressable accessibilityRole="button" onPress={() => setLanguage('es')}>
      <Text>{t.hello}</Text>
      <Text>{t.places(3)}</Text>
    </Pressable>
  );
}

describe('the app language', () => {
  beforeEach(() => AsyncStorage.clear());

  it('speaks English until the member chooses, then the language chosen, and keeps it', async () => {
    render(
      <LanguageProvider>
        <Greeting />
      </LanguageProvider>,
    );
    await act(() => Promise.resolve());
    expect(screen.getByText('Hello')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button'));
    expect(screen.getByText('Hola')).toBeOnTheScreen();
    expect(screen.getByText('Quedan 3 plazas')).toBeOnTheScreen();
    expect(await AsyncStorage.getItem('kith.language')).toBe('es');
  });

  it('starts in the language kept from before', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    render(
      <LanguageProvider>
        <Greeting />
      </LanguageProvider>,
    );
    expect(await screen.findByText('Hola')).toBeOnTheScreen();
  });
});
