import { onlineManager, QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { gqlError, type FakeAnswer } from '../../test/fake-api';
import { session } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { ForYouScreen } from './for-you-screen';

const SUGGESTIONS = {
  data: {
    matchingNeeds: [],
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

function emptyWith(needs: string[]): FakeAnswer {
  return { data: { matchingNeeds: needs, recommendedSessions: [] } };
}

describe('ForYouScreen', () => {
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
    fireEvent.press(await screen.findByRole('button', { name: /^Garden club\. / }));
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
    ['NO_SESSIONS_NEARBY', 'Change how far you will go', 'distance'],
  ])('knows the need %s the API is adding', async (need, label, setting) => {
    const onOpenSetting = jest.fn();
    await renderScreen(<ForYouScreen onOpenSetting={onOpenSetting} />, {
      handlers: { ForYou: () => emptyWith([need]) },
    });
    fireEvent.press(await screen.findByRole('button', { name: label }));
    expect(onOpenSetting).toHaveBeenCalledWith(setting);
  });

  it('gives a general line for a need it does not know yet', async () => {
    await renderScreen(<ForYouScreen onOpenSetting={jest.fn()} />, {
      handlers: { ForYou: () => emptyWith(['SOMETHING_NEW']) },
    });
    expect(await screen.findByText(/Your Kith coordinator can help/)).toBeOnTheScreen();
    expect(screen.queryByRole('button')).toBeNull();
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
