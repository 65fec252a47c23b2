import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import { useApiClient } from '../../api/api-client-context';
import { MyBookingsDocument, type MyBookingsQuery } from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { SessionCard } from '../../ui/session-card';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { space } from '../../ui/theme';
import { ChoiceGroup } from '../find/choices';
import { useSessionWords } from '../session/session-words';

const PAGE_SIZE = 20;

type Booking = MyBookingsQuery['me']['bookings']['edges'][number]['node'];
type Which = 'upcoming' | 'past';

/** The key of one list of bookings; ['MyBookings'] covers both, for refreshing after a change. */
export function bookingsKey(upcoming: boolean) {
  return ['MyBookings', 'pages', { upcoming }] as const;
}

const strings: Strings<{
  title: string;
  which: string;
  upcoming: string;
  past: string;
  loading: string;
  noneTitle: string;
  none: string;
  find: string;
  noPastTitle: string;
  noPast: string;
  showMore: string;
  openHint: string;
}> = {
  en: {
    title: 'My bookings',
    which: 'Show',
    upcoming: 'Coming up',
    past: 'Past',
    loading: 'Getting your bookings',
    noneTitle: 'You have nothing booked',
    none: 'Find something near you that you would enjoy, and join it.',
    find: 'Find something to do',
    noPastTitle: 'Nothing here yet',
    noPast: 'Sessions you have been to will show here.',
    showMore: 'Show more',
    openHint: 'Opens the session',
  },
  es: {
    title: 'Mis reservas',
    which: 'Ver',
    upcoming: 'Próximas',
    past: 'Pasadas',
    loading: 'Cargando tus reservas',
    noneTitle: 'No tienes nada reservado',
    none: 'Busca algo cerca de ti que te guste y apúntate.',
    find: 'Buscar algo que hacer',
    noPastTitle: 'Todavía no hay nada',
    noPast: 'Aquí verás las sesiones a las que has ido.',
    showMore: 'Ver más',
    openHint: 'Abre la sesión',
  },
};

function BookingCard({
  booking,
  past,
  onOpen,
}: {
  booking: Booking;
  past: boolean;
  onOpen: () => void;
}) {
  const t = useStrings(strings);
  const w = useSessionWords();
  const { session } = booking;
  const when = w.when(session.startsAt, session.endsAt);
  const where = session.activity.venueName;
  const status = session.cancelled
    ? w.calledOff
    : past
      ? w.pastStatus(booking.status)
      : w.status(booking.status, booking.waitlistPosition);
  return (
    <SessionCard
      title={session.activity.title}
      lines={session.cancelled ? [when, where] : [when, where, status]}
      alert={session.cancelled ? status : undefined}
      hint={t.openHint}
      onPress={onOpen}
      testID={`booking-${booking.id}`}
    />
  );
}

function BookingList({
  upcoming,
  onOpenSession,
  onFindSomething,
}: {
  upcoming: boolean;
  onOpenSession: (id: string) => void;
  onFindSomething: () => void;
}) {
  const t = useStrings(strings);
  const client = useApiClient();
  const query = useInfiniteQuery({
    queryKey: bookingsKey(upcoming),
    queryFn: ({ pageParam }) =>
      client.request(MyBookingsDocument, { upcoming, first: PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.me.bookings.pageInfo.hasNextPage ? last.me.bookings.pageInfo.endCursor : undefined,
    // Kept on the phone, so bookings can be read with no signal.
    meta: { persist: true },
  });
  return (
    <QueryView query={query} loadingText={t.loading}>
      {(data) => {
        const bookings = data.pages.flatMap((page) => page.me.bookings.edges.map((e) => e.node));
        if (bookings.length === 0) {
          return upcoming ? (
            <EmptyState title={t.noneTitle}>
              <AppText>{t.none}</AppText>
              <Button label={t.find} onPress={onFindSomething} />
            </EmptyState>
          ) : (
            <EmptyState title={t.noPastTitle}>
              <AppText>{t.noPast}</AppText>
            </EmptyState>
          );
        }
        return (
          <>
            <View style={styles.list}>
              {bookings.map((booking) => (
                <BookingCard
                  key={booking.id}
                  booking={booking}
                  past={!upcoming}
                  onOpen={() => onOpenSession(booking.session.id)}
                />
              ))}
            </View>
            {query.hasNextPage ? (
              <Button
                label={t.showMore}
                variant="secondary"
                busy={query.isFetchingNextPage}
                onPress={() => void query.fetchNextPage()}
              />
            ) : null}
          </>
        );
      }}
    </QueryView>
  );
}

/** The member's bookings, coming up or past, a page at a time, each opening its session. */
export function BookingsScreen({
  onOpenSession,
  onFindSomething,
}: {
  onOpenSession: (id: string) => void;
  onFindSomething: () => void;
}) {
  const t = useStrings(strings);
  const [which, setWhich] = useState<Which>('upcoming');
  return (
    <Screen title={t.title}>
      <ChoiceGroup
        label={t.which}
        choices={[
          { value: 'upcoming', label: t.upcoming },
          { value: 'past', label: t.past },
        ]}
        chosen={which}
        onChoose={setWhich}
      />
      <BookingList
        key={which}
        upcoming={which === 'upcoming'}
        onOpenSession={onOpenSession}
        onFindSomething={onFindSomething}
      />
    </Screen>
  );
}

const styles = StyleSheet.create({
  list: { gap: space.m },
});
