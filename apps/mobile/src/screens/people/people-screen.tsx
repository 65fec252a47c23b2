import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import {
  HideContactDocument,
  MyNetworkDocument,
  RecentSessionsDocument,
  SetContactCircleDocument,
  UnhideContactDocument,
  type MyNetworkQuery,
  type TieSource,
} from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { apiQueryKey, useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { formatWhen } from '../../ui/format';
import { PickOne } from '../../ui/pick';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';

type Contact = MyNetworkQuery['myNetwork']['contacts'][number];
type Hidden = MyNetworkQuery['myNetwork']['hiddenContacts'][number];

const strings: Strings<{
  title: string;
  loading: string;
  intro: string;
  gains: string;
  empty: string;
  emptyMore: string;
  howMet: string;
  sources: Record<TieSource, string>;
  circle: (name: string) => string;
  circles: [string, string, string];
  circleHelp: string;
  hide: (name: string) => string;
  hideAsk: (name: string) => string;
  hideYes: string;
  hideNo: string;
  recent: string;
  recentLoading: string;
  meet: (title: string) => string;
  suggested: string;
  introductions: string;
  hidden: string;
  hiddenHelp: string;
  unhide: (name: string) => string;
}> = {
  en: {
    title: 'My people',
    loading: 'Getting your people',
    intro: 'People you have met through Kith. Only you can see this list.',
    gains: 'Good things so far',
    empty: 'No one here yet',
    emptyMore:
      'When you meet people at sessions, or someone is introduced to you, they can show here.',
    howMet: 'How you met:',
    sources: {
      CO_ATTENDANCE: 'at a session',
      INTRODUCTION: 'an introduction',
      HELP: 'through help',
      SELF_REPORTED: 'you said you met',
    },
    circle: (name) => `How close is ${name} to you?`,
    circles: ['Very close', 'Close', 'Someone I know'],
    circleHelp: 'Only you see this.',
    hide: (name) => `Hide ${name}`,
    hideAsk: (name) =>
      `Hide ${name} from your list? They will not see when you go to a session. They are not told.`,
    hideYes: 'Yes, hide',
    hideNo: 'Keep',
    recent: 'Who did you meet?',
    recentLoading: 'Getting sessions you went to',
    meet: (title) => `Who did you meet at ${title}?`,
    suggested: 'People you might like to meet',
    introductions: 'Introductions',
    hidden: 'People you hid',
    hiddenHelp: 'You can show them in your list again at any time.',
    unhide: (name) => `Show ${name} again`,
  },
  es: {
    title: 'Mi gente',
    loading: 'Buscando a tu gente',
    intro: 'Personas que has conocido con Kith. Solo tú ves esta lista.',
    gains: 'Cosas buenas hasta ahora',
    empty: 'Aún no hay nadie aquí',
    emptyMore:
      'Cuando conozcas a gente en las sesiones, o te presenten a alguien, podrá salir aquí.',
    howMet: 'Cómo os conocisteis:',
    sources: {
      CO_ATTENDANCE: 'en una sesión',
      INTRODUCTION: 'una presentación',
      HELP: 'con una ayuda',
      SELF_REPORTED: 'dijiste que os conocisteis',
    },
    circle: (name) => `¿Cómo de cerca tienes a ${name}?`,
    circles: ['Muy cerca', 'Cerca', 'Alguien que conozco'],
    circleHelp: 'Solo tú lo ves.',
    hide: (name) => `Ocultar a ${name}`,
    hideAsk: (name) =>
      `¿Ocultar a ${name} de tu lista? No verá cuándo vas a una sesión. No se le avisa.`,
    hideYes: 'Sí, ocultar',
    hideNo: 'Dejar',
    recent: '¿A quién conociste?',
    recentLoading: 'Buscando las sesiones a las que fuiste',
    meet: (title) => `¿A quién conociste en ${title}?`,
    suggested: 'Personas que quizá quieras conocer',
    introductions: 'Presentaciones',
    hidden: 'Personas que ocultaste',
    hiddenHelp: 'Puedes volver a mostrarlas en tu lista cuando quieras.',
    unhide: (name) => `Mostrar a ${name} otra vez`,
  },
};

function ContactCard({ contact }: { contact: Contact }) {
  const { language } = useLanguage();
  const t = useStrings(strings);
  const queryClient = useQueryClient();
  const key = apiQueryKey(MyNetworkDocument, {});
  const [asking, setAsking] = useState(false);
  const name = contact.person.displayName;
  const setCircle = useApiMutation(SetContactCircleDocument, {
    onSuccess: ({ setContactCircle }) => {
      queryClient.setQueryData<MyNetworkQuery>(key, (data) =>
        data
          ? {
              myNetwork: {
                ...data.myNetwork,
                contacts: data.myNetwork.contacts.map((c) =>
                  c.person.id === setContactCircle.person.id
                    ? { ...c, circle: setContactCircle.circle }
                    : c,
                ),
              },
            }
          : data,
      );
    },
  });
  const hide = useApiMutation(HideContactDocument, {
    onSuccess: () => {
      queryClient.setQueryData<MyNetworkQuery>(key, (data) =>
        data
          ? {
              myNetwork: {
                ...data.myNetwork,
                contacts: data.myNetwork.contacts.filter((c) => c.person.id !== contact.person.id),
                hiddenContacts: [...data.myNetwork.hiddenContacts, { person: contact.person }],
              },
            }
          : data,
      );
    },
  });
  const error = setCircle.error ?? hide.error;
  const shownCircle = setCircle.isPending ? (setCircle.variables.circle ?? null) : contact.circle;
  return (
    <View style={styles.card} testID={`contact-${contact.person.id}`}>
      <AppText variant="heading">{name}</AppText>
      {contact.sources.length > 0 ? (
        <AppText>{`${t.howMet} ${contact.sources.map((s) => t.sources[s]).join(', ')}`}</AppText>
      ) : null}
      <PickOne
        label={t.circle(name)}
        help={t.circleHelp}
        options={t.circles.map((label, index) => ({ value: index + 1, label }))}
        value={shownCircle ?? null}
        onChange={(circle) => setCircle.mutate({ personId: contact.person.id, circle })}
      />
      {error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describeError(error, language)}
        </AppText>
      ) : null}
      {asking ? (
        <View style={styles.confirm}>
          <AppText>{t.hideAsk(name)}</AppText>
          <Button
            variant="secondary"
            label={t.hideYes}
            busy={hide.isPending}
            onPress={() => hide.mutate({ personId: contact.person.id })}
          />
          <Button variant="secondary" label={t.hideNo} onPress={() => setAsking(false)} />
        </View>
      ) : (
        <Button variant="secondary" label={t.hide(name)} onPress={() => setAsking(true)} />
      )}
    </View>
  );
}

function HiddenContacts({ hidden }: { hidden: Hidden[] }) {
  const { language } = useLanguage();
  const t = useStrings(strings);
  const queryClient = useQueryClient();
  const unhide = useApiMutation(UnhideContactDocument, {
    onSuccess: ({ unhideContact }) => {
      queryClient.setQueryData<MyNetworkQuery>(apiQueryKey(MyNetworkDocument, {}), (data) =>
        data
          ? {
              myNetwork: {
                ...data.myNetwork,
                contacts: [...data.myNetwork.contacts, unhideContact],
                hiddenContacts: data.myNetwork.hiddenContacts.filter(
                  (h) => h.person.id !== unhideContact.person.id,
                ),
              },
            }
          : data,
      );
    },
  });
  if (hidden.length === 0) return null;
  return (
    <View style={styles.section}>
      <AppText variant="heading">{t.hidden}</AppText>
      <AppText variant="muted">{t.hiddenHelp}</AppText>
      {unhide.error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describeError(unhide.error, language)}
        </AppText>
      ) : null}
      {hidden.map((h) => (
        <Button
          key={h.person.id}
          variant="secondary"
          label={t.unhide(h.person.displayName)}
          busy={unhide.isPending && unhide.variables.personId === h.person.id}
          onPress={() => unhide.mutate({ personId: h.person.id })}
        />
      ))}
    </View>
  );
}

function RecentSessions({ onMeet }: { onMeet: (sessionId: string) => void }) {
  const { language } = useLanguage();
  const t = useStrings(strings);
  const query = useApiQuery(RecentSessionsDocument, { first: 10 });
  const attended = (query.data?.me.bookings.edges ?? [])
    .map((edge) => edge.node)
    .filter((booking) => booking.status === 'ATTENDED');
  if (attended.length === 0) return null;
  return (
    <View style={styles.section}>
      <AppText variant="heading">{t.recent}</AppText>
      {attended.map((booking) => (
        <View key={booking.id} style={styles.section}>
          <AppText variant="muted">
            {formatWhen(booking.session.startsAt, undefined, language)}
          </AppText>
          <Button
            variant="secondary"
            label={t.meet(booking.session.activity.title)}
            onPress={() => onMeet(booking.session.id)}
          />
        </View>
      ))}
    </View>
  );
}

/** My people: the member's network in the circles they chose, and ways to meet more. */
export function PeopleScreen({
  onMeet,
  onOpenSuggested,
  onOpenIntroductions,
}: {
  onMeet: (sessionId: string) => void;
  onOpenSuggested: () => void;
  onOpenIntroductions: () => void;
}) {
  const t = useStrings(strings);
  const query = useApiQuery(MyNetworkDocument, {}, { meta: { persist: true } });
  return (
    <Screen title={t.title}>
      <Button label={t.suggested} onPress={onOpenSuggested} />
      <Button variant="secondary" label={t.introductions} onPress={onOpenIntroductions} />
      <RecentSessions onMeet={onMeet} />
      <QueryView query={query} loadingText={t.loading}>
        {({ myNetwork }) => (
          <>
            {myNetwork.gains.length > 0 ? (
              <View style={styles.section}>
                <AppText variant="heading">{t.gains}</AppText>
                {myNetwork.gains.map((gain) => (
                  <AppText key={gain.code}>{`• ${gain.text}`}</AppText>
                ))}
              </View>
            ) : null}
            {myNetwork.contacts.length === 0 ? (
              <EmptyState title={t.empty}>
                <AppText>{t.emptyMore}</AppText>
              </EmptyState>
            ) : (
              <>
                <AppText>{t.intro}</AppText>
                {myNetwork.contacts.map((contact) => (
                  <ContactCard key={contact.person.id} contact={contact} />
                ))}
              </>
            )}
            <HiddenContacts hidden={myNetwork.hiddenContacts} />
          </>
        )}
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  card: { backgroundColor: colours.surface, borderRadius: 12, padding: space.m, gap: space.m },
  section: { gap: space.s },
  confirm: { gap: space.s },
});
