import { parseTokens, TOKENS_KEY, type TokenStorage } from './tokens';

/** A browser has no keychain: the tokens live in localStorage. */
export const tokenStorage: TokenStorage = {
  read() {
    return Promise.resolve(parseTokens(globalThis.localStorage?.getItem(TOKENS_KEY) ?? null));
  },
  write(tokens) {
    globalThis.localStorage?.setItem(TOKENS_KEY, JSON.stringify(tokens));
    return Promise.resolve();
  },
  clear() {
    globalThis.localStorage?.removeItem(TOKENS_KEY);
    return Promise.resolve();
  },
};
