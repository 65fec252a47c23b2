import { onlineManager } from '@tanstack/react-query';

import { watchConnection } from './watch-connection.web';

describe('watchConnection on the web', () => {
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'navigator');
    onlineManager.setOnline(true);
  });

  const browser = (onLine: boolean) =>
    Object.defineProperty(globalThis, 'navigator', { configurable: true, value: { onLine } });

  it('starts offline when the browser is, so the app says so at once', () => {
    browser(false);
    watchConnection();
    expect(onlineManager.isOnline()).toBe(false);
    browser(true);
    watchConnection();
    expect(onlineManager.isOnline()).toBe(true);
  });
});
