import AsyncStorage from '@react-native-async-storage/async-storage';
import { onlineManager } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { AppText } from '../../ui/app-text';
import { myProfile } from '../../test/fixtures-profile';
import { renderScreen } from '../../test/render';
import { markOnboardingSeen, useEndOnboarding, useNeedsOnboarding } from './onboarding-state';
import { WelcomeScreen } from './welcome-screen';

function Needs() {
  const needs = useNeedsOnboarding();
  return <AppText>{`needs: ${String(needs)}`}</AppText>;
}

function End({ then }: { then: () => void }) {
  const end = useEndOnboarding(then);
  return <AppText onPress={end}>end</AppText>;
}

describe('onboarding', () => {
  beforeEach(() => AsyncStorage.clear());

  it('welcomes the member, says every step can be skipped, and starts or puts it off', async () => {
    const onStart = jest.fn();
    const onNotNow = jest.fn();
    await renderScreen(<WelcomeScreen onStart={onStart} onNotNow={onNotNow} />);
    expect(screen.getByRole('header', { name: 'Welcome to Kith' })).toBeOnTheScreen();
    expect(screen.getByText(/7 short questions, one at a time/)).toBeOnTheScreen();
    expect(screen.getByText(/You can skip any question/)).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Start' }));
    expect(onStart).toHaveBeenCalled();
    fireEvent.press(screen.getByRole('button', { name: 'Not now' }));
    expect(onNotNow).toHaveBeenCalled();
  });

  it.each([
    ['no home', { hasHome: false, interests: [{ id: 'i1' }] }, true],
    ['no interests', { hasHome: true, interests: [] }, true],
    ['no member profile', null, true],
    ['a home and interests', { hasHome: true, interests: [{ id: 'i1' }] }, false],
  ])('decides for a member with %s whether to onboard', async (_case, profile, expected) => {
    await renderScreen(<Needs />, { handlers: { MyProfile: () => myProfile(profile) } });
    expect(await screen.findByText(`needs: ${String(expected)}`)).toBeOnTheScreen();
  });

  it('does not send them again once they have been through it on this phone', async () => {
    await markOnboardingSeen('p1');
    await renderScreen(<Needs />, { handlers: { MyProfile: () => myProfile({ hasHome: false }) } });
    expect(await screen.findByText('needs: false')).toBeOnTheScreen();
  });

  it('sends nobody there on a guess while offline with nothing kept', async () => {
    onlineManager.setOnline(false);
    await renderScreen(<Needs />);
    expect(screen.getByText('needs: undefined')).toBeOnTheScreen();
  });

  it('remembers the end of onboarding for this member, then goes on', async () => {
    const then = jest.fn();
    await renderScreen(
      <>
        <End then={then} />
        <Needs />
      </>,
      { handlers: { MyProfile: () => myProfile({}) } },
    );
    // Once the profile is read, the member is known.
    expect(await screen.findByText('needs: true')).toBeOnTheScreen();
    fireEvent.press(screen.getByText('end'));
    await waitFor(() => expect(then).toHaveBeenCalled());
    expect(await AsyncStorage.getItem('kith.onboarding.seen.p1')).toBe('yes');
  });
});
