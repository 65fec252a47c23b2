import type { DevicePlatform } from '../gql/graphql';
import type { NudgeLinkLike } from '../screens/inbox/nudge-link';

/** A device's push address, once the member has allowed notifications. */
export interface PushToken {
  token: string;
  platform: DevicePlatform;
}

/** A notification the member pressed: the nudge it carries and where it links. */
export interface OpenedPush {
  nudgeId: string | null;
  link: NudgeLinkLike | null;
}

/**
 * The phone's notifications, behind an interface: expo-notifications on a phone
 * (device-push.ts), nothing at all in a browser (device-push.web.ts), a fake in tests.
 */
export interface DevicePush {
  /** Asks permission if not yet asked; null when refused or where push cannot work. */
  token(): Promise<PushToken | null>;
  /** Calls back when a notification arrives or is pressed; returns how to stop. */
  listen(handlers: { onReceived: () => void; onOpened: (opened: OpenedPush) => void }): () => void;
}
