import AsyncStorage from '@react-native-async-storage/async-storage';
import { screen } from '@testing-library/react-native';

import { useLanguage } from '../../i18n/language';
import { AppText } from '../../ui/app-text';
import { myNudgePreferences } from '../../test/fixtures-profile';
import { renderScreen } from '../../test/render';
import { useAdoptNudgeLanguage } from './use-nudge-language';

function Probe() {
  useAdoptNudgeLanguage();
  return <AppText>{`language: ${useLanguage().language}`}</AppText>;
}

describe('useAdoptNudgeLanguage', () => {
  beforeEach(() => AsyncStorage.clear());

  it("starts in the language of the member's messages when none was chosen on this phone", async () => {
    await renderScreen(<Probe />, {
      handlers: { MyNudgePreferences: () => myNudgePreferences({ language: 'es' }) },
    });
    expect(await screen.findByText('language: es')).toBeOnTheScreen();
  });

  it('never overrides a language chosen on this phone', async () => {
    await AsyncStorage.setItem('kith.language', 'en');
    const { api } = await renderScreen(<Probe />, {
      handlers: { MyNudgePreferences: () => myNudgePreferences({ language: 'es' }) },
    });
    expect(api.callsOf('MyNudgePreferences')).toHaveLength(1);
    expect(await screen.findByText('language: en')).toBeOnTheScreen();
    expect(await AsyncStorage.getItem('kith.language')).toBe('en');
  });
});
