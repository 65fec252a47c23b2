import { onlineManager, QueryClient } from '@tanstack/react-query';
import { fireEvent, screen, waitFor } from '@testing-library/react-native';

import { LanguageProvider } from '../../i18n/language';
import { gqlError, type FakeAnswer, type FakeHandler } from '../../test/fake-api';
import { booking, bookingsPage } from '../../test/fixtures-find';
import { renderScreen } from '../../test/render';
import { BookingsScreen, bookingsKey } from './bookings-screen';

const UPCOMING = bookingsPage(
  [
    booking('b1', 'Garden club'),
    booking('b2', 'Choir', 'WAITLISTED', 3),
    booking('b3', 'Walk', 'BOOKED', null, { cancelled: true }),
  ],
  'c-b3',
);
const MORE = bookingsPage([booking('b4', 'Book group', 'WAITLISTED', 1)]);
const PAST = bookingsPage([
  booking('p1', 'Lunch club', 'ATTENDED'),
  booking('p2', 'Quiz night', 'NO_SHOW'),
  booking('p3', 'Tea dance', 'BOOKED'),
]);

function render(handlers: Record<string, FakeHandler> = {}) {
  const onOpenSession = jest.fn();
  const onFindSomething = jest.fn();
  return renderScreen(
    <BookingsScreen onOpenSession={onOpenSession} onFindSomething={onFindSomething} />,
    { handlers },
  ).then((r) => ({ ...r, onOpenSession, onFindSomething }));
}

describe('BookingsScreen', () => {
  it('lists upcoming bookings with when, where and where the member stands', async () => {
    const { api } = await render({ MyBookings: () => UPCOMING });
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByRole('radio', { name: 'Coming up' })).toBeChecked();
    expect(screen.getByText('You have a place.')).toBeOnTheScreen();
    expect(screen.getByText('You are number 3 on the waiting list.')).toBeOnTheScreen();
    expect(screen.getByText('This session has been called off.')).toBeOnTheScreen();
    expect(screen.getAllByText('St Mary’s Hall')).toHaveLength(3);
    expect(screen.getAllByText('Tuesday 8 December, 10:30am to 12:00pm')).toHaveLength(3);
    expect(api.callsOf('MyBookings')[0]?.variables).toEqual({
      upcoming: true,
      first: 20,
      after: null,
    });
  });

  it('opens the session of a booking', async () => {
    const { onOpenSession } = await render({ MyBookings: () => UPCOMING });
    fireEvent.press(await screen.findByRole('button', { name: /^Choir/ }));
    expect(onOpenSession).toHaveBeenCalledWith('s-b2');
  });

  it('shows more a page at a time', async () => {
    const { api } = await render({
      MyBookings: ({ after }) => (after === 'c-b3' ? MORE : UPCOMING),
    });
    fireEvent.press(await screen.findByRole('button', { name: 'Show more' }));
    expect(await screen.findByText('Book group')).toBeOnTheScreen();
    expect(screen.getByText('You are next on the waiting list.')).toBeOnTheScreen();
    expect(api.callsOf('MyBookings').map((c) => c.variables.after)).toEqual([null, 'c-b3']);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull());
  });

  it('switches to past bookings and says how each went', async () => {
    const { api } = await render({
      MyBookings: ({ upcoming }) => (upcoming ? UPCOMING : PAST),
    });
    await screen.findByText('Garden club');
    fireEvent.press(screen.getByRole('radio', { name: 'Past' }));
    expect(await screen.findByText('Lunch club')).toBeOnTheScreen();
    expect(screen.getByRole('radio', { name: 'Past' })).toBeChecked();
    expect(screen.getByText('You went to this.')).toBeOnTheScreen();
    expect(screen.getByText('You did not go to this.')).toBeOnTheScreen();
    expect(screen.getByText('You had a place.')).toBeOnTheScreen();
    expect(screen.queryByText('Garden club')).toBeNull();
    expect(api.callsOf('MyBookings')[1]?.variables).toEqual({
      upcoming: false,
      first: 20,
      after: null,
    });
  });

  it('speaks Spanish when the member chose it', async () => {
    await renderScreen(
      <LanguageProvider initialLanguage="es">
        <BookingsScreen onOpenSession={jest.fn()} onFindSomething={jest.fn()} />
      </LanguageProvider>,
      { handlers: { MyBookings: () => UPCOMING } },
    );
    expect(await screen.findByText('Tienes una plaza.')).toBeOnTheScreen();
    expect(screen.getByText('Mis reservas')).toBeOnTheScreen();
    expect(screen.getByText('Eres el número 3 en la lista de espera.')).toBeOnTheScreen();
    expect(screen.getAllByText('martes, 8 de diciembre, de 10:30 a 12:00')).toHaveLength(3);
    expect(screen.getByRole('radio', { name: 'Pasadas' })).toBeOnTheScreen();
  });

  it('sends a member with nothing booked to find something', async () => {
    const { onFindSomething } = await render({ MyBookings: () => bookingsPage([]) });
    expect(await screen.findByText('You have nothing booked')).toBeOnTheScreen();
    fireEvent.press(screen.getByRole('button', { name: 'Find something to do' }));
    expect(onFindSomething).toHaveBeenCalled();
  });

  it('explains an empty past', async () => {
    await render({ MyBookings: ({ upcoming }) => (upcoming ? UPCOMING : bookingsPage([])) });
    await screen.findByText('Garden club');
    fireEvent.press(screen.getByRole('radio', { name: 'Past' }));
    expect(await screen.findByText('Nothing here yet')).toBeOnTheScreen();
    expect(screen.queryByRole('button', { name: 'Find something to do' })).toBeNull();
  });

  it('shows that it is loading', async () => {
    await render({ MyBookings: () => new Promise<FakeAnswer>(() => undefined) });
    expect(screen.getByLabelText('Getting your bookings')).toBeOnTheScreen();
  });

  it('says what went wrong and tries again', async () => {
    let answer = gqlError('INTERNAL_SERVER_ERROR');
    await render({ MyBookings: () => answer });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    answer = UPCOMING;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
  });

  it('says it is offline with nothing kept, and shows kept bookings when there are some', async () => {
    onlineManager.setOnline(false);
    const first = await render();
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
    first.unmount();

    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
    queryClient.setQueryData(bookingsKey(true), { pages: [UPCOMING.data], pageParams: [null] });
    await renderScreen(<BookingsScreen onOpenSession={jest.fn()} onFindSomething={jest.fn()} />, {
      queryClient,
    });
    expect(screen.getByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByText(/You are offline. This is from/)).toBeOnTheScreen();
  });

  it('keeps showing bookings when Kith cannot be reached, and says so', async () => {
    let answer: FakeAnswer = UPCOMING;
    const { queryClient } = await render({ MyBookings: () => answer });
    await screen.findByText('Garden club');
    answer = 'network-error';
    await queryClient.refetchQueries();
    expect(await screen.findByText(/We could not reach Kith. This is from/)).toBeOnTheScreen();
    expect(screen.getByText('Garden club')).toBeOnTheScreen();
  });
});
