export interface Tokens {
  accessToken: string;
  refreshToken: string;
}

/** Where the sign-in tokens are kept between starts of the app (token-storage.ts, .web.ts). */
export interface TokenStorage {
  read(): Promise<Tokens | null>;
  write(tokens: Tokens): Promise<void>;
  clear(): Promise<void>;
}

export const TOKENS_KEY = 'kith.session';

export function parseTokens(raw: string | null): Tokens | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (
      typeof value === 'object' &&
      value !== null &&
      'accessToken' in value &&
      'refreshToken' in value &&
      typeof value.accessToken === 'string' &&
      typeof value.refreshToken === 'string'
    ) {
      return { accessToken: value.accessToken, refreshToken: value.refreshToken };
    }
  } catch {
    // A value we cannot read is as good as none: the member signs in again.
  }
  return null;
}
