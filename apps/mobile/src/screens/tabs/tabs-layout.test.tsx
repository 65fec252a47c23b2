import AsyncStorage from '@react-native-async-storage/async-storage';
import { QueryClient } from '@tanstack/react-query';
import { act, renderRouter, screen } from 'expo-router/testing-library';
import type { ReactNode } from 'react';
import { Text } from 'react-native';

import TabsLayout from '../../../app/(tabs)/_layout';
import { createApiClient } from '../../api/client';
import { AppProviders } from '../../app-providers';
import { fakeApi, memoryStorage } from '../../test/fake-api';
import { inboxPage, nudge } from '../../test/fixtures';
import { SIGNED_IN } from '../../test/render';

async function renderTabs() {
  const api = fakeApi({ MyInbox: () => inboxPage([nudge('n1', 'Garden club tomorrow')], 2) });
  const apiClient = createApiClient({
    apiUrl: 'http://kith.test',
    storage: memoryStorage(SIGNED_IN),
    fetch: api.fetch,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <AppProviders apiClient={apiClient} queryClient={queryClient} persist={false}>
        {children}
      </AppProviders>
    );
  }
  const page = (name: string) =>
    function Page() {
      return <Text>{name}</Text>;
    };
  renderRouter(
    {
      '(tabs)/_layout': TabsLayout,
      '(tabs)/index': page('for you page'),
      '(tabs)/find': page('find page'),
      '(tabs)/bookings': page('bookings page'),
      '(tabs)/inbox': page('inbox page'),
      '(tabs)/more': page('more page'),
    },
    { initialUrl: '/', wrapper: Wrapper },
  );
  await act(() => Promise.resolve());
}

describe('the tabs', () => {
  beforeEach(() => AsyncStorage.clear());

  it('names the five tabs, the inbox with its unread count', async () => {
    await renderTabs();
    expect(await screen.findByText('for you page')).toBeOnTheScreen();
    expect(screen.getByText('For you')).toBeOnTheScreen();
    expect(screen.getByText('Find')).toBeOnTheScreen();
    expect(screen.getByText('Booked')).toBeOnTheScreen();
    expect(screen.getByText('More')).toBeOnTheScreen();
    expect(await screen.findByLabelText('Inbox 2 new')).toBeOnTheScreen();
    expect(screen.getByLabelText('Booked: my bookings')).toBeOnTheScreen();
  });

  it('names them in Spanish when the member chose it', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    await renderTabs();
    expect(await screen.findByText('Para ti')).toBeOnTheScreen();
    expect(screen.getByText('Buscar')).toBeOnTheScreen();
    expect(screen.getByText('Reservas')).toBeOnTheScreen();
    expect(screen.getByText('Más')).toBeOnTheScreen();
    expect(await screen.findByLabelText('Buzón 2 nuevos')).toBeOnTheScreen();
  });
});
