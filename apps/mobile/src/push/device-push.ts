import Constants from 'expo-constants';
import * as Device from 'expo-device';
import * as Notifications from 'expo-notifications';
import { Platform } from 'react-native';

import type { DevicePush, OpenedPush } from './device-push-types';

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Kith's push carries `{ nudgeId, screen, id }` (the API's PushSender). */
function openedOf(response: Notifications.NotificationResponse): OpenedPush {
  const data = response.notification.request.content.data ?? {};
  const screen = text(data.screen);
  return { nudgeId: text(data.nudgeId), link: screen ? { screen, id: text(data.id) } : null };
}

function projectId(): string | undefined {
  const eas = Constants.expoConfig?.extra?.eas as { projectId?: unknown } | undefined;
  const build = Constants.easConfig as { projectId?: unknown } | null | undefined;
  return text(eas?.projectId) ?? text(build?.projectId) ?? undefined;
}

/** Expo push on a phone: the API sends through Expo's push service. */
export const devicePush: DevicePush = {
  async token() {
    // Simulators and emulators get no push token.
    if (!Device.isDevice) return null;
    if (Platform.OS === 'android') {
      await Notifications.setNotificationChannelAsync('default', {
        name: 'Kith',
        importance: Notifications.AndroidImportance.DEFAULT,
      });
    }
    let { status } = await Notifications.getPermissionsAsync();
    if (status !== Notifications.PermissionStatus.GRANTED) {
      ({ status } = await Notifications.requestPermissionsAsync());
    }
    if (status !== Notifications.PermissionStatus.GRANTED) return null;
    const id = projectId();
    const { data } = await Notifications.getExpoPushTokenAsync(id ? { projectId: id } : {});
    return { token: data, platform: Platform.OS === 'ios' ? 'IOS' : 'ANDROID' };
  },

  listen({ onReceived, onOpened }) {
    // Shown while the app is open too, as the member would expect.
    Notifications.setNotificationHandler({
      handleNotification: () =>
        Promise.resolve({
          shouldShowBanner: true,
          shouldShowList: true,
          shouldPlaySound: true,
          shouldSetBadge: false,
        }),
    });
    const handled = new Set<string>();
    const open = (response: Notifications.NotificationResponse) => {
      const key = response.notification.request.identifier;
      if (handled.has(key)) return;
      handled.add(key);
      onOpened(openedOf(response));
      void Notifications.clearLastNotificationResponseAsync();
    };
    const received = Notifications.addNotificationReceivedListener(() => onReceived());
    const pressed = Notifications.addNotificationResponseReceivedListener(open);
    // Pressed while the app was closed: the response is waiting for us.
    void Notifications.getLastNotificationResponseAsync().then((last) => {
      if (last) open(last);
    });
    return () => {
      received.remove();
      pressed.remove();
    };
  },
};
