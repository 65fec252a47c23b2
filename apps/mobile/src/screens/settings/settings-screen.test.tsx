import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { useSession } from '../../api/session';
import { AppText } from '../../ui/app-text';
import { renderScreen } from '../../test/render';
import { SettingsScreen } from './settings-screen';

function SessionStatus() {
  return <AppText>{`status: ${useSession().status}`}</AppText>;
}

describe('SettingsScreen', () => {
  it('makes all text larger with the text size setting', async () => {
    await renderScreen(<SettingsScreen />);
    const title = () => screen.getByRole('header', { name: 'Settings' });
    expect(title()).toHaveStyle({ fontSize: 28 });
    expect(screen.getByRole('radio', { name: 'Standard text' })).toBeChecked();
    fireEvent.press(screen.getByRole('radio', { name: 'Largest text' }));
    expect(screen.getByRole('radio', { name: 'Largest text' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Standard text' })).not.toBeChecked();
    expect(title()).toHaveStyle({ fontSize: 42 });
  });

  it('signs out: tells the API, forgets the tokens and the kept data', async () => {
    const { api, storage, queryClient } = await renderScreen(
      <>
        <SettingsScreen />
        <SessionStatus />
      </>,
      { handlers: { SignOut: () => ({ data: { signOut: true } }) } },
    );
    queryClient.setQueryData(['MyBookings', { upcoming: true }], { myBookings: [] });
    expect(screen.getByText('status: signedIn')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('status: signedOut')).toBeOnTheScreen();
    expect(api.callsOf('SignOut')[0]?.authorization).toBe('Bearer access-1');
    expect(storage.tokens).toBeNull();
    await waitFor(() => expect(queryClient.getQueryCache().getAll()).toHaveLength(0));
  });

  it('signs out on this phone even with no signal', async () => {
    const { storage } = await renderScreen(<SettingsScreen />, {
      handlers: { SignOut: () => 'network-error' },
    });
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    await waitFor(() => expect(storage.tokens).toBeNull());
  });
});
