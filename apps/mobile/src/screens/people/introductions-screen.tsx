import { useQueryClient } from '@tanstack/react-query';
import { StyleSheet, View } from 'react-native';

import {
  MyIntroductionsDocument,
  RespondToIntroductionDocument,
  type IntroductionStatus,
  type MyIntroductionsQuery,
} from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiPages } from '../../query/use-api-pages';
import { useApiMutation } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { formatWhen } from '../../ui/format';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';

type Introduction = MyIntroductionsQuery['me']['introductions']['edges'][number]['node'];

const strings: Strings<{
  title: string;
  loading: string;
  received: string;
  sent: string;
  fromThem: (name: string) => string;
  toThem: (name: string) => string;
  theyWrote: (name: string) => string;
  youWrote: string;
  status: Record<IntroductionStatus, { received: string; sent: (name: string) => string }>;
  yes: (name: string) => string;
  no: string;
  empty: string;
  emptyMore: string;
  more: string;
}> = {
  en: {
    title: 'Introductions',
    loading: 'Getting your introductions',
    received: 'People who asked to meet you',
    sent: 'People you asked to meet',
    fromThem: (name) => `${name} would like to meet you`,
    toThem: (name) => `You asked to meet ${name}`,
    theyWrote: (name) => `${name} wrote:`,
    youWrote: 'You wrote:',
    status: {
      PENDING: {
        received: 'They are waiting for your answer. There is no rush.',
        sent: (name) => `Waiting for ${name} to answer.`,
      },
      ACCEPTED: {
        received: 'You said yes. They are in your people now.',
        sent: (name) => `${name} said yes. They are in your people now.`,
      },
      DECLINED: {
        received: 'You said no, thank you.',
        sent: (name) => `${name} cannot meet just now.`,
      },
      WITHDRAWN: { received: 'This was taken back.', sent: () => 'This was taken back.' },
    },
    yes: (name) => `Yes, I would like to meet ${name}`,
    no: 'No, thank you',
    empty: 'No introductions yet',
    emptyMore: 'When you ask to meet someone, or someone asks to meet you, it shows here.',
    more: 'Show older introductions',
  },
  es: {
    title: 'Presentaciones',
    loading: 'Buscando tus presentaciones',
    received: 'Personas que quieren conocerte',
    sent: 'Personas que quieres conocer',
    fromThem: (name) => `A ${name} le gustaría conocerte`,
    toThem: (name) => `Pediste conocer a ${name}`,
    theyWrote: (name) => `${name} escribió:`,
    youWrote: 'Escribiste:',
    status: {
      PENDING: {
        received: 'Espera tu respuesta. No hay prisa.',
        sent: (name) => `Esperando la respuesta de ${name}.`,
      },
      ACCEPTED: {
        received: 'Dijiste que sí. Ahora está en tu gente.',
        sent: (name) => `${name} dijo que sí. Ahora está en tu gente.`,
      },
      DECLINED: {
        received: 'Dijiste que no, gracias.',
        sent: (name) => `${name} no puede quedar ahora.`,
      },
      WITHDRAWN: { received: 'Se retiró.', sent: () => 'Se retiró.' },
    },
    yes: (name) => `Sí, me gustaría conocer a ${name}`,
    no: 'No, gracias',
    empty: 'Aún no hay presentaciones',
    emptyMore: 'Cuando pidas conocer a alguien, o alguien pida conocerte, saldrá aquí.',
    more: 'Ver presentaciones anteriores',
  },
};

function IntroductionCard({
  intro,
  received,
  primary,
}: {
  intro: Introduction;
  received: boolean;
  primary: boolean;
}) {
  const { language } = useLanguage();
  const t = useStrings(strings);
  const queryClient = useQueryClient();
  const respond = useApiMutation(RespondToIntroductionDocument, {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['MyIntroductions'] });
      void queryClient.invalidateQueries({ queryKey: ['MyNetwork'] });
    },
  });
  const other = received ? intro.from.displayName : intro.to.displayName;
  const status = respond.data?.respondToIntroduction.status ?? intro.status;
  return (
    <View style={styles.card} testID={`introduction-${intro.id}`}>
      <AppText variant="heading">{received ? t.fromThem(other) : t.toThem(other)}</AppText>
      <AppText variant="muted">{formatWhen(intro.createdAt, undefined, language)}</AppText>
      {intro.message ? (
        <View style={styles.message}>
          <AppText variant="muted">{received ? t.theyWrote(other) : t.youWrote}</AppText>
          <AppText>{intro.message}</AppText>
        </View>
      ) : null}
      <AppText>{received ? t.status[status].received : t.status[status].sent(other)}</AppText>
      {respond.error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describeError(respond.error, language)}
        </AppText>
      ) : null}
      {received && status === 'PENDING' ? (
        <>
          <Button
            variant={primary ? 'primary' : 'secondary'}
            label={t.yes(other)}
            busy={respond.isPending && respond.variables.accept}
            onPress={() => respond.mutate({ id: intro.id, accept: true })}
          />
          <Button
            variant="secondary"
            label={t.no}
            busy={respond.isPending && !respond.variables.accept}
            onPress={() => respond.mutate({ id: intro.id, accept: false })}
          />
        </>
      ) : null}
    </View>
  );
}

/** Introductions sent and received, with their messages; received ones can be answered. */
export function IntroductionsScreen() {
  const t = useStrings(strings);
  const pages = useApiPages(
    MyIntroductionsDocument,
    { first: 20 },
    (page) => page.me.introductions.pageInfo,
  );
  return (
    <Screen title={t.title}>
      <QueryView query={pages} loadingText={t.loading}>
        {(data) => {
          const meId = data.pages[0]?.me.id;
          const all = data.pages.flatMap((page) => page.me.introductions.edges.map((e) => e.node));
          if (all.length === 0) {
            return (
              <EmptyState title={t.empty}>
                <AppText>{t.emptyMore}</AppText>
              </EmptyState>
            );
          }
          const received = all.filter((i) => i.to.id === meId);
          const sent = all.filter((i) => i.to.id !== meId);
          const firstPending = received.find((i) => i.status === 'PENDING')?.id;
          return (
            <>
              {received.length > 0 ? (
                <View style={styles.section}>
                  <AppText variant="heading">{t.received}</AppText>
                  {received.map((intro) => (
                    <IntroductionCard
                      key={intro.id}
                      intro={intro}
                      received
                      primary={intro.id === firstPending}
                    />
                  ))}
                </View>
              ) : null}
              {sent.length > 0 ? (
                <View style={styles.section}>
                  <AppText variant="heading">{t.sent}</AppText>
                  {sent.map((intro) => (
                    <IntroductionCard
                      key={intro.id}
                      intro={intro}
                      received={false}
                      primary={false}
                    />
                  ))}
                </View>
              ) : null}
              {pages.hasNextPage ? (
                <Button
                  variant="secondary"
                  label={t.more}
                  busy={pages.isFetchingNextPage}
                  onPress={() => void pages.fetchNextPage()}
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
  section: { gap: space.m },
  card: { backgroundColor: colours.surface, borderRadius: 12, padding: space.m, gap: space.s },
  message: {
    gap: space.xs,
    borderLeftWidth: 4,
    borderLeftColor: colours.primary,
    paddingLeft: space.m,
  },
});
