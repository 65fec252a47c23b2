import AsyncStorage from '@react-native-async-storage/async-storage';
import { QueryClient } from '@tanstack/react-query';
import { act, fireEvent, renderRouter, screen, waitFor } from 'expo-router/testing-library';
import type { ReactNode } from 'react';

import ForYouRoute from '../../../app/(tabs)/index';
import OnboardingStepRoute from '../../../app/onboarding/[step]';
import OnboardingRoute from '../../../app/onboarding/index';
import ProfileSettingRoute from '../../../app/profile/[setting]';
import { createApiClient } from '../../api/client';
import { AppProviders } from '../../app-providers';
import { fakeApi, memoryStorage, type FakeHandler } from '../../test/fake-api';
import {
  GOALS,
  INTERESTS,
  myNudgePreferences,
  myProfile,
  savedProfile,
} from '../../test/fixtures-profile';
import { SIGNED_IN } from '../../test/render';

const NOTHING_YET = {
  data: {
    matchingAdvice: { needs: ['HOME'], travelRadiusMetres: null, unmetAccessNeeds: [] },
    recommendedSessions: [],
  },
};

/** The app's own routes for For you, onboarding and the profile, over a fake API. */
async function renderApp(handlers: Record<string, FakeHandler>, initialUrl = '/') {
  const api = fakeApi({
    ForYou: () => NOTHING_YET,
    InterestCatalogue: () => INTERESTS,
    GoalCatalogue: () => GOALS,
    MyNudgePreferences: () => myNudgePreferences(),
    UpdateMemberProfile: () => savedProfile(),
    ...handlers,
  });
  const apiClient = createApiClient({
    apiUrl: 'http://kith.test',
    storage: memoryStorage(SIGNED_IN),
    fetch: api.fetch,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  });
  function Wrapper({ children }: { children: ReactNode }) {
    return (
      <AppProviders apiClient={apiClient} queryClient={queryClient} persist={false}>
        {children}
      </AppProviders>
    );
  }
  const rendered = renderRouter(
    {
      index: ForYouRoute,
      'onboarding/index': OnboardingRoute,
      'onboarding/[step]': OnboardingStepRoute,
      'profile/[setting]': ProfileSettingRoute,
    },
    { initialUrl, wrapper: Wrapper },
  );
  await act(() => Promise.resolve());
  return { ...rendered, api };
}

describe('where a member is sent', () => {
  beforeEach(() => AsyncStorage.clear());

  it('takes a member who has not set up through onboarding, every step skippable, then to For you', async () => {
    const { getPathname, getRouterState, api } = await renderApp({
      MyProfile: () => myProfile({}),
    });
    expect(await screen.findByRole('header', { name: 'Welcome to Kith' })).toBeOnTheScreen();
    expect(getPathname()).toBe('/onboarding');
    fireEvent.press(screen.getByRole('button', { name: 'Start' }));
    expect(await screen.findByText('Step 1 of 7')).toBeOnTheScreen();
    expect(getPathname()).toBe('/onboarding/name');
    fireEvent.press(await screen.findByRole('button', { name: 'Save and go on' }));
    expect(await screen.findByText('Step 2 of 7')).toBeOnTheScreen();
    expect(api.callsOf('UpdateMemberProfile')[0]?.variables).toEqual({
      input: { displayName: 'Ada' },
    });
    for (const step of [3, 4, 5, 6, 7]) {
      fireEvent.press(await screen.findByRole('button', { name: 'Skip this for now' }));
      expect(await screen.findByText(`Step ${step} of 7`)).toBeOnTheScreen();
    }
    fireEvent.press(await screen.findByRole('button', { name: 'Skip this for now' }));
    expect(await screen.findByRole('header', { name: 'For you' })).toBeOnTheScreen();
    expect(getPathname()).toBe('/');
    // Onboarding is left behind: going back does not return to its steps.
    const stack = getRouterState()?.routes[0]?.state?.routes.map((r) => r.name);
    expect(stack).toEqual(['index']);
    expect(await AsyncStorage.getItem('kith.onboarding.seen.p1')).toBe('yes');
    // Only the name was saved: every other step was skipped.
    expect(api.callsOf('UpdateMemberProfile')).toHaveLength(1);
    // For you offers to come back to the home step.
    fireEvent.press(screen.getByRole('button', { name: 'Add your postcode' }));
    await waitFor(() => expect(getPathname()).toBe('/profile/home'));
  });

  it('lets the member put onboarding off, and does not send them again', async () => {
    const { getPathname, getRouterState } = await renderApp({ MyProfile: () => myProfile({}) });
    fireEvent.press(await screen.findByRole('button', { name: 'Not now' }));
    expect(await screen.findByRole('header', { name: 'For you' })).toBeOnTheScreen();
    expect(getPathname()).toBe('/');
    expect(getRouterState()?.routes[0]?.state?.routes.map((r) => r.name)).toEqual(['index']);
    expect(await AsyncStorage.getItem('kith.onboarding.seen.p1')).toBe('yes');
  });

  it('shows For you straight away to a member who has set up', async () => {
    const { getPathname, api } = await renderApp({
      MyProfile: () => myProfile({ hasHome: true, interests: [{ id: 'i1' }] }),
    });
    expect(await screen.findByRole('header', { name: 'For you' })).toBeOnTheScreen();
    await waitFor(() => expect(api.callsOf('MyProfile')).toHaveLength(1));
    await act(() => AsyncStorage.getItem('kith.onboarding.seen.p1'));
    expect(getPathname()).toBe('/');
  });
});
