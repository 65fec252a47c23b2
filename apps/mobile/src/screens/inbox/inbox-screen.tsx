import { Pressable, StyleSheet, View } from 'react-native';

import type { MyInboxQuery } from '../../gql/graphql';
import { useLanguage, useStrings, type Language, type Strings } from '../../i18n/language';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space, TOUCH_MIN } from '../../ui/theme';
import { routeOfLink } from './nudge-link';
import { unreadCountOf, useInbox, useMarkRead } from './use-inbox';

type Nudge = MyInboxQuery['myInbox']['edges'][number]['node'];

const strings: Strings<{
  title: string;
  loading: string;
  emptyTitle: string;
  empty: string;
  unread: (count: number) => string;
  newLabel: string;
  markHint: string;
  openHint: string;
  older: string;
}> = {
  en: {
    title: 'Inbox',
    loading: 'Getting your messages',
    emptyTitle: 'No messages yet',
    empty: 'We will write to you here about your bookings and the people you meet.',
    unread: (n) =>
      n === 0
        ? 'You have read all your messages.'
        : n === 1
          ? 'You have 1 new message.'
          : `You have ${n} new messages.`,
    newLabel: 'New',
    markHint: 'Marks this message as read',
    openHint: 'Opens what this message is about',
    older: 'Show older messages',
  },
  es: {
    title: 'Mensajes',
    loading: 'Cargando tus mensajes',
    emptyTitle: 'Todavía no hay mensajes',
    empty: 'Aquí te escribiremos sobre tus reservas y las personas que conoces.',
    unread: (n) =>
      n === 0
        ? 'Has leído todos tus mensajes.'
        : n === 1
          ? 'Tienes 1 mensaje nuevo.'
          : `Tienes ${n} mensajes nuevos.`,
    newLabel: 'Nuevo',
    markHint: 'Marca este mensaje como leído',
    openHint: 'Abre aquello de lo que trata este mensaje',
    older: 'Ver mensajes anteriores',
  },
};

const LOCALE: Record<Language, string> = { en: 'en-GB', es: 'es-ES' };

/** "Friday 4 December", "viernes, 4 de diciembre" */
function dateOf(iso: string, language: Language): string {
  const date = new Date(iso).toLocaleDateString(LOCALE[language], {
    timeZone: 'Europe/London',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  return language === 'en' ? date.replace(',', '') : date;
}

function NudgeCard({ nudge, onOpen }: { nudge: Nudge; onOpen: () => void }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const unread = nudge.readAt === null;
  const opens = routeOfLink(nudge.link) !== null;
  return (
    <Pressable
      accessibilityRole="button"
      accessibilityHint={opens ? t.openHint : unread ? t.markHint : undefined}
      onPress={onOpen}
      testID={`nudge-${nudge.id}`}
      style={({ pressed }) => [styles.card, unread && styles.unread, pressed && styles.pressed]}
    >
      {unread ? <AppText variant="heading">{t.newLabel}</AppText> : null}
      <AppText variant="heading" style={opens ? styles.link : undefined}>
        {nudge.title}
      </AppText>
      <AppText>{nudge.body}</AppText>
      <AppText variant="muted">{dateOf(nudge.createdAt, language)}</AppText>
    </Pressable>
  );
}

/**
 * The member's messages, newest first. Pressing one marks it read and opens what it is about
 * (`onOpenRoute` with the route of its link); one with nowhere to go stays here.
 */
export function InboxScreen({ onOpenRoute }: { onOpenRoute: (route: string) => void }) {
  const t = useStrings(strings);
  const inbox = useInbox();
  const markRead = useMarkRead();
  const describeError = useDescribeError();
  const unread = unreadCountOf(inbox.data);
  const open = (nudge: Nudge) => {
    if (nudge.readAt === null) markRead.mutate({ id: nudge.id });
    const route = routeOfLink(nudge.link);
    if (route) onOpenRoute(route);
  };
  return (
    <Screen title={t.title}>
      <QueryView query={inbox} loadingText={t.loading}>
        {(data) => {
          const nudges = data.pages.flatMap((page) => page.myInbox.edges.map((edge) => edge.node));
          if (nudges.length === 0) {
            return (
              <EmptyState title={t.emptyTitle}>
                <AppText>{t.empty}</AppText>
              </EmptyState>
            );
          }
          return (
            <>
              <AppText>{t.unread(unread)}</AppText>
              {markRead.error ? (
                <AppText variant="error" accessibilityRole="alert">
                  {describeError(markRead.error)}
                </AppText>
              ) : null}
              <View style={styles.list}>
                {nudges.map((nudge) => (
                  <NudgeCard key={nudge.id} nudge={nudge} onOpen={() => open(nudge)} />
                ))}
              </View>
              {inbox.hasNextPage ? (
                <Button
                  label={t.older}
                  variant="secondary"
                  busy={inbox.isFetchingNextPage}
                  onPress={() => void inbox.fetchNextPage()}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  list: { gap: space.m },
  card: {
    minHeight: TOUCH_MIN,
    backgroundColor: colours.surface,
    borderRadius: 12,
    padding: space.m,
    gap: space.s,
    borderWidth: 2,
    borderColor: colours.surface,
  },
  unread: { borderLeftWidth: 6, borderLeftColor: colours.primary },
  pressed: { borderColor: colours.primary },
  link: { color: colours.primary, textDecorationLine: 'underline' },
});
