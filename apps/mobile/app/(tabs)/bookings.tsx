import { router } from 'expo-router';

import { BookingsScreen } from '../../src/screens/bookings/bookings-screen';

export default function BookingsRoute() {
  return (
    <BookingsScreen
      onOpenSession={(id) => router.push(`/session/${id}`)}
      onFindSomething={() => router.navigate('/find')}
    />
  );
}
