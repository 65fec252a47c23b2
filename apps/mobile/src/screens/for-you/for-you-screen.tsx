import { Pressable, StyleSheet, View } from 'react-native';

import { ForYouDocument, type ForYouQuery } from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { formatWhen } from '../../ui/format';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';
import { useSaveProfile } from '../profile/use-profile';
import { needHelp, type Advice, type NeedAction, type ProfileSetting } from './matching-needs';

type Match = ForYouQuery['recommendedSessions'][number];

const strings: Strings<{
  title: string;
  loading: string;
  intro: string;
  why: string;
  full: string;
  placesLeft: (n: number) => string;
  where: (venue: string, band: string) => string;
  nothingNew: string;
  comeBack: string;
  checkAgain: string;
  cannotSuggest: string;
}> = {
  en: {
    title: 'For you',
    loading: 'Finding things for you',
    intro: 'Things near you we think you might enjoy.',
    why: 'Why we picked this:',
    full: 'It is full. You can join the waiting list.',
    placesLeft: (n) => (n === 1 ? '1 place left' : `${n} places left`),
    where: (venue, band) => `${venue}, ${band} from you`,
    nothingNew: 'Nothing new near you right now',
    comeBack: 'New things are added every week. Come back in a day or two.',
    checkAgain: 'Check again',
    cannotSuggest: 'We cannot suggest anything yet',
  },
  es: {
    title: 'Para ti',
    loading: 'Buscando cosas para ti',
    intro: 'Cosas cerca de ti que creemos que te pueden gustar.',
    why: 'Por qué lo elegimos:',
    full: 'Está lleno. Puedes apuntarte a la lista de espera.',
    placesLeft: (n) => (n === 1 ? 'Queda 1 plaza' : `Quedan ${n} plazas`),
    where: (venue, band) => `${venue} (${band})`,
    nothingNew: 'Nada nuevo cerca de ti ahora mismo',
    comeBack: 'Cada semana añadimos cosas nuevas. Vuelve dentro de uno o dos días.',
    checkAgain: 'Mirar otra vez',
    cannotSuggest: 'Aún no podemos sugerirte nada',
  },
};

function Suggestion({ match, onOpen }: { match: Match; onOpen: () => void }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const { session } = match;
  const where = session.distanceBand
    ? t.where(session.activity.venueName, session.distanceBand)
    : session.activity.venueName;
  const when = formatWhen(session.startsAt, session.endsAt, language);
  const places = session.placesLeft <= 0 ? t.full : t.placesLeft(session.placesLeft);
  return (
    <Pressable
      style={styles.card}
      accessibilityRole="button"
      onPress={onOpen}
      testID={`suggestion-${session.id}`}
    >
      <AppText variant="heading">{session.activity.title}</AppText>
      <AppText>{when}</AppText>
      <AppText>{where}</AppText>
      <AppText>{places}</AppText>
      {match.reasons.length > 0 ? (
        <View style={styles.reasons}>
          <AppText variant="muted">{t.why}</AppText>
          {match.reasons.map((reason) => (
            <AppText key={reason.code}>{`• ${reason.text}`}</AppText>
          ))}
        </View>
      ) : null}
    </Pressable>
  );
}

/**
 * Each need the API names, in plain words, with the change that would help. The first change is
 * the screen's primary action unless `primary` is false; a wider radius is saved in one tap.
 */
function Needs({
  advice,
  primary,
  onOpenSetting,
}: {
  advice: Advice;
  primary: boolean;
  onOpenSetting: (setting: ProfileSetting) => void;
}) {
  const { language } = useLanguage();
  const describe = useDescribeError();
  const save = useSaveProfile();
  let primaryGiven = !primary;
  function act(action: NeedAction) {
    if (action.kind === 'open') onOpenSetting(action.setting);
    else save.mutate({ input: { travelRadiusMetres: action.metres } });
  }
  return (
    <>
      {advice.needs.map((need) => {
        const { text, action } = needHelp(need, advice, language);
        const variant = primaryGiven ? 'secondary' : 'primary';
        if (action) primaryGiven = true;
        return (
          <View key={need} style={styles.need} testID={`need-${need}`}>
            <AppText>{text}</AppText>
            {action ? (
              <Button
                label={action.label}
                variant={variant}
                busy={action.kind === 'radius' && save.isPending}
                onPress={() => act(action)}
              />
            ) : null}
          </View>
        );
      })}
      {save.error ? (
        <AppText variant="error" accessibilityRole="alert">
          {describe(save.error)}
        </AppText>
      ) : null}
    </>
  );
}

function NoSuggestions({
  advice,
  onOpenSetting,
  onCheckAgain,
}: {
  advice: Advice;
  onOpenSetting: (setting: ProfileSetting) => void;
  onCheckAgain: () => void;
}) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const canChange = advice.needs.some((need) => needHelp(need, advice, language).action);
  if (advice.needs.length === 0) {
    return (
      <EmptyState title={t.nothingNew}>
        <AppText>{t.comeBack}</AppText>
        <Button label={t.checkAgain} onPress={onCheckAgain} />
      </EmptyState>
    );
  }
  return (
    <EmptyState title={t.cannotSuggest}>
      <Needs advice={advice} primary onOpenSetting={onOpenSetting} />
      {canChange ? null : <Button label={t.checkAgain} onPress={onCheckAgain} />}
    </EmptyState>
  );
}

export function ForYouScreen({
  onOpenSetting,
  onOpenSession = () => undefined,
}: {
  onOpenSetting: (setting: ProfileSetting) => void;
  onOpenSession?: (id: string) => void;
}) {
  const t = useStrings(strings);
  const query = useApiQuery(ForYouDocument, { first: 10 }, { meta: { persist: true } });
  return (
    <Screen title={t.title}>
      <QueryView query={query} loadingText={t.loading}>
        {(data) =>
          data.recommendedSessions.length === 0 ? (
            <NoSuggestions
              advice={data.matchingAdvice}
              onOpenSetting={onOpenSetting}
              onCheckAgain={() => void query.refetch()}
            />
          ) : (
            <>
              {data.matchingAdvice.needs.length > 0 ? (
                <View style={styles.note} testID="advice-note">
                  <Needs
                    advice={data.matchingAdvice}
                    primary={false}
                    onOpenSetting={onOpenSetting}
                  />
                </View>
              ) : null}
              <AppText>{t.intro}</AppText>
              {data.recommendedSessions.map((match) => (
                <Suggestion
                  key={match.session.id}
                  match={match}
                  onOpen={() => onOpenSession(match.session.id)}
                />
              ))}
            </>
          )
        }
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  card: {
    backgroundColor: colours.surface,
    borderRadius: 12,
    padding: space.m,
    gap: space.s,
  },
  reasons: { gap: space.xs, marginTop: space.s },
  need: { gap: space.m },
  note: { backgroundColor: colours.notice, borderRadius: 12, padding: space.m, gap: space.m },
});
