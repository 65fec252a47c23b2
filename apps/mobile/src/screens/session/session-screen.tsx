import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { StyleSheet, View } from 'react-native';

import {
  JoinSessionDocument,
  LeaveSessionDocument,
  SessionPageDocument,
  type SessionPageQuery,
} from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';
import { useSessionWords } from './session-words';

const strings: Strings<{
  title: string;
  loading: string;
  back: string;
  notFoundTitle: string;
  notFound: string;
  where: string;
  about: string;
  access: string;
  noAccess: string;
  places: string;
  knownGoing: (names: string) => string;
  yourPlace: string;
  join: string;
  joinWaitlist: string;
  leave: string;
  leaveWaitlist: string;
  confirmLeave: string;
  confirmLeaveWaitlist: string;
  yesLeave: string;
  yesLeaveWaitlist: string;
  keep: string;
  joined: string;
  filledUp: (position: number | null) => string;
  waiting: (position: number | null) => string;
  left: string;
  leftWaitlist: string;
  cancelled: string;
  finished: string;
  started: string;
}> = {
  en: {
    title: 'Session',
    loading: 'Getting the session',
    back: 'Go back',
    notFoundTitle: 'We could not find this session',
    notFound: 'It may have been taken away. Go back and choose another.',
    where: 'Where',
    about: 'What happens',
    access: 'What the place has',
    noAccess: 'We have not been told. Your Kith coordinator can find out for you.',
    places: 'Places',
    knownGoing: (names) => `People you know who are going: ${names}.`,
    yourPlace: 'Your place',
    join: 'Join',
    joinWaitlist: 'Join the waiting list',
    leave: 'Give up my place',
    leaveWaitlist: 'Leave the waiting list',
    confirmLeave: 'Do you want to give up your place? Someone waiting may get it.',
    confirmLeaveWaitlist: 'Do you want to leave the waiting list?',
    yesLeave: 'Yes, give up my place',
    yesLeaveWaitlist: 'Yes, leave the waiting list',
    keep: 'No, keep it',
    joined: 'You have a place. You can find it in My bookings.',
    filledUp: (n) =>
      n
        ? `It filled up while you were looking. You are number ${n} on the waiting list.`
        : 'It filled up while you were looking. You are on the waiting list.',
    waiting: (n) =>
      n ? `You are number ${n} on the waiting list.` : 'You are on the waiting list.',
    left: 'You have given up your place.',
    leftWaitlist: 'You have left the waiting list.',
    cancelled: 'This session has been called off. There is nothing to do.',
    finished: 'This session has finished.',
    started: 'This session has already started.',
  },
  es: {
    title: 'Sesión',
    loading: 'Cargando la sesión',
    back: 'Volver',
    notFoundTitle: 'No encontramos esta sesión',
    notFound: 'Puede que la hayan quitado. Vuelve y elige otra.',
    where: 'Dónde',
    about: 'Qué se hace',
    access: 'Qué tiene el lugar',
    noAccess: 'No nos lo han dicho. Tu coordinador de Kith lo puede averiguar.',
    places: 'Plazas',
    knownGoing: (names) => `Personas que conoces y que van: ${names}.`,
    yourPlace: 'Tu plaza',
    join: 'Apuntarme',
    joinWaitlist: 'Apuntarme a la lista de espera',
    leave: 'Dejar mi plaza',
    leaveWaitlist: 'Salir de la lista de espera',
    confirmLeave: '¿Quieres dejar tu plaza? Otra persona que espera puede quedársela.',
    confirmLeaveWaitlist: '¿Quieres salir de la lista de espera?',
    yesLeave: 'Sí, dejar mi plaza',
    yesLeaveWaitlist: 'Sí, salir de la lista',
    keep: 'No, quedármela',
    joined: 'Tienes una plaza. La verás en Mis reservas.',
    filledUp: (n) =>
      n
        ? `Se llenó mientras mirabas. Eres el número ${n} en la lista de espera.`
        : 'Se llenó mientras mirabas. Estás en la lista de espera.',
    waiting: (n) =>
      n ? `Eres el número ${n} en la lista de espera.` : 'Estás en la lista de espera.',
    left: 'Has dejado tu plaza.',
    leftWaitlist: 'Has salido de la lista de espera.',
    cancelled: 'Esta sesión se ha cancelado. No hay nada que hacer.',
    finished: 'Esta sesión ya ha terminado.',
    started: 'Esta sesión ya ha empezado.',
  },
};

type Page = SessionPageQuery;
type Session = NonNullable<Page['session']>;
type OwnBooking = NonNullable<Session['myBooking']>;

/** The member's place on this session that they can still give up: booked or waiting. */
function heldPlace(booking: OwnBooking | null): OwnBooking | null {
  return booking?.status === 'BOOKED' || booking?.status === 'WAITLISTED' ? booking : null;
}

/** What can still happen: nothing once it is called off, has started or is over. */
function phaseOf(session: Session, now: number): 'open' | 'cancelled' | 'started' | 'finished' {
  if (session.cancelled) return 'cancelled';
  if (Date.parse(session.endsAt) <= now) return 'finished';
  if (Date.parse(session.startsAt) <= now) return 'started';
  return 'open';
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View style={styles.section}>
      <AppText variant="heading">{title}</AppText>
      {children}
    </View>
  );
}

function SessionDetails({ id, page }: { id: string; page: Page }) {
  const t = useStrings(strings);
  const w = useSessionWords();
  const queryClient = useQueryClient();
  const describeError = useDescribeError();
  const [confirming, setConfirming] = useState(false);
  const [outcome, setOutcome] = useState<string | null>(null);
  const session = page.session;
  const key = apiQueryKey(SessionPageDocument, { id });

  /** Shown at once from the answer; the page, lists and suggestions are then asked again. */
  const settle = (
    booking: OwnBooking & { session: { placesLeft: number; waitlistLength: number } },
  ) => {
    queryClient.setQueryData<Page>(key, (old) =>
      old?.session
        ? {
            session: {
              ...old.session,
              placesLeft: booking.session.placesLeft,
              waitlistLength: booking.session.waitlistLength,
              myBooking: {
                id: booking.id,
                status: booking.status,
                waitlistPosition: booking.waitlistPosition,
              },
            },
          }
        : old,
    );
    for (const name of ['SessionPage', 'MyBookings', 'ForYou', 'FindSessions']) {
      void queryClient.invalidateQueries({ queryKey: [name] });
    }
  };

  // Fails at once with no signal (and says so), rather than waiting silently for one.
  const join = useApiMutation(JoinSessionDocument, {
    networkMode: 'always',
    onSuccess: ({ joinSession }) => settle(joinSession),
  });
  const leave = useApiMutation(LeaveSessionDocument, {
    networkMode: 'always',
    onSuccess: ({ leaveSession }) => settle(leaveSession),
  });

  if (!session) {
    return (
      <EmptyState title={t.notFoundTitle}>
        <AppText>{t.notFound}</AppText>
      </EmptyState>
    );
  }
  const { activity } = session;
  // Kept pages from before myBooking was asked for have none.
  const own = session.myBooking ?? null;
  const mine = heldPlace(own);
  const phase = phaseOf(session, Date.now());
  const error = join.error ?? leave.error;
  const busy = join.isPending || leave.isPending;

  const onJoin = () => {
    const placesSeen = session.placesLeft;
    setOutcome(null);
    leave.reset();
    join.mutate(
      { sessionId: id },
      {
        onSuccess: ({ joinSession: booking }) =>
          setOutcome(
            booking.status === 'BOOKED'
              ? t.joined
              : placesSeen > 0
                ? t.filledUp(booking.waitlistPosition)
                : t.waiting(booking.waitlistPosition),
          ),
      },
    );
  };
  const onLeave = () => {
    const wasWaiting = mine?.status === 'WAITLISTED';
    setOutcome(null);
    join.reset();
    leave.mutate(
      { sessionId: id },
      {
        onSuccess: () => {
          setConfirming(false);
          setOutcome(wasWaiting ? t.leftWaitlist : t.left);
        },
      },
    );
  };

  const action = (() => {
    switch (phase) {
      case 'cancelled':
        return <AppText variant="error">{t.cancelled}</AppText>;
      case 'finished':
        return <AppText variant="heading">{t.finished}</AppText>;
      case 'started':
        return <AppText variant="heading">{t.started}</AppText>;
      case 'open':
        break;
    }
    if (!mine) {
      return (
        <Button
          label={session.placesLeft > 0 ? t.join : t.joinWaitlist}
          busy={join.isPending}
          disabled={busy}
          onPress={onJoin}
        />
      );
    }
    const waiting = mine.status === 'WAITLISTED';
    if (!confirming) {
      return (
        <Button
          label={waiting ? t.leaveWaitlist : t.leave}
          onPress={() => {
            setOutcome(null);
            setConfirming(true);
          }}
        />
      );
    }
    return (
      <View style={styles.section}>
        <AppText variant="heading">{waiting ? t.confirmLeaveWaitlist : t.confirmLeave}</AppText>
        <Button
          label={waiting ? t.yesLeaveWaitlist : t.yesLeave}
          busy={leave.isPending}
          disabled={busy}
          onPress={onLeave}
        />
        <Button
          label={t.keep}
          variant="secondary"
          disabled={busy}
          onPress={() => setConfirming(false)}
        />
      </View>
    );
  })();

  const standing =
    outcome ??
    (own
      ? phase === 'finished'
        ? w.pastStatus(own.status)
        : w.status(own.status, own.waitlistPosition)
      : null);
  return (
    <>
      <AppText variant="heading">{w.when(session.startsAt, session.endsAt)}</AppText>
      {session.cancelled ? <AppText variant="error">{w.calledOff}</AppText> : null}
      <Section title={t.where}>
        <AppText>{w.where(activity.venueName, session.distanceBand)}</AppText>
        {activity.venueAddress ? <AppText>{activity.venueAddress}</AppText> : null}
      </Section>
      <Section title={t.places}>
        <AppText>
          {session.placesLeft > 0 ? w.places(session.placesLeft) : w.full(session.waitlistLength)}
        </AppText>
        {session.knownGoing.length > 0 ? (
          <AppText>{t.knownGoing(w.names(session.knownGoing))}</AppText>
        ) : null}
      </Section>
      {standing ? (
        <View style={styles.standing} accessibilityRole="alert" accessibilityLiveRegion="polite">
          <AppText variant="heading">{t.yourPlace}</AppText>
          <AppText>{standing}</AppText>
        </View>
      ) : null}
      {error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describeError(error)}
        </AppText>
      ) : null}
      {action}
      {/* What it is and what the place has after the one thing to press, so Join is on the first screen. */}
      <Section title={t.about}>
        <AppText>{activity.description}</AppText>
      </Section>
      <Section title={t.access}>
        {activity.accessibility.length > 0 ? (
          activity.accessibility.map((feature) => (
            <AppText key={feature}>{`• ${w.access[feature]}`}</AppText>
          ))
        ) : (
          <AppText>{t.noAccess}</AppText>
        )}
      </Section>
    </>
  );
}

/** One session in full: when, where, access, places, who is going, and join or leave. */
export function SessionScreen({ id, onBack }: { id: string; onBack: () => void }) {
  const t = useStrings(strings);
  const query = useApiQuery(SessionPageDocument, { id }, { meta: { persist: true } });
  return (
    <Screen title={query.data?.session?.activity.title ?? t.title}>
      <QueryView query={query} loadingText={t.loading}>
        {(page) => <SessionDetails id={id} page={page} />}
      </QueryView>
      <Button label={t.back} variant="secondary" onPress={onBack} />
    </Screen>
  );
}

const styles = StyleSheet.create({
  section: { gap: space.s },
  standing: {
    backgroundColor: colours.notice,
    borderRadius: 8,
    padding: space.m,
    gap: space.s,
  },
});
