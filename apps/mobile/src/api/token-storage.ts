import * as SecureStore from 'expo-secure-store';

import { parseTokens, TOKENS_KEY, type TokenStorage } from './tokens';

/** On a phone the tokens live in the keychain or keystore; token-storage.web.ts is the browser's. */
export const tokenStorage: TokenStorage = {
  async read() {
    return parseTokens(await SecureStore.getItemAsync(TOKENS_KEY));
  },
  async write(tokens) {
    await SecureStore.setItemAsync(TOKENS_KEY, JSON.stringify(tokens));
  },
  async clear() {
    await SecureStore.deleteItemAsync(TOKENS_KEY);
  },
};
