import AsyncStorage from '@react-native-async-storage/async-storage';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';

import { useApiClient } from '../api/api-client-context';
import { useSession } from '../api/session';
import {
  MarkNudgeReadDocument,
  RegisterDeviceDocument,
  UnregisterDeviceDocument,
} from '../gql/graphql';
import { routeOfLink } from '../screens/inbox/nudge-link';
import { INBOX_KEY } from '../screens/inbox/use-inbox';
import { devicePush } from './device-push';
import type { DevicePush } from './device-push-types';

/** The token this device registered, so signing out can unregister it. */
export const PUSH_TOKEN_KEY = 'kith.pushToken';

/** Unregistering may take this long before signing out goes ahead without it. */
export const UNREGISTER_WAIT_MS = 5000;

function within<T>(ms: number, work: Promise<T>): Promise<T | undefined> {
  return new Promise<T | undefined>((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Push for the signed-in member: registers this device with Kith once they allow notifications,
 * unregisters it as they sign out (while the tokens still work), keeps the inbox badge current
 * when a notification arrives, and opens what a pressed notification links to.
 */
export function usePush({
  signedIn,
  onOpenRoute,
  device = devicePush,
}: {
  signedIn: boolean;
  onOpenRoute: (route: string) => void;
  device?: DevicePush;
}): void {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const { onBeforeSignOut } = useSession();

  useEffect(() => {
    if (!signedIn) return;
    let live = true;
    void (async () => {
      try {
        const push = await device.token();
        if (!push || !live) return;
        await client.request(RegisterDeviceDocument, push);
        await AsyncStorage.setItem(PUSH_TOKEN_KEY, push.token);
      } catch {
        // Push is extra: every message is in the inbox too. It is tried again at the next start.
      }
    })();
    return () => {
      live = false;
    };
  }, [signedIn, client, device]);

  useEffect(
    () =>
      onBeforeSignOut(async () => {
        const token = await AsyncStorage.getItem(PUSH_TOKEN_KEY);
        if (!token) return;
        await AsyncStorage.removeItem(PUSH_TOKEN_KEY);
        await within(UNREGISTER_WAIT_MS, client.request(UnregisterDeviceDocument, { token }));
      }),
    [onBeforeSignOut, client],
  );

  useEffect(() => {
    if (!signedIn) return;
    const refreshInbox = () => void queryClient.invalidateQueries({ queryKey: INBOX_KEY });
    return device.listen({
      onReceived: refreshInbox,
      onOpened: ({ nudgeId, link }) => {
        if (nudgeId) {
          client.request(MarkNudgeReadDocument, { id: nudgeId }).then(refreshInbox, refreshInbox);
        }
        const route = routeOfLink(link);
        if (route) onOpenRoute(route);
      },
    });
  }, [signedIn, device, client, queryClient, onOpenRoute]);
}
