import type * as ExpoSdk from 'expo-server-sdk';
import type { Expo, ExpoClientOptions } from 'expo-server-sdk';

/**
 * The Expo client, pointed at `baseUrl`. expo-server-sdk reads its base URL from EXPO_BASE_URL
 * once, when it is first loaded (Expo keeps that for testing against a local push service; so do
 * we: tests point it at a fake). So it is loaded here, lazily, after the variable is set, and it
 * is checked: a client already loaded for another URL is refused rather than used.
 */
export function expoClient(baseUrl: string, options: Partial<ExpoClientOptions>): Expo {
  return new (expoSdk(baseUrl).Expo)(options);
}

/** The SDK module, loaded for `baseUrl` (see expoClient). */
export function expoSdk(baseUrl: string): typeof ExpoSdk {
  process.env.EXPO_BASE_URL = baseUrl;
  /* eslint-disable @typescript-eslint/no-require-imports */
  const values = require('expo-server-sdk/build/ExpoClientValues') as { sendApiUrl: string };
  const sdk = require('expo-server-sdk') as typeof ExpoSdk;
  /* eslint-enable @typescript-eslint/no-require-imports */
  if (!values.sendApiUrl.startsWith(`${baseUrl}/`))
    throw new Error(
      `expo-server-sdk was loaded for ${values.sendApiUrl} before it could be pointed at ${baseUrl}`,
    );
  return sdk;
}
