import { fireEvent, screen } from '@testing-library/react-native';

import { renderScreen } from '../../test/render';
import { isProfileSetting, ProfileSettingScreen } from './profile-setting-screen';

describe('ProfileSettingScreen', () => {
  it('names the setting, says who can change it for now, and goes back', async () => {
    const onBack = jest.fn();
    await renderScreen(<ProfileSettingScreen setting="home" onBack={onBack} />);
    expect(screen.getByRole('header', { name: 'Your postcode' })).toBeOnTheScreen();
    expect(screen.getByText(/Your Kith coordinator can change it for you now/)).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Go back' }));
    expect(onBack).toHaveBeenCalled();
  });

  it('knows its settings', () => {
    expect(isProfileSetting('distance')).toBe(true);
    expect(isProfileSetting('toString')).toBe(false);
    expect(isProfileSetting(undefined)).toBe(false);
  });
});
