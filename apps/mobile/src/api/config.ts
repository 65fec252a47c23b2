/** Where the Kith API answers; set EXPO_PUBLIC_API_URL at build time for anything but a laptop. */
export const API_URL: string = (process.env.EXPO_PUBLIC_API_URL ?? 'http://localhost:3000').replace(
  /\/+$/,
  '',
);
