import { onlineManager, QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import AsyncStorage from '@react-native-async-storage/async-storage';

import { gqlError, type FakeAnswer } from '../../test/fake-api';
import { session } from '../../test/fixtures';
import { savedProfile } from '../../test/fixtures-profile';
import { renderScreen } from '../../test/render';
import { ForYouScreen } from './for-you-screen';

const SUGGESTIONS = {
  data: {
    matchingAdvice: { needs: [], travelRadiusMetres: null, unmetAccessNeeds: [] },
    recommendedSessions: [
      {
        score: 0.9,
        reasons: [
          { code: 'SHARED_INTERESTS', text: 'You like gardening' },
          { code: 'NEARBY', text: 'It is a short walk from home' },
        ],
        session: session('s1', 'Garden club'),
      },
      { score: 0.5, reasons: [], session: session('s2', 'Coffee morning', { placesLeft: 0 }) },
    ],
  },
};

function emptyWith(
  needs: string[],
  advice: { travelRadiusMetres?: number; unmetAccessNeeds?: string[] } = {},
): FakeAnswer {
  return {
    data: {
      matchingAdvice: {
        needs,
        travelRadiusMetres: advice.travelRadiusMetres ?? null,
        unmetAccessNeeds: advice.unmetAccessNeeds ?? [],
      },
      recommendedSessions: [],
    },
  };
}

describe('ForYouScreen', () => {
  beforeEach(() => AsyncStorage.clear());

  it('shows each suggestion with when, where, places and the reasons in plain words', async () => {
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => SUGGESTIONS },
    });
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(screen.getAllByText('Tuesday 8 December, 10:30am to 12:00pm')).toHaveLength(2);
    expect(screen.getAllByText('St Mary’s Hall, under 500 m from you')).toHaveLength(2);
    expect(screen.getByText('4 places left')).toBeOnTheScreen();
    expect(screen.getByText('• You like gardening')).toBeOnTheScreen();
    expect(screen.getByText('• It is a short walk from home')).toBeOnTheScreen();
    expect(screen.getByText('It is full. You can join the waiting list.')).toBeOnTheScreen();
  });

  it('opens a suggestion’s session when it is pressed', async () => {
    const onOpenSession = jest.fn();
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} onOpenSession={onOpenSession} />, {
      handlers: { ForYou: () => SUGGESTIONS },
    });
    fireEvent.press(await screen.findByRole('button', { name: /^Garden club/ }));
    expect(onOpenSession).toHaveBeenCalledWith('s1');
  });

  it('shows that it is loading while it waits', async () => {
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => new Promise<FakeAnswer>(() => undefined) },
    });
    expect(screen.getByLabelText('Finding things for you')).toBeOnTheScreen();
  });

  it('explains an empty list with what would help, and opens that setting', async () => {
    const onOpenSetting = jest.fn();
    await renderScreen(<ForYouScreen onOpenSetting={onOpenSetting} />, {
      handlers: { ForYou: () => emptyWith(['HOME', 'INTERESTS']) },
    });
    expect(await screen.findByText('We cannot suggest anything yet')).toBeOnTheScreen();
    expect(screen.getByText(/We do not know where you live yet/)).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Add your postcode' }));
    expect(onOpenSetting).toHaveBeenLastCalledWith('home');
    fireEvent.press(screen.getByRole('button', { name: 'Choose what you enjoy' }));
    expect(onOpenSetting).toHaveBeenLastCalledWith('interests');
  });

  it.each([
    ['RADIUS', 'Change how far you will go', 'distance'],
    ['ACCESS_NEEDS', 'Check your access needs', 'access'],
    ['AVAILABILITY', 'Change when you are free', 'times'],
  ])('opens the setting that would help with %s', async (need, label, setting) => {
    const onOpenSetting = jest.fn();
    await renderScreen(<ForYouScreen onOpenSetting={onOpenSetting} />, {
      handlers: { ForYou: () => emptyWith([need]) },
    });
    fireEvent.press(await screen.findByRole('button', { name: label }));
    expect(onOpenSetting).toHaveBeenCalledWith(setting);
  });

  it('offers the radius that would reach a session, and saves it in one tap', async () => {
    let answer = emptyWith(['RADIUS'], { travelRadiusMetres: 2000 });
    const { api } = await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: {
        ForYou: () => answer,
        UpdateMemberProfile: () => savedProfile({ travelRadiusMetres: 2000 }),
      },
    });
    expect(
      await screen.findByText(
        'There is nothing close enough to you. If you travel up to 2 km, there is.',
      ),
    ).toBeOnTheScreen();
    answer = SUGGESTIONS;
    fireEvent.press(screen.getByRole('button', { name: 'Travel up to 2 km' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(api.callsOf('UpdateMemberProfile').map((c) => c.variables)).toEqual([
      { input: { travelRadiusMetres: 2000 } },
    ]);
  });

  it('says so when the wider radius could not be saved', async () => {
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: {
        ForYou: () => emptyWith(['RADIUS'], { travelRadiusMetres: 1500 }),
        UpdateMemberProfile: () => 'network-error',
      },
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Travel up to 1.5 km' }));
    expect(await screen.findByText(/Check that you are online/)).toBeOnTheScreen();
  });

  it('names the access needs nothing nearby meets, in plain words', async () => {
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: {
        ForYou: () =>
          emptyWith(['ACCESS_NEEDS'], { unmetAccessNeeds: ['HEARING_LOOP', 'QUIET_SPACE'] }),
      },
    });
    expect(
      await screen.findByText(/The nearest places do not have: a hearing loop and a quiet space\./),
    ).toBeOnTheScreen();
  });

  it.each([
    ['FULL', /Everything near you that suits you is full right now/],
    ['ALL_BOOKED', /You already have a place at everything near you/],
    ['NO_SESSIONS_NEARBY', /Kith has very little near you yet/],
  ])('explains %s and offers to check again', async (need, text) => {
    const { api } = await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => emptyWith([need]) },
    });
    expect(await screen.findByText(text)).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(api.callsOf('ForYou')).toHaveLength(2));
  });

  it('notes gently above the list when nothing is at the times they are free', async () => {
    const onOpenSetting = jest.fn();
    await renderScreen(<ForYouScreen onOpenSetting={onOpenSetting} />, {
      handlers: {
        ForYou: () => ({
          data: {
            ...SUGGESTIONS.data,
            matchingAdvice: {
              needs: ['AVAILABILITY'],
              travelRadiusMetres: null,
              unmetAccessNeeds: [],
            },
          },
        }),
      },
    });
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(
      screen.getByText('None of these are at the times you said you are free.'),
    ).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Change when you are free' }));
    expect(onOpenSetting).toHaveBeenCalledWith('times');
  });

  it('gives a general line for a need it does not know yet', async () => {
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => emptyWith(['SOMETHING_NEW']) },
    });
    expect(await screen.findByText(/Your Kith coordinator can help/)).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Check again' })).toBeOnTheScreen();
  });

  it('speaks Spanish when the member chose it', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => SUGGESTIONS },
    });
    expect(await screen.findByRole('header', { name: 'Para ti' })).toBeOnTheScreen();
    expect(await screen.findByText('Quedan 4 plazas')).toBeOnTheScreen();
    expect(screen.getAllByText('martes, 8 de diciembre, de 10:30 a 12:00')).toHaveLength(2);
  });

  it('says to come back when nothing is on and nothing is missing, and checks again', async () => {
    const { api } = await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => emptyWith([]) },
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Check again' }));
    expect(screen.getByText('Nothing new near you right now')).toBeOnTheScreen();
    await waitFor(() => expect(api.callsOf('ForYou')).toHaveLength(2));
  });

  it('says what went wrong and tries again', async () => {
    let answer = gqlError('INTERNAL_SERVER_ERROR');
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => answer },
    });
    expect(await screen.findByText(/Please try again in a few minutes/)).toBeOnTheScreen();
    answer = SUGGESTIONS;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
  });

  it('says it is offline when there is nothing kept to show', async () => {
    onlineManager.setOnline(false);
    const { api } = await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => SUGGESTIONS },
    });
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
    expect(api.calls).toHaveLength(0);
  });

  it('shows what was kept from before when offline, and says so', async () => {
    const queryClient = new QueryClient({
      defaultOptions: { queries: { retry: false, gcTime: Infinity } },
    });
    queryClient.setQueryData(['ForYou', { first: 10 }], SUGGESTIONS.data);
    onlineManager.setOnline(false);
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, { queryClient });
    expect(screen.getByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByText(/You are offline. This is from/)).toBeOnTheScreen();
  });
});
