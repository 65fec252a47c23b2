import AsyncStorage from '@react-native-async-storage/async-storage';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, renderRouter, screen } from 'expo-router/testing-library';
import { Slot } from 'expo-router';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { Pressable, Text } from 'react-native';

import type { Tokens } from '../api/tokens';
import { createApiClient } from '../api/client';
import { useSession } from '../api/session';
import { AppProviders } from '../app-providers';
import { fakeApi, memoryStorage } from '../test/fake-api';
import { SIGNED_IN } from '../test/render';
import { RootStack } from './root-stack';

// Push has its own tests; here it would reach for a phone's notifications.
jest.mock('../push/use-push', () => ({ usePush: () => undefined }));

/** The tabs' own layout has its own test: here it only holds the tab pages. */
function TabsStub() {
  return <Slot />;
}

const APP_DIR = path.join(__dirname, '../../app');

/** Every route file of the app, as expo-router names it: "people/index", "met/[sessionId]", … */
function appRoutes(dir = APP_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return appRoutes(full);
    if (!entry.name.endsWith('.tsx')) return [];
    return [path.relative(APP_DIR, full).replace(/\.tsx$/, '')];
  });
}

const ROUTES = appRoutes()
  .filter((route) => !route.endsWith('_layout'))
  .sort();
const SIGNED_OUT_ROUTES = ROUTES.filter((route) => route.startsWith('sign-in/'));
const SIGNED_IN_ROUTES = ROUTES.filter((route) => !SIGNED_OUT_ROUTES.includes(route));

/** The address a link to the route would have: groups and "index" dropped, a made-up id. */
function urlOf(route: string): string {
  const parts = route
    .split('/')
    .filter((part) => !/^\(.*\)$/.test(part) && part !== 'index')
    .map((part) => part.replace(/^\[.+\]$/, 'x1'));
  return `/${parts.join('/')}`;
}

/** The root stack over every route of the app, each a page that says which route it is. */
async function renderApp(initialUrl: string, tokens: Tokens | null) {
  const api = fakeApi({ SignOut: () => ({ data: { signOut: true } }) });
  const apiClient = createApiClient({
    apiUrl: 'http://kith.test',
    storage: memoryStorage(tokens),
    fetch: api.fetch,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity } },
  });
  function Root() {
    return (
      <AppProviders apiClient={apiClient} queryClient={queryClient} persist={false}>
        <RootStack />
      </AppProviders>
    );
  }
  const pages = Object.fromEntries(
    ROUTES.map((route) => [
      route,
      function Page() {
        const { signOut } = useSession();
        return (
          <>
            <Text>{`page ${route}`}</Text>
            <Pressable accessibilityRole="button" onPress={() => void signOut()}>
              <Text>Sign out</Text>
            </Pressable>
          </>
        );
      },
    ]),
  );
  const rendered = renderRouter(
    { _layout: Root, '(tabs)/_layout': TabsStub, ...pages },
    { initialUrl },
  );
  await act(() => Promise.resolve());
  return rendered;
}

describe('the root stack', () => {
  beforeEach(() => AsyncStorage.clear());

  it('finds the routes it guards among the app’s files', () => {
    expect(SIGNED_IN_ROUTES).toEqual(
      expect.arrayContaining([
        '(tabs)/index',
        'people/index',
        'people/introductions',
        'met/[sessionId]',
        'help/index',
        'help/ask',
        'helping/index',
        'helping/offer',
        'surveys/index',
        'surveys/[instrumentId]',
        'session/[id]',
        'onboarding/index',
        'onboarding/[step]',
      ]),
    );
    expect(SIGNED_OUT_ROUTES).toEqual(['sign-in/code', 'sign-in/index']);
  });

  it.each(SIGNED_IN_ROUTES.map((route) => [urlOf(route), route]))(
    'sends a signed-out link to %s to sign-in',
    async (url) => {
      const { getPathname } = await renderApp(url, null);
      expect(await screen.findByText('page sign-in/index')).toBeOnTheScreen();
      expect(getPathname()).toBe('/sign-in');
    },
  );

  it.each(SIGNED_IN_ROUTES.map((route) => [urlOf(route), route]))(
    'opens %s for a signed-in member',
    async (url, route) => {
      const { getPathname } = await renderApp(url, SIGNED_IN);
      expect(await screen.findByText(`page ${route}`)).toBeOnTheScreen();
      expect(getPathname()).toBe(url);
    },
  );

  it.each(SIGNED_OUT_ROUTES.map((route) => [urlOf(route), route]))(
    'sends a signed-in member opening %s to For you',
    async (url) => {
      const { getPathname } = await renderApp(url, SIGNED_IN);
      expect(await screen.findByText('page (tabs)/index')).toBeOnTheScreen();
      expect(getPathname()).toBe('/');
    },
  );

  it('takes a member who signs out on a People screen to sign-in', async () => {
    const { getPathname } = await renderApp('/people/introductions', SIGNED_IN);
    expect(await screen.findByText('page people/introductions')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByText('page sign-in/index')).toBeOnTheScreen();
    expect(getPathname()).toBe('/sign-in');
    expect(screen.queryByText('page people/introductions')).toBeNull();
  });
});
