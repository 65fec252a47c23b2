import { onlineManager, QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { SessionPageDocument } from '../../gql/graphql';
import { LanguageProvider } from '../../i18n/language';
import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { bookingAnswer, sessionPage } from '../../test/fixtures-find';
import { renderScreen } from '../../test/render';
import { SessionScreen } from './session-screen';

const PAGE = sessionPage({ knownGoing: ['Ann', 'Raj'] });

function render(handlers: Record<string, FakeHandler>) {
  const onBack = jest.fn();
  return renderScreen(<SessionScreen id="s1" onBack={onBack} />, { handlers }).then((r) => ({
    ...r,
    onBack,
  }));
}

describe('SessionScreen', () => {
  it('shows when and where, the address, access, places and who the member knows going', async () => {
    const { api } = await render({ SessionPage: () => PAGE });
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByText('Tuesday 8 December, 10:30am to 12:00pm')).toBeOnTheScreen();
    expect(screen.getByText('St Mary’s Hall, under 500 m from you')).toBeOnTheScreen();
    expect(screen.getByText('12 Church Street, London SE5 8QZ')).toBeOnTheScreen();
    expect(screen.getByText(/We grow vegetables together/)).toBeOnTheScreen();
    expect(screen.getByText('• No steps to get in')).toBeOnTheScreen();
    expect(screen.getByText('• A hearing loop')).toBeOnTheScreen();
    expect(screen.getByText('4 places left')).toBeOnTheScreen();
    expect(screen.getByText('People you know who are going: Ann and Raj.')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Join' })).toBeOnTheScreen();
    expect(api.callsOf('SessionPage')[0]?.variables).toEqual({ id: 's1' });
  });

  it('speaks Spanish when the member chose it', async () => {
    await renderScreen(
      <LanguageProvider initialLanguage="es">
        <SessionScreen id="s1" onBack={jest.fn()} />
      </LanguageProvider>,
      { handlers: { SessionPage: () => PAGE } },
    );
    expect(await screen.findByText('martes, 8 de diciembre, de 10:30 a 12:00')).toBeOnTheScreen();
    expect(screen.getByText('St Mary’s Hall, a menos de 500 m de ti')).toBeOnTheScreen();
    expect(screen.getByText('Quedan 4 plazas')).toBeOnTheScreen();
    expect(screen.getByText('Personas que conoces y que van: Ann y Raj.')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Apuntarme' })).toBeOnTheScreen();
  });

  it('joins, says the member has a place, and asks for the page again', async () => {
    let joined = false;
    const { api } = await render({
      SessionPage: () =>
        joined
          ? sessionPage({ placesLeft: 3 }, { id: 'b1', status: 'BOOKED', waitlistPosition: null })
          : PAGE,
      JoinSession: () => {
        joined = true;
        return bookingAnswer('joinSession', 'BOOKED', null, 3);
      },
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Join' }));
    expect(
      await screen.findByText('You have a place. You can find it in My bookings.'),
    ).toBeOnTheScreen();
    expect(api.callsOf('JoinSession')[0]?.variables).toEqual({ sessionId: 's1' });
    expect(screen.getByText('3 places left')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Give up my place' })).toBeOnTheScreen();
    await waitFor(() => expect(api.callsOf('SessionPage')).toHaveLength(2));
  });

  it('says so when the session filled up while the member was looking', async () => {
    // Someone else took the last places between the page showing and the member pressing Join.
    let joined = false;
    const mine = { id: 'b1', status: 'WAITLISTED', waitlistPosition: 2 };
    await render({
      SessionPage: () => (joined ? sessionPage({ placesLeft: 0, waitlistLength: 2 }, mine) : PAGE),
      JoinSession: () => {
        joined = true;
        return bookingAnswer('joinSession', 'WAITLISTED', 2, 0);
      },
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Join' }));
    expect(
      await screen.findByText(
        'It filled up while you were looking. You are number 2 on the waiting list.',
      ),
    ).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Leave the waiting list' })).toBeOnTheScreen();
    expect(screen.getByText('It is full. 2 people are on the waiting list.')).toBeOnTheScreen();
  });

  it('offers the waiting list when it is full, and says where the member is on it', async () => {
    const { api } = await render({
      SessionPage: () => sessionPage({ placesLeft: 0, waitlistLength: 3 }),
      JoinSession: () => bookingAnswer('joinSession', 'WAITLISTED', 4, 0),
    });
    expect(
      await screen.findByText('It is full. 3 people are on the waiting list.'),
    ).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Join the waiting list' }));
    expect(await screen.findByText('You are number 4 on the waiting list.')).toBeOnTheScreen();
    expect(api.callsOf('JoinSession')).toHaveLength(1);
  });

  it('shows the member’s own place and waiting-list number', async () => {
    await render({
      SessionPage: () =>
        sessionPage({ placesLeft: 0 }, { id: 'b1', status: 'WAITLISTED', waitlistPosition: 1 }),
    });
    expect(await screen.findByText('You are next on the waiting list.')).toBeOnTheScreen();
    expect(screen.queryByRole('button', { name: /Join/ })).toBeNull();
  });

  it('reads the member’s place from the session itself, not from a list of their bookings', async () => {
    await render({
      SessionPage: () => sessionPage({}, { id: 'b1', status: 'BOOKED', waitlistPosition: null }),
    });
    expect(await screen.findByText('You have a place.')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Give up my place' })).toBeOnTheScreen();
    expect(SessionPageDocument.toString()).toContain('myBooking');
    expect(SessionPageDocument.toString()).not.toMatch(/bookings\(/);
  });

  it.each([
    ['ATTENDED', 'You went to this.'],
    ['BOOKED', 'You had a place.'],
    ['WAITLISTED', 'You were on the waiting list.'],
    ['NO_SHOW', 'You did not go to this.'],
  ])('shows the member’s booking on a past session too: %s', async (status, said) => {
    await render({
      SessionPage: () =>
        sessionPage(
          { startsAt: '2020-01-07T10:00:00.000Z', endsAt: '2020-01-07T11:00:00.000Z' },
          { id: 'b1', status, waitlistPosition: null },
        ),
    });
    expect(await screen.findByText('This session has finished.')).toBeOnTheScreen();
    expect(screen.getByText('Your place')).toBeOnTheScreen();
    expect(screen.getByText(said)).toBeOnTheScreen();
  });

  it('says the member cancelled, and lets them join again while it is open', async () => {
    await render({
      SessionPage: () => sessionPage({}, { id: 'b1', status: 'CANCELLED', waitlistPosition: null }),
    });
    expect(await screen.findByText('You cancelled this.')).toBeOnTheScreen();
    expect(screen.getByRole('button', { name: 'Join' })).toBeOnTheScreen();
  });

  it('asks before giving up a place, and keeps it when the member says no', async () => {
    let left = false;
    const mine = { id: 'b1', status: 'BOOKED', waitlistPosition: null };
    const { api } = await render({
      SessionPage: () => (left ? sessionPage({ placesLeft: 5 }) : sessionPage({}, mine)),
      LeaveSession: () => {
        left = true;
        return bookingAnswer('leaveSession', 'CANCELLED', null, 5);
      },
    });
    expect(await screen.findByText('You have a place.')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Give up my place' }));
    expect(
      screen.getByText('Do you want to give up your place? Someone waiting may get it.'),
    ).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'No, keep it' }));
    expect(api.callsOf('LeaveSession')).toHaveLength(0);

    fireEvent.press(screen.getByRole('button', { name: 'Give up my place' }));
    fireEvent.press(screen.getByRole('button', { name: 'Yes, give up my place' }));
    expect(await screen.findByText('You have given up your place.')).toBeOnTheScreen();
    expect(api.callsOf('LeaveSession')[0]?.variables).toEqual({ sessionId: 's1' });
    expect(screen.getByRole('button', { name: 'Join' })).toBeOnTheScreen();
    await waitFor(() => expect(api.callsOf('SessionPage')).toHaveLength(2));
  });

  it.each([
    [{ cancelled: true }, 'This session has been called off. There is nothing to do.'],
    [
      { startsAt: '2020-01-07T10:00:00.000Z', endsAt: '2020-01-07T11:00:00.000Z' },
      'This session has finished.',
    ],
    [
      { startsAt: '2020-01-07T10:00:00.000Z', endsAt: '2099-01-07T11:00:00.000Z' },
      'This session has already started.',
    ],
  ])('offers nothing to press on a session that is over: %j', async (overrides, said) => {
    await render({
      SessionPage: () =>
        sessionPage(overrides, { id: 'b1', status: 'BOOKED', waitlistPosition: null }),
    });
    expect(await screen.findByText(said)).toBeOnTheScreen();
    expect(
      screen
        .getAllByRole('button')
        .map((b) => (b.props as { accessibilityLabel?: string }).accessibilityLabel),
    ).toEqual(['Go back']);
  });

  it('says what went wrong when joining did not work, in the API’s words where it gave some', async () => {
    let answer: FakeAnswer = 'network-error';
    await render({ SessionPage: () => PAGE, JoinSession: () => answer });
    fireEvent.press(await screen.findByRole('button', { name: 'Join' }));
    expect(await screen.findByText(/Check that you are online, then try again/)).toBeOnTheScreen();
    answer = gqlError('CONFLICT', 'You have left Kith');
    fireEvent.press(screen.getByRole('button', { name: 'Join' }));
    expect(
      await screen.findByText('This changed while you were looking. Please try again.'),
    ).toBeOnTheScreen();
  });

  it('says when the session cannot be found, and goes back', async () => {
    const { onBack } = await render({
      SessionPage: () => ({ data: { ...PAGE.data, session: null } }),
    });
    expect(await screen.findByText('We could not find this session')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Go back' }));
    expect(onBack).toHaveBeenCalled();
  });

  it('shows that it is loading, then an error with a way to try again', async () => {
    let answer: FakeAnswer | null = null;
    await render({
      SessionPage: () =>
        answer ??
        new Promise<FakeAnswer>((resolve) =>
          setTimeout(() => resolve(gqlError('INTERNAL_SERVER_ERROR')), 10),
        ),
    });
    expect(screen.getByLabelText('Getting the session')).toBeOnTheScreen();
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    answer = PAGE;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
  });

  it('says it is offline with nothing kept, and shows a kept session when there is one', async () => {
    onlineManager.setOnline(false);
    const first = await render({ SessionPage: () => PAGE });
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
    first.unmount();

    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
    queryClient.setQueryData(['SessionPage', { id: 's1' }], PAGE.data);
    await renderScreen(<SessionScreen id="s1" onBack={jest.fn()} />, { queryClient });
    expect(screen.getByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByText(/You are offline. This is from/)).toBeOnTheScreen();
  });
});
