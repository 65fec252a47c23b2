import * as Notifications from 'expo-notifications';

import { devicePush } from './device-push';

jest.mock('expo-device', () => ({ isDevice: true }));
jest.mock('expo-notifications', () => ({
  PermissionStatus: { GRANTED: 'granted', DENIED: 'denied' },
  AndroidImportance: { DEFAULT: 3 },
  getPermissionsAsync: jest.fn(),
  requestPermissionsAsync: jest.fn(),
  getExpoPushTokenAsync: jest.fn(() => Promise.resolve({ data: 'ExponentPushToken[xyz]' })),
  setNotificationChannelAsync: jest.fn(),
  setNotificationHandler: jest.fn(),
  addNotificationReceivedListener: jest.fn(() => ({ remove: jest.fn() })),
  addNotificationResponseReceivedListener: jest.fn(() => ({ remove: jest.fn() })),
  getLastNotificationResponseAsync: jest.fn(() => Promise.resolve(null)),
  clearLastNotificationResponseAsync: jest.fn(() => Promise.resolve()),
}));

const mocked = jest.mocked(Notifications);

function response(identifier: string, data: Record<string, unknown>) {
  return { notification: { request: { identifier, content: { data } } } };
}

describe('devicePush on a phone', () => {
  beforeEach(() => jest.clearAllMocks());

  it('asks permission when not yet given, then gives the Expo push token', async () => {
    mocked.getPermissionsAsync.mockResolvedValue({ status: 'undetermined' } as never);
    mocked.requestPermissionsAsync.mockResolvedValue({ status: 'granted' } as never);
    await expect(devicePush.token()).resolves.toEqual({
      token: 'ExponentPushToken[xyz]',
      platform: 'IOS',
    });
    expect(mocked.requestPermissionsAsync).toHaveBeenCalled();
  });

  it('gives no token when the member says no', async () => {
    mocked.getPermissionsAsync.mockResolvedValue({ status: 'denied' } as never);
    mocked.requestPermissionsAsync.mockResolvedValue({ status: 'denied' } as never);
    await expect(devicePush.token()).resolves.toBeNull();
    expect(mocked.getExpoPushTokenAsync).not.toHaveBeenCalled();
  });

  it('reads what a pressed notification carries, once, even when the app was closed', async () => {
    const pressed = response('p1', { nudgeId: 'n1', screen: 'SESSION', id: 's1' });
    mocked.getLastNotificationResponseAsync.mockResolvedValue(pressed as never);
    const onOpened = jest.fn();
    const stop = devicePush.listen({ onReceived: jest.fn(), onOpened });
    await Promise.resolve();
    await Promise.resolve();
    const listener = mocked.addNotificationResponseReceivedListener.mock.calls[0]?.[0];
    listener?.(pressed as never);
    listener?.(response('p2', { nudgeId: 'n2' }) as never);
    expect(onOpened.mock.calls).toEqual([
      [{ nudgeId: 'n1', link: { screen: 'SESSION', id: 's1' } }],
      [{ nudgeId: 'n2', link: null }],
    ]);
    stop();
  });
});
