import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import {
  RequestIntroductionDocument,
  SuggestedPeersDocument,
  type SuggestedPeersQuery,
} from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { TextField } from '../../ui/text-field';
import { colours, space } from '../../ui/theme';

type Peer = SuggestedPeersQuery['suggestedPeers'][number];

const strings: Strings<{
  title: string;
  loading: string;
  intro: string;
  away: (band: string) => string;
  why: string;
  ask: (name: string) => string;
  message: string;
  messageHelp: string;
  send: string;
  notNow: string;
  asked: (name: string) => string;
  empty: string;
  emptyMore: string;
  checkAgain: string;
}> = {
  en: {
    title: 'People you might like to meet',
    loading: 'Looking for people near you',
    intro: 'People near you who would like to meet others. Kith can introduce you.',
    away: (band) => `Lives ${band} from you`,
    why: 'Why we picked them:',
    ask: (name) => `Ask to meet ${name}`,
    message: 'A short message (you can leave this empty)',
    messageHelp: 'For example: I like gardening too. Shall we go to the garden club?',
    send: 'Send',
    notNow: 'Not now',
    asked: (name) => `We have asked ${name}. We will tell you when they answer.`,
    empty: 'No one to suggest just now',
    emptyMore: 'New people join Kith every week. Come back in a few days.',
    checkAgain: 'Check again',
  },
  es: {
    title: 'Personas que quizá quieras conocer',
    loading: 'Buscando personas cerca de ti',
    intro: 'Personas cerca de ti a las que les gustaría conocer gente. Kith puede presentaros.',
    away: (band) => `Vive a ${band} de ti`,
    why: 'Por qué te lo sugerimos:',
    ask: (name) => `Pedir conocer a ${name}`,
    message: 'Un mensaje corto (puedes dejarlo vacío)',
    messageHelp: 'Por ejemplo: A mí también me gusta la jardinería. ¿Vamos al club de jardín?',
    send: 'Enviar',
    notNow: 'Ahora no',
    asked: (name) => `Se lo hemos pedido a ${name}. Te avisaremos cuando responda.`,
    empty: 'Ahora no hay nadie que sugerir',
    emptyMore: 'Cada semana llega gente nueva a Kith. Vuelve en unos días.',
    checkAgain: 'Mirar otra vez',
  },
};

function PeerCard({ peer, primary }: { peer: Peer; primary: boolean }) {
  const { language } = useLanguage();
  const t = useStrings(strings);
  const [writing, setWriting] = useState(false);
  const [message, setMessage] = useState('');
  const request = useApiMutation(RequestIntroductionDocument);
  const name = peer.person.displayName;
  return (
    <View style={styles.card} testID={`peer-${peer.person.id}`}>
      <AppText variant="heading">{name}</AppText>
      {peer.person.distanceBand ? <AppText>{t.away(peer.person.distanceBand)}</AppText> : null}
      {peer.reasons.length > 0 ? (
        <View style={styles.reasons}>
          <AppText variant="muted">{t.why}</AppText>
          {peer.reasons.map((reason) => (
            <AppText key={reason.code}>{`• ${reason.text}`}</AppText>
          ))}
        </View>
      ) : null}
      {request.data ? (
        <AppText accessibilityRole="alert">{t.asked(name)}</AppText>
      ) : writing ? (
        <>
          <TextField
            label={t.message}
            help={t.messageHelp}
            value={message}
            onChangeText={setMessage}
            autoCapitalize="sentences"
            error={request.error?.fieldMessage('message')}
          />
          {request.error && !request.error.fieldMessage('message') ? (
            <AppText variant="error" accessibilityRole="alert">
              {describeError(request.error, language)}
            </AppText>
          ) : null}
          <Button
            label={t.send}
            busy={request.isPending}
            onPress={() =>
              request.mutate({
                personId: peer.person.id,
                message: message.trim() === '' ? null : message.trim(),
              })
            }
          />
          <Button variant="secondary" label={t.notNow} onPress={() => setWriting(false)} />
        </>
      ) : (
        <Button
          variant={primary ? 'primary' : 'secondary'}
          label={t.ask(name)}
          onPress={() => setWriting(true)}
        />
      )}
    </View>
  );
}

/** Suggested peers with their reasons; the member may ask for an introduction. */
export function SuggestedScreen() {
  const t = useStrings(strings);
  const query = useApiQuery(SuggestedPeersDocument, { first: 10 });
  return (
    <Screen title={t.title}>
      <QueryView query={query} loadingText={t.loading}>
        {({ suggestedPeers }) =>
          suggestedPeers.length === 0 ? (
            <EmptyState title={t.empty}>
              <AppText>{t.emptyMore}</AppText>
              <Button
                variant="secondary"
                label={t.checkAgain}
                onPress={() => void query.refetch()}
              />
            </EmptyState>
          ) : (
            <>
              <AppText>{t.intro}</AppText>
              {suggestedPeers.map((peer, index) => (
                <PeerCard key={peer.person.id} peer={peer} primary={index === 0} />
              ))}
            </>
          )
        }
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  card: { backgroundColor: colours.surface, borderRadius: 12, padding: space.m, gap: space.m },
  reasons: { gap: space.xs },
});
