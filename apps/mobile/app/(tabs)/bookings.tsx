import { router } from 'expo-router';

import { BookingsScreen } from '../../src/screens/bookings/bookings-screen';

export default function BookingsRoute() {
  return <BookingsScreen onFindSomething={() => router.navigate('/')} />;
}
