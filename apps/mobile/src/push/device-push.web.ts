import type { DevicePush } from './device-push-types';

/** The web build has no push: nothing is asked, registered or listened for. */
export const devicePush: DevicePush = {
  token: () => Promise.resolve(null),
  listen: () => () => undefined,
};
