import { StyleSheet, View } from 'react-native';

import { MyBookingsDocument, type BookingStatus, type MyBookingsQuery } from '../../gql/graphql';
import { useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { formatWhen } from '../../ui/format';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';

type Booking = MyBookingsQuery['myBookings'][number];

export function statusText(status: BookingStatus, waitlistPosition: number | null): string {
  switch (status) {
    case 'BOOKED':
      return 'You have a place.';
    case 'WAITLISTED':
      return waitlistPosition === 1
        ? 'You are next on the waiting list.'
        : waitlistPosition
          ? `You are number ${waitlistPosition} on the waiting list.`
          : 'You are on the waiting list.';
    case 'CANCELLED':
      return 'You cancelled this.';
    case 'ATTENDED':
      return 'You went to this.';
    case 'NO_SHOW':
      return 'You did not go to this.';
  }
}

function BookingCard({ booking }: { booking: Booking }) {
  const { session } = booking;
  return (
    <View style={styles.card} testID={`booking-${booking.id}`}>
      <AppText variant="heading">{session.activity.title}</AppText>
      <AppText>{formatWhen(session.startsAt, session.endsAt)}</AppText>
      <AppText>{session.activity.venueName}</AppText>
      {session.cancelled ? (
        <AppText variant="error">This session has been called off.</AppText>
      ) : (
        <AppText>{statusText(booking.status, booking.waitlistPosition)}</AppText>
      )}
    </View>
  );
}

export function BookingsScreen({ onFindSomething }: { onFindSomething: () => void }) {
  const query = useApiQuery(MyBookingsDocument, { upcoming: true }, { meta: { persist: true } });
  return (
    <Screen title="My bookings">
      <QueryView query={query} loadingText="Getting your bookings">
        {(data) =>
          data.myBookings.length === 0 ? (
            <EmptyState title="You have nothing booked">
              <AppText>Look at the things we picked for you and book one you like.</AppText>
              <Button label="See things for you" onPress={onFindSomething} />
            </EmptyState>
          ) : (
            data.myBookings.map((booking) => <BookingCard key={booking.id} booking={booking} />)
          )
        }
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  card: { backgroundColor: colours.surface, borderRadius: 12, padding: space.m, gap: space.s },
});
