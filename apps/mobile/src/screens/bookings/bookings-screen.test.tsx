import { onlineManager, QueryClient } from '@tanstack/react-query';
import { fireEvent, screen } from '@testing-library/react-native';

import { gqlError, type FakeAnswer } from '../../test/fake-api';
import { session } from '../../test/fixtures';
import { renderScreen } from '../../test/render';
import { BookingsScreen, statusText } from './bookings-screen';

const BOOKINGS = {
  data: {
    myBookings: [
      { id: 'b1', status: 'BOOKED', waitlistPosition: null, session: session('s1', 'Garden club') },
      { id: 'b2', status: 'WAITLISTED', waitlistPosition: 3, session: session('s2', 'Choir') },
      {
        id: 'b3',
        status: 'BOOKED',
        waitlistPosition: null,
        session: session('s3', 'Walk', { cancelled: true }),
      },
    ],
  },
};

describe('BookingsScreen', () => {
  it('lists upcoming bookings with when, where and where the member stands', async () => {
    const { api } = await renderScreen(<BookingsScreen onFindSomething={jest.fn()} />, {
      handlers: { MyBookings: () => BOOKINGS },
    });
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByText('You have a place.')).toBeOnTheScreen();
    expect(screen.getByText('You are number 3 on the waiting list.')).toBeOnTheScreen();
    expect(screen.getByText('This session has been called off.')).toBeOnTheScreen();
    expect(screen.getAllByText('St Mary’s Hall')).toHaveLength(3);
    expect(api.callsOf('MyBookings')[0]?.variables).toEqual({ upcoming: true });
  });

  it('says each status in plain words', () => {
    expect(statusText('WAITLISTED', 1)).toBe('You are next on the waiting list.');
    expect(statusText('WAITLISTED', null)).toBe('You are on the waiting list.');
    expect(statusText('CANCELLED', null)).toBe('You cancelled this.');
    expect(statusText('ATTENDED', null)).toBe('You went to this.');
    expect(statusText('NO_SHOW', null)).toBe('You did not go to this.');
  });

  it('shows that it is loading', async () => {
    await renderScreen(<BookingsScreen onFindSomething={jest.fn()} />, {
      handlers: { MyBookings: () => new Promise<FakeAnswer>(() => undefined) },
    });
    expect(screen.getByLabelText('Getting your bookings')).toBeOnTheScreen();
  });

  it('sends a member with nothing booked to the suggestions', async () => {
    const onFindSomething = jest.fn();
    await renderScreen(<BookingsScreen onFindSomething={onFindSomething} />, {
      handlers: { MyBookings: () => ({ data: { myBookings: [] } }) },
    });
    fireEvent.press(await screen.findByRole('button', { name: 'See things for you' }));
    expect(screen.getByText('You have nothing booked')).toBeOnTheScreen();
    expect(onFindSomething).toHaveBeenCalled();
  });

  it('says what went wrong and tries again', async () => {
    let answer = gqlError('NETWORK_OUTAGE');
    await renderScreen(<BookingsScreen onFindSomething={jest.fn()} />, {
      handlers: { MyBookings: () => answer },
    });
    expect(await screen.findByText('Sorry, that did not work')).toBeOnTheScreen();
    answer = BOOKINGS;
    fireEvent.press(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Garden club')).toBeOnTheScreen();
  });

  it('says it is offline with nothing kept, and shows kept bookings when there are some', async () => {
    onlineManager.setOnline(false);
    const first = await renderScreen(<BookingsScreen onFindSomething={jest.fn()} />);
    expect(screen.getByText('You are offline')).toBeOnTheScreen();
    first.unmount();

    const queryClient = new QueryClient({ defaultOptions: { queries: { gcTime: Infinity } } });
    queryClient.setQueryData(['MyBookings', { upcoming: true }], BOOKINGS.data);
    await renderScreen(<BookingsScreen onFindSomething={jest.fn()} />, { queryClient });
    expect(screen.getByText('Garden club')).toBeOnTheScreen();
    expect(screen.getByText(/You are offline. This is from/)).toBeOnTheScreen();
  });

  it('keeps showing bookings when Kith cannot be reached, and says so', async () => {
    let answer: FakeAnswer = BOOKINGS;
    const { queryClient } = await renderScreen(<BookingsScreen onFindSomething={jest.fn()} />, {
      handlers: { MyBookings: () => answer },
    });
    await screen.findByText('Garden club');
    answer = 'network-error';
    await queryClient.refetchQueries();
    expect(await screen.findByText(/We could not reach Kith. This is from/)).toBeOnTheScreen();
    expect(screen.getByText('Garden club')).toBeOnTheScreen();
  });
});
