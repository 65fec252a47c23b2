import { Pressable, StyleSheet, View } from 'react-native';

import { ForYouDocument, type ForYouQuery } from '../../gql/graphql';
import { useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { formatWhen } from '../../ui/format';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';
import { needHelp, type ProfileSetting } from './matching-needs';

type Match = ForYouQuery['recommendedSessions'][number];

function placesText(placesLeft: number): string {
  if (placesLeft <= 0) return 'It is full. You can join the waiting list.';
  return placesLeft === 1 ? '1 place left' : `${placesLeft} places left`;
}

function Suggestion({ match, onOpen }: { match: Match; onOpen: () => void }) {
  const { session } = match;
  const where = session.distanceBand
    ? `${session.activity.venueName}, ${session.distanceBand} from you`
    : session.activity.venueName;
  return (
    <Pressable
      style={styles.card}
      accessibilityRole="button"
      accessibilityLabel={[
        session.activity.title,
        formatWhen(session.startsAt, session.endsAt),
        where,
        placesText(session.placesLeft),
        ...match.reasons.map((reason) => reason.text),
      ].join('. ')}
      onPress={onOpen}
      testID={`suggestion-${session.id}`}
    >
      <AppText variant="heading">{session.activity.title}</AppText>
      <AppText>{formatWhen(session.startsAt, session.endsAt)}</AppText>
      <AppText>{where}</AppText>
      <AppText>{placesText(session.placesLeft)}</AppText>
      {match.reasons.length > 0 ? (
        <View style={styles.reasons}>
          <AppText variant="muted">Why we picked this:</AppText>
          {match.reasons.map((reason) => (
            <AppText key={reason.code}>{`• ${reason.text}`}</AppText>
          ))}
        </View>
      ) : null}
    </Pressable>
  );
}

function NoSuggestions({
  needs,
  onOpenSetting,
  onCheckAgain,
}: {
  needs: readonly string[];
  onOpenSetting: (setting: ProfileSetting) => void;
  onCheckAgain: () => void;
}) {
  if (needs.length === 0) {
    return (
      <EmptyState title="Nothing new near you right now">
        <AppText>New things are added every week. Come back in a day or two.</AppText>
        <Button label="Check again" onPress={onCheckAgain} />
      </EmptyState>
    );
  }
  let primaryGiven = false;
  return (
    <EmptyState title="We cannot suggest anything yet">
      {needs.map((need) => {
        const help = needHelp(need);
        const { action } = help;
        const variant = primaryGiven ? 'secondary' : 'primary';
        if (action) primaryGiven = true;
        return (
          <View key={need} style={styles.need} testID={`need-${need}`}>
            <AppText>{help.text}</AppText>
            {action ? (
              <Button
                label={action.label}
                variant={variant}
                onPress={() => onOpenSetting(action.setting)}
              />
            ) : null}
          </View>
        );
      })}
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
  const query = useApiQuery(ForYouDocument, { first: 10 }, { meta: { persist: true } });
  return (
    <Screen title="For you">
      <QueryView query={query} loadingText="Finding things for you">
        {(data) =>
          data.recommendedSessions.length === 0 ? (
            <NoSuggestions
              needs={data.matchingNeeds}
              onOpenSetting={onOpenSetting}
              onCheckAgain={() => void query.refetch()}
            />
          ) : (
            <>
              <AppText>Things near you we think you might enjoy.</AppText>
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
});
