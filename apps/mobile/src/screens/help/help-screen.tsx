import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import {
  CancelHelpRequestDocument,
  MyHelpRequestsDocument,
  MyTimeCreditsDocument,
  type MyHelpRequestsQuery,
  type MyTimeCreditsQuery,
} from '../../gql/graphql';
import { useLanguage, useStrings, type Language, type Strings } from '../../i18n/language';
import { useApiPages } from '../../query/use-api-pages';
import { useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { formatWhen } from '../../ui/format';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';
import { durationText } from './time-words';

type HelpRequest = MyHelpRequestsQuery['me']['helpRequests']['edges'][number]['node'];
type TimeCreditEntry = MyTimeCreditsQuery['me']['timeCreditEntries']['edges'][number]['node'];

const strings: Strings<{
  title: string;
  ask: string;
  requests: string;
  loading: string;
  empty: string;
  emptyMore: string;
  about: (minutes: string) => string;
  atHome: string;
  meetAt: (place: string) => string;
  looking: string;
  asked: (name: string) => string;
  coming: (name: string, when: string) => string;
  willCome: (name: string) => string;
  done: (name: string | null) => string;
  cancelled: string;
  cancel: string;
  cancelAsk: (name: string | null) => string;
  cancelYes: string;
  cancelNo: string;
  more: string;
  credits: string;
  creditsLoading: string;
  balance: (time: string) => string;
  noBalance: string;
  gave: (time: string) => string;
  received: (time: string) => string;
  granted: (time: string) => string;
  added: (time: string) => string;
  used: (time: string) => string;
}> = {
  en: {
    title: 'Help',
    ask: 'Ask for help',
    requests: 'Help you asked for',
    loading: 'Getting your requests',
    empty: 'You have not asked for help yet',
    emptyMore: 'A local helper can help with small jobs, shopping, phones and more.',
    about: (minutes) => `About ${minutes}`,
    atHome: 'At your home',
    meetAt: (place) => `Meeting at: ${place}`,
    looking: 'We are looking for someone to help.',
    asked: (name) => `We have asked ${name}. We are waiting for them to say yes.`,
    coming: (name, when) => `${name} is coming on ${when}.`,
    willCome: (name) => `${name} will help. They will tell you when they can come.`,
    done: (name) => (name ? `${name} helped you with this.` : 'This help is done.'),
    cancelled: 'You cancelled this.',
    cancel: 'Cancel this request',
    cancelAsk: (name) =>
      name
        ? `Cancel this request? We will tell ${name} they do not need to come.`
        : 'Cancel this request?',
    cancelYes: 'Yes, cancel it',
    cancelNo: 'No, keep it',
    more: 'Show older requests',
    credits: 'Your time credits',
    creditsLoading: 'Getting your time credits',
    balance: (time) => `You have ${time} of time credits to use when you need help.`,
    noBalance:
      'When you help someone, you earn time credits. You can ask for help whenever you need it.',
    gave: (time) => `You gave ${time} of help`,
    received: (time) => `You were helped for ${time}`,
    granted: (time) => `Minutes given to you by the circle: ${time}`,
    added: (time) => `${time} of time credits added`,
    used: (time) => `${time} of time credits used`,
  },
  es: {
    title: 'Ayuda',
    ask: 'Pedir ayuda',
    requests: 'Ayuda que pediste',
    loading: 'Buscando tus peticiones',
    empty: 'Aún no has pedido ayuda',
    emptyMore: 'Alguien del barrio puede ayudarte con arreglos, la compra, el móvil y más.',
    about: (minutes) => `Más o menos ${minutes}`,
    atHome: 'En tu casa',
    meetAt: (place) => `Lugar: ${place}`,
    looking: 'Estamos buscando a alguien que te ayude.',
    asked: (name) => `Se lo hemos pedido a ${name}. Esperamos que diga que sí.`,
    coming: (name, when) => `${name} viene el ${when}.`,
    willCome: (name) => `${name} te ayudará. Te dirá cuándo puede venir.`,
    done: (name) => (name ? `${name} te ayudó con esto.` : 'Esta ayuda está hecha.'),
    cancelled: 'Cancelaste esto.',
    cancel: 'Cancelar esta petición',
    cancelAsk: (name) =>
      name
        ? `¿Cancelar esta petición? Le diremos a ${name} que no hace falta que venga.`
        : '¿Cancelar esta petición?',
    cancelYes: 'Sí, cancelar',
    cancelNo: 'No, mantener',
    more: 'Ver peticiones anteriores',
    credits: 'Tus créditos de tiempo',
    creditsLoading: 'Buscando tus créditos de tiempo',
    balance: (time) => `Tienes ${time} de créditos de tiempo para cuando necesites ayuda.`,
    noBalance:
      'Cuando ayudas a alguien, ganas créditos de tiempo. Puedes pedir ayuda siempre que la necesites.',
    gave: (time) => `Diste ${time} de ayuda`,
    received: (time) => `Te ayudaron durante ${time}`,
    granted: (time) => `Minutos que te dio el círculo: ${time}`,
    added: (time) => `Se añadieron ${time} de créditos de tiempo`,
    used: (time) => `Se usaron ${time} de créditos de tiempo`,
  },
};

function statusLine(t: (typeof strings)['en'], request: HelpRequest, language: Language): string {
  const name = request.helper?.firstName ?? null;
  switch (request.status) {
    case 'OPEN':
      return t.looking;
    case 'ASSIGNED':
      return name ? t.asked(name) : t.looking;
    case 'ACCEPTED':
      if (!name) return t.looking;
      return request.helper?.scheduledAt
        ? t.coming(name, formatWhen(request.helper.scheduledAt, undefined, language))
        : t.willCome(name);
    case 'DONE':
      return t.done(name);
    case 'CANCELLED':
      return t.cancelled;
  }
}

/** An entry in words from its kind; durationText drops the sign, so nothing reads as a debt. */
function entryLine(t: (typeof strings)['en'], entry: TimeCreditEntry, language: Language): string {
  const time = durationText(entry.minutes, language);
  switch (entry.kind) {
    case 'HELP_GIVEN':
      return t.gave(time);
    case 'HELP_RECEIVED':
      return t.received(time);
    case 'GRANT':
      return t.granted(time);
    case 'OTHER':
      return entry.minutes < 0 ? t.used(time) : t.added(time);
  }
}

function RequestCard({ request }: { request: HelpRequest }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const cancel = useApiMutation(CancelHelpRequestDocument, {
    onSuccess: () => {
      setAsking(false);
      void queryClient.invalidateQueries({ queryKey: ['MyHelpRequests'] });
    },
  });
  const status = cancel.data?.cancelHelpRequest.status ?? request.status;
  const shown = { ...request, status };
  const open = status === 'OPEN' || status === 'ASSIGNED' || status === 'ACCEPTED';
  return (
    <View style={styles.card} testID={`request-${request.id}`}>
      <AppText variant="heading">{request.skill.label}</AppText>
      <AppText>{request.description}</AppText>
      <AppText>{t.about(durationText(request.durationMinutes, language))}</AppText>
      <AppText>
        {request.atHome || !request.meetingPlace ? t.atHome : t.meetAt(request.meetingPlace)}
      </AppText>
      <AppText variant="heading">{statusLine(t, shown, language)}</AppText>
      {cancel.error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describeError(cancel.error, language)}
        </AppText>
      ) : null}
      {open ? (
        asking ? (
          <View style={styles.confirm}>
            <AppText>{t.cancelAsk(request.helper?.firstName ?? null)}</AppText>
            <Button
              variant="secondary"
              label={t.cancelYes}
              busy={cancel.isPending}
              onPress={() => cancel.mutate({ id: request.id })}
            />
            <Button variant="secondary" label={t.cancelNo} onPress={() => setAsking(false)} />
          </View>
        ) : (
          <Button variant="secondary" label={t.cancel} onPress={() => setAsking(true)} />
        )
      ) : null}
    </View>
  );
}

function TimeCredits() {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const query = useApiQuery(MyTimeCreditsDocument, { first: 10 });
  return (
    <View style={styles.section}>
      <AppText variant="heading">{t.credits}</AppText>
      <QueryView query={query} loadingText={t.creditsLoading}>
        {(data) => (
          <>
            <AppText>
              {data.myTimeCredits.balanceMinutes > 0
                ? t.balance(durationText(data.myTimeCredits.balanceMinutes, language))
                : t.noBalance}
            </AppText>
            {data.me.timeCreditEntries.edges.map(({ cursor, node }) => (
              <View key={cursor} style={styles.entry}>
                <AppText variant="muted">{formatWhen(node.at, undefined, language)}</AppText>
                <AppText>{entryLine(t, node, language)}</AppText>
              </View>
            ))}
          </>
        )}
      </QueryView>
    </View>
  );
}

/** My requests for help (who is coming, when, where; cancel), and time credits. */
export function HelpScreen({ onAsk }: { onAsk: () => void }) {
  const t = useStrings(strings);
  const pages = useApiPages(
    MyHelpRequestsDocument,
    { first: 20 },
    (page) => page.me.helpRequests.pageInfo,
    { persist: true },
  );
  return (
    <Screen title={t.title}>
      <Button label={t.ask} onPress={onAsk} />
      <View style={styles.section}>
        <AppText variant="heading">{t.requests}</AppText>
        <QueryView query={pages} loadingText={t.loading}>
          {(data) => {
            const requests = data.pages.flatMap((p) => p.me.helpRequests.edges.map((e) => e.node));
            if (requests.length === 0) {
              return (
                <EmptyState title={t.empty}>
                  <AppText>{t.emptyMore}</AppText>
                </EmptyState>
              );
            }
            return (
              <>
                {requests.map((request) => (
                  <RequestCard key={request.id} request={request} />
                ))}
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
      </View>
      <TimeCredits />
    </Screen>
  );
}

const styles = StyleSheet.create({
  section: { gap: space.m },
  card: { backgroundColor: colours.surface, borderRadius: 12, padding: space.m, gap: space.s },
  confirm: { gap: space.s },
  entry: { gap: space.xs },
});
