import AsyncStorage from '@react-native-async-storage/async-storage';
import { act, fireEvent, screen, waitFor } from '@testing-library/react-native';
import { Pressable, Text } from 'react-native';

import { useSession } from '../api/session';
import type { FakeHandler } from '../test/fake-api';
import { renderScreen } from '../test/render';
import type { DevicePush, OpenedPush, PushToken } from './device-push-types';
import { devicePush as webPush } from './device-push.web';
import { PUSH_TOKEN_KEY, usePush } from './use-push';

// Each test passes its own device; the phone's own module (expo-notifications) is not loaded.
jest.mock('./device-push', () => ({ devicePush: null }));

const PHONE: PushToken = { token: 'ExponentPushToken[abc123]', platform: 'IOS' };

function fakeDevice(token: PushToken | null) {
  const handlers: {
    current?: { onReceived: () => void; onOpened: (opened: OpenedPush) => void };
  } = {};
  const device: DevicePush = {
    token: jest.fn(() => Promise.resolve(token)),
    listen: jest.fn((given) => {
      handlers.current = given;
      return () => {
        handlers.current = undefined;
      };
    }),
  };
  return { device, handlers };
}

function Harness({
  device,
  onOpenRoute,
}: {
  device: DevicePush;
  onOpenRoute: (route: string) => void;
}) {
  const { status, signOut } = useSession();
  usePush({ signedIn: status === 'signedIn', onOpenRoute, device });
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityLabel="Sign out"
      onPress={() => void signOut()}
    >
      <Text>{status}</Text>
    </Pressable>
  );
}

const ANSWERS: Record<string, FakeHandler> = {
  RegisterDevice: () => ({ data: { registerDevice: true } }),
  UnregisterDevice: () => ({ data: { unregisterDevice: true } }),
  SignOut: () => ({ data: { signOut: true } }),
  MarkNudgeRead: ({ id }) => ({ data: { markNudgeRead: { id, readAt: '2026-12-05T09:00:00Z' } } }),
};

async function render(
  device: DevicePush,
  handlers: Record<string, FakeHandler> = {},
  signedIn = true,
) {
  const onOpenRoute = jest.fn();
  const rendered = await renderScreen(<Harness device={device} onOpenRoute={onOpenRoute} />, {
    handlers: { ...ANSWERS, ...handlers },
    tokens: signedIn ? undefined : null,
  });
  await screen.findByText(signedIn ? 'signedIn' : 'signedOut');
  return { ...rendered, onOpenRoute };
}

describe('push', () => {
  beforeEach(() => AsyncStorage.clear());

  it('registers this device once the member allows notifications', async () => {
    const { device } = fakeDevice(PHONE);
    const { api } = await render(device);
    await waitFor(() => expect(api.callsOf('RegisterDevice')).toHaveLength(1));
    expect(api.callsOf('RegisterDevice')[0]).toMatchObject({
      variables: { token: 'ExponentPushToken[abc123]', platform: 'IOS' },
      authorization: 'Bearer access-1',
    });
    await waitFor(async () =>
      expect(await AsyncStorage.getItem(PUSH_TOKEN_KEY)).toBe('ExponentPushToken[abc123]'),
    );
  });

  it('registers nothing when the member says no to notifications', async () => {
    const { device } = fakeDevice(null);
    const { api } = await render(device);
    await waitFor(() => expect(device.token).toHaveBeenCalled());
    await act(() => Promise.resolve());
    expect(api.callsOf('RegisterDevice')).toHaveLength(0);
  });

  it('asks nothing before the member signs in', async () => {
    const { device } = fakeDevice(PHONE);
    await render(device, {}, false);
    expect(device.token).not.toHaveBeenCalled();
    expect(device.listen).not.toHaveBeenCalled();
  });

  it('unregisters the token on sign-out, while the tokens still work', async () => {
    const { device } = fakeDevice(PHONE);
    const { api, storage } = await render(device);
    await waitFor(async () => expect(await AsyncStorage.getItem(PUSH_TOKEN_KEY)).not.toBeNull());
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('signedOut')).toBeOnTheScreen();
    const names = api.calls.map((c) => c.operationName);
    expect(names.slice(-2)).toEqual(['UnregisterDevice', 'SignOut']);
    expect(api.callsOf('UnregisterDevice')[0]).toMatchObject({
      variables: { token: 'ExponentPushToken[abc123]' },
      authorization: 'Bearer access-1',
    });
    expect(storage.tokens).toBeNull();
    expect(await AsyncStorage.getItem(PUSH_TOKEN_KEY)).toBeNull();
  });

  it('signs out all the same when unregistering fails', async () => {
    const { device } = fakeDevice(PHONE);
    const { api, storage } = await render(device, { UnregisterDevice: () => 'network-error' });
    await waitFor(async () => expect(await AsyncStorage.getItem(PUSH_TOKEN_KEY)).not.toBeNull());
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('signedOut')).toBeOnTheScreen();
    expect(api.callsOf('UnregisterDevice')).toHaveLength(1);
    expect(storage.tokens).toBeNull();
  });

  it('unregisters nothing when no device was registered', async () => {
    const { device } = fakeDevice(null);
    const { api } = await render(device);
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('signedOut')).toBeOnTheScreen();
    expect(api.callsOf('UnregisterDevice')).toHaveLength(0);
  });

  it('marks a pressed notification read and opens what it links to', async () => {
    const { device, handlers } = fakeDevice(PHONE);
    const { api, onOpenRoute } = await render(device);
    await waitFor(() => expect(handlers.current).toBeDefined());
    act(() => handlers.current?.onOpened({ nudgeId: 'n1', link: { screen: 'SESSION', id: 's1' } }));
    expect(onOpenRoute).toHaveBeenCalledWith('/session/s1');
    await waitFor(() => expect(api.callsOf('MarkNudgeRead')).toHaveLength(1));
    expect(api.callsOf('MarkNudgeRead')[0]?.variables).toEqual({ id: 'n1' });

    act(() => handlers.current?.onOpened({ nudgeId: null, link: { screen: 'INBOX' } }));
    expect(onOpenRoute).toHaveBeenCalledTimes(1);
  });

  it('asks for the inbox again when a notification arrives, for the unread badge', async () => {
    const { device, handlers } = fakeDevice(PHONE);
    const { queryClient } = await render(device);
    await waitFor(() => expect(handlers.current).toBeDefined());
    const invalidate = jest.spyOn(queryClient, 'invalidateQueries');
    act(() => handlers.current?.onReceived());
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['MyInbox'] });
  });

  it('does nothing at all in the web build', async () => {
    await expect(webPush.token()).resolves.toBeNull();
    const stop = webPush.listen({ onReceived: jest.fn(), onOpened: jest.fn() });
    expect(stop()).toBeUndefined();
  });
});
