import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react-native';
import { router } from 'expo-router';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { renderScreen } from '../../test/render';
import { MoreScreen } from './more-screen';

jest.mock('expo-router', () => ({ router: { push: jest.fn() } }));

function menu(roles: string[], helperProfile: { status: string } | null, due = 0): FakeAnswer {
  return {
    data: {
      me: { id: 'me', roles: roles.map((role) => ({ role })), helperProfile },
      pendingSurveys: Array.from({ length: due }, (_, i) => ({
        dueOn: '2026-12-01T00:00:00.000Z',
        instrument: { id: `i${i}` },
      })),
    },
  };
}

function render(handler: FakeHandler) {
  return renderScreen(<MoreScreen />, { handlers: { MoreMenu: handler } });
}

function labels() {
  return screen.getAllByRole('button').map((b) => b.props.accessibilityLabel as string);
}

describe('MoreScreen', () => {
  beforeEach(() => jest.mocked(router.push).mockClear());

  it('offers time to a member who does not help, and says how many surveys are due', async () => {
    await render(() => menu(['MEMBER'], null, 2));
    expect(
      await screen.findByRole('button', { name: 'Questions for you (2 to answer)' }),
    ).toBeOnTheScreen();
    expect(labels()).toEqual([
      'My people',
      'Help',
      'Offer your time',
      'Questions for you (2 to answer)',
      'Settings',
    ]);
    fireEvent.press(screen.getByRole('button', { name: 'Offer your time' }));
    expect(router.push).toHaveBeenCalledWith('/helping/offer');
  });

  it('shows Helping to a helper, or to someone who offered and waits for a check', async () => {
    const helper = await render(() => menu(['MEMBER', 'HELPER'], null));
    fireEvent.press(await screen.findByRole('button', { name: 'Helping' }));
    expect(router.push).toHaveBeenCalledWith('/helping');
    expect(screen.getByRole('button', { name: 'Questions for you' })).toBeOnTheScreen();
    helper.unmount();
    await render(() => menu(['MEMBER'], { status: 'PENDING' }));
    expect(await screen.findByRole('button', { name: 'Helping' })).toBeOnTheScreen();
  });

  it('opens each entry', async () => {
    await render(() => menu(['MEMBER'], null));
    await screen.findByRole('button', { name: 'Offer your time' });
    for (const [label, href] of [
      ['My people', '/people'],
      ['Help', '/help'],
      ['Questions for you', '/surveys'],
      ['Settings', '/settings'],
    ]) {
      fireEvent.press(screen.getByRole('button', { name: label }));
      expect(router.push).toHaveBeenLastCalledWith(href);
    }
  });

  it('still lists everything while loading, offline or when Kith fails', async () => {
    const loading = await render(() => new Promise<FakeAnswer>(() => undefined));
    expect(labels()).toEqual(['My people', 'Help', 'Helping', 'Questions for you', 'Settings']);
    loading.unmount();
    const failing = await render(() => gqlError('INTERNAL_SERVER_ERROR'));
    expect(labels()).toContain('Helping');
    failing.unmount();
    onlineManager.setOnline(false);
    await render(() => menu(['MEMBER'], null));
    expect(labels()).toContain('Settings');
  });
});
