import AsyncStorage from '@react-native-async-storage/async-storage';
import { onlineManager, QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor, within } from '@testing-library/react-native';

import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { helpRequest, helpRequestsPage, timeCredits } from '../../test/fixtures-people';
import { renderScreen } from '../../test/render';
import { HelpScreen } from './help-screen';

const REQUESTS = helpRequestsPage([
  helpRequest('r1', {
    status: 'ACCEPTED',
    helper: { firstName: 'Sam', status: 'ACCEPTED', scheduledAt: '2026-12-08T10:30:00.000Z' },
  }),
  helpRequest('r2', {
    status: 'ASSIGNED',
    atHome: false,
    meetingPlace: 'The library on Walworth Road',
    durationMinutes: 90,
    skill: { id: 'sk-tech', label: 'Phones and computers' },
    helper: { firstName: 'Priya', status: 'OFFERED', scheduledAt: null },
  }),
  helpRequest('r3', { status: 'OPEN' }),
  helpRequest('r4', {
    status: 'DONE',
    helper: { firstName: 'Sam', status: 'COMPLETED', scheduledAt: null },
  }),
]);
const CREDITS = timeCredits(90, [
  { at: '2026-12-02T10:00:00.000Z', minutes: 120, kind: 'HELP_GIVEN' },
  { at: '2026-11-20T10:00:00.000Z', minutes: -30, kind: 'HELP_RECEIVED' },
]);

function render(handlers: Record<string, FakeHandler> = {}) {
  const onAsk = jest.fn();
  return renderScreen(<HelpScreen onAsk={onAsk} />, {
    handlers: { MyHelpRequests: () => REQUESTS, MyTimeCredits: () => CREDITS, ...handlers },
  }).then((r) => ({ ...r, onAsk }));
}

describe('HelpScreen', () => {
  it('shows who is coming, when and where for each request', async () => {
    const { api } = await render();
    expect(
      await screen.findByText('Sam is coming on Tuesday 8 December, 10:30am.'),
    ).toBeOnTheScreen();
    expect(
      screen.getByText('We have asked Priya. We are waiting for them to say yes.'),
    ).toBeOnTheScreen();
    expect(screen.getByText('Meeting at: The library on Walworth Road')).toBeOnTheScreen();
    expect(screen.getByText('About 1 hour 30 minutes')).toBeOnTheScreen();
    expect(screen.getAllByText('At your home')).toHaveLength(3);
    expect(screen.getByText('We are looking for someone to help.')).toBeOnTheScreen();
    expect(screen.getByText('Sam helped you with this.')).toBeOnTheScreen();
    expect(within(screen.getByTestId('request-r4')).queryByRole('button')).toBeNull();
    expect(api.callsOf('MyHelpRequests')[0]?.variables).toEqual({ first: 20, after: null });
  });

  it('reads time credits by their kind as help given and received, never as a debt', async () => {
    await render({
      MyTimeCredits: () =>
        timeCredits(-30, [
          { at: '2026-12-02T10:00:00.000Z', minutes: 120, kind: 'HELP_GIVEN' },
          { at: '2026-11-20T10:00:00.000Z', minutes: -150, kind: 'HELP_RECEIVED' },
          { at: '2026-11-10T10:00:00.000Z', minutes: 60, kind: 'GRANT' },
          { at: '2026-11-05T10:00:00.000Z', minutes: 15, kind: 'OTHER' },
          { at: '2026-11-01T10:00:00.000Z', minutes: -45, kind: 'OTHER' },
        ]),
    });
    expect(await screen.findByText('You gave 2 hours of help')).toBeOnTheScreen();
    expect(screen.getByText('You were helped for 2 hours 30 minutes')).toBeOnTheScreen();
    expect(screen.getByText('Minutes given to you by the circle: 1 hour')).toBeOnTheScreen();
    expect(screen.getByText('15 minutes of time credits added')).toBeOnTheScreen();
    expect(screen.getByText('45 minutes of time credits used')).toBeOnTheScreen();
    expect(screen.getByText(/you earn time credits/)).toBeOnTheScreen();
    expect(screen.queryByText(/-|owe/i)).toBeNull();
  });

  it('says how much time the member has to use when they have some', async () => {
    await render();
    expect(
      await screen.findByText(
        'You have 1 hour 30 minutes of time credits to use when you need help.',
      ),
    ).toBeOnTheScreen();
  });

  it('cancels a request after a plain question', async () => {
    const { api } = await render({
      CancelHelpRequest: (v) => ({
        data: { cancelHelpRequest: { id: v.id, status: 'CANCELLED' } },
      }),
    });
    const card = within(await screen.findByTestId('request-r1'));
    fireEvent.press(card.getByRole('button', { name: 'Cancel this request' }));
    expect(
      card.getByText('Cancel this request? We will tell Sam they do not need to come.'),
    ).toBeOnTheScreen();
    fireEvent.press(card.getByRole('button', { name: 'No, keep it' }));
    expect(api.callsOf('CancelHelpRequest')).toHaveLength(0);
    fireEvent.press(card.getByRole('button', { name: 'Cancel this request' }));
    fireEvent.press(card.getByRole('button', { name: 'Yes, cancel it' }));
    expect(await card.findByText('You cancelled this.')).toBeOnTheScreen();
    expect(api.callsOf('CancelHelpRequest')[0]?.variables).toEqual({ id: 'r1' });
  });

  it('says what to do when cancelling fails', async () => {
    await render({ CancelHelpRequest: () => 'network-error' });
    const card = within(await screen.findByTestId('request-r3'));
    fireEvent.press(card.getByRole('button', { name: 'Cancel this request' }));
    fireEvent.press(card.getByRole('button', { name: 'Yes, cancel it' }));
    expect(await card.findByText(/Check that you are online/)).toBeOnTheScreen();
  });

  it('opens the form to ask for help', async () => {
    const { onAsk } = await render();
    await screen.findByText('You gave 2 hours of help');
    fireEvent.press(screen.getByRole('button', { name: 'Ask for help' }));
    expect(onAsk).toHaveBeenCalled();
  });

  it('shows older requests a page at a time', async () => {
    const first = helpRequestsPage([helpRequest('r1')], 'c-r1');
    const older = helpRequestsPage([helpRequest('r9', { description: 'Post a parcel' })]);
    const { api } = await render({ MyHelpRequests: (v) => (v.after ? older : first) });
    fireEvent.press(await screen.findByRole('button', { name: 'Show older requests' }));
    expect(await screen.findByText('Post a parcel')).toBeOnTheScreen();
    expect(api.callsOf('MyHelpRequests')[1]?.variables).toEqual({ first: 20, after: 'c-r1' });
  });

  it('is gentle when nothing has been asked', async () => {
    await render({
      MyHelpRequests: () => helpRequestsPage([]),
      MyTimeCredits: () => timeCredits(0, []),
    });
    expect(await screen.findByText('You have not asked for help yet')).toBeOnTheScreen();
  });

  it('shows loading, error and offline states', async () => {
    const loading = await render({
      MyHelpRequests: () => new Promise<FakeAnswer>(() => undefined),
    });
    expect(screen.getByLabelText('Getting your requests')).toBeOnTheScreen();
    loading.unmount();
    let answer: FakeAnswer = gqlError('INTERNAL_SERVER_ERROR');
    const failing = await render({ MyHelpRequests: () => answer });
    await waitFor(() => expect(screen.getAllByText('Sorry, that did not work')).toHaveLength(1));
    answer = REQUESTS;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('We are looking for someone to help.')).toBeOnTheScreen();
    failing.unmount();
    onlineManager.setOnline(false);
    await render();
    expect(screen.getAllByText('You are offline')).toHaveLength(2);
  });

  it('shows kept requests with no signal', async () => {
    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
    queryClient.setQueryData(['MyHelpRequests', { first: 20 }, 'pages'], {
      pages: [REQUESTS.data],
      pageParams: [null],
    });
    onlineManager.setOnline(false);
    await renderScreen(<HelpScreen onAsk={jest.fn()} />, { queryClient });
    expect(screen.getByText('Sam is coming on Tuesday 8 December, 10:30am.')).toBeOnTheScreen();
  });

  it('speaks Spanish when the member chose it, still never as a debt', async () => {
    await AsyncStorage.setItem('kith.language', 'es');
    await render({
      MyTimeCredits: () =>
        timeCredits(-60, [
          { at: '2026-11-20T10:00:00.000Z', minutes: -60, kind: 'HELP_RECEIVED' },
          { at: '2026-11-10T10:00:00.000Z', minutes: 30, kind: 'GRANT' },
        ]),
    });
    expect(await screen.findByText('Te ayudaron durante 1 hora')).toBeOnTheScreen();
    expect(screen.getByText('Minutos que te dio el círculo: 30 minutos')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Pedir ayuda' })).toBeOnTheScreen();
    expect(screen.getByText('Más o menos 1 hora y 30 minutos')).toBeOnTheScreen();
    await AsyncStorage.removeItem('kith.language');
  });
});
