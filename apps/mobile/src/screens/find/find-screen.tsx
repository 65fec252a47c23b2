import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { StyleSheet, View } from 'react-native';

import { useApiClient } from '../../api/api-client-context';
import {
  FindChoicesDocument,
  FindSessionsDocument,
  type FindChoicesQuery,
  type FindSessionsQuery,
  type SessionFilter,
} from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { useOnline } from '../../query/online';
import { useApiQuery } from '../../query/use-api-query';
import { SessionCard } from '../../ui/session-card';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { EmptyState, ErrorState, LoadingState, OfflineState, QueryView } from '../../ui/states';
import { space } from '../../ui/theme';
import { useSessionWords } from '../session/session-words';
import { CheckBox, ChoiceGroup, type Choice } from './choices';
import { DAY_CHOICES, dayRange, type DayChoice } from './day-range';

const PAGE_SIZE = 20;
const ANYTHING = 'anything';

const strings: Strings<{
  title: string;
  loadingChoices: string;
  looking: string;
  day: string;
  days: Record<DayChoice, string>;
  interest: string;
  anything: string;
  chooseInterest: string;
  chooseAnother: string;
  moreInterests: string;
  fewerInterests: string;
  hasPlaces: string;
  noHomeTitle: string;
  noHome: string;
  addPostcode: string;
  nothingTitle: string;
  nothing: string;
  showEverything: string;
  showMore: string;
  openHint: string;
}> = {
  en: {
    title: 'Find',
    loadingChoices: 'Getting ready',
    looking: 'Looking for sessions near you',
    day: 'When',
    days: { today: 'Today', tomorrow: 'Tomorrow', thisWeek: 'This week', nextWeek: 'Next week' },
    interest: 'What',
    anything: 'Anything',
    chooseInterest: 'Choose an interest',
    chooseAnother: 'Choose another interest',
    moreInterests: 'Show other interests',
    fewerInterests: 'Show only mine',
    hasPlaces: 'Only show ones with places left',
    noHomeTitle: 'Add your postcode to see what is near you',
    noHome: 'We need to know roughly where you live to find things near you.',
    addPostcode: 'Add your postcode',
    nothingTitle: 'Nothing found',
    nothing: 'Nothing near you matches. Try another day or another interest.',
    showEverything: 'Show everything near me',
    showMore: 'Show more',
    openHint: 'Opens the session, where you can join',
  },
  es: {
    title: 'Buscar',
    loadingChoices: 'Preparando',
    looking: 'Buscando sesiones cerca de ti',
    day: 'Cuándo',
    days: {
      today: 'Hoy',
      tomorrow: 'Mañana',
      thisWeek: 'Esta semana',
      nextWeek: 'La semana que viene',
    },
    interest: 'Qué',
    anything: 'Cualquier cosa',
    chooseInterest: 'Elegir un interés',
    chooseAnother: 'Elegir otro interés',
    moreInterests: 'Ver otros intereses',
    fewerInterests: 'Ver solo los míos',
    hasPlaces: 'Ver solo las que tienen plazas',
    noHomeTitle: 'Añade tu código postal para ver lo que hay cerca de ti',
    noHome: 'Necesitamos saber más o menos dónde vives para buscar cosas cerca.',
    addPostcode: 'Añadir tu código postal',
    nothingTitle: 'No hay nada',
    nothing: 'No hay nada cerca de ti que encaje. Prueba otro día u otro interés.',
    showEverything: 'Ver todo lo que hay cerca',
    showMore: 'Ver más',
    openHint: 'Abre la sesión, donde puedes apuntarte',
  },
};

type Found = FindSessionsQuery['sessions']['edges'][number]['node'];

function FoundCard({ found, onOpen }: { found: Found; onOpen: () => void }) {
  const t = useStrings(strings);
  const w = useSessionWords();
  const when = w.when(found.startsAt, found.endsAt);
  const where = w.where(found.activity.venueName, found.distanceBand);
  const places = found.placesLeft > 0 ? w.places(found.placesLeft) : w.full(found.waitlistLength);
  return (
    <SessionCard
      title={found.activity.title}
      lines={[when, where, places]}
      hint={t.openHint}
      onPress={onOpen}
      testID={`found-${found.id}`}
    />
  );
}

function NoHome({ onAddHome }: { onAddHome: () => void }) {
  const t = useStrings(strings);
  return (
    <EmptyState title={t.noHomeTitle}>
      <AppText>{t.noHome}</AppText>
      <Button label={t.addPostcode} onPress={onAddHome} />
    </EmptyState>
  );
}

/** The sessions a filter finds, a page at a time. */
function Results({
  filter,
  narrowed,
  onWiden,
  onOpenSession,
  onAddHome,
}: {
  filter: SessionFilter;
  narrowed: boolean;
  onWiden: () => void;
  onOpenSession: (id: string) => void;
  onAddHome: () => void;
}) {
  const t = useStrings(strings);
  const client = useApiClient();
  const query = useInfiniteQuery({
    queryKey: ['FindSessions', filter],
    queryFn: ({ pageParam }) =>
      client.request(FindSessionsDocument, { filter, first: PAGE_SIZE, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.sessions.pageInfo.hasNextPage ? last.sessions.pageInfo.endCursor : undefined,
  });
  // Asked from home, so a member with no home yet is told how to add one.
  if (query.error?.code === 'BAD_USER_INPUT' && query.error.fieldMessage('near')) {
    return <NoHome onAddHome={onAddHome} />;
  }
  return (
    <QueryView query={query} loadingText={t.looking}>
      {(data) => {
        const found = data.pages.flatMap((page) => page.sessions.edges.map((edge) => edge.node));
        if (found.length === 0) {
          return (
            <EmptyState title={t.nothingTitle}>
              <AppText>{t.nothing}</AppText>
              {narrowed ? (
                <Button label={t.showEverything} variant="secondary" onPress={onWiden} />
              ) : null}
            </EmptyState>
          );
        }
        return (
          <>
            <View style={styles.list}>
              {found.map((session) => (
                <FoundCard
                  key={session.id}
                  found={session}
                  onOpen={() => onOpenSession(session.id)}
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

/** The member's own interests first, then the rest of the catalogue. */
function interestChoices(
  choices: FindChoicesQuery,
  showAll: boolean,
  anything: string,
): {
  shown: Choice<string>[];
  all: Choice<string>[];
  hasOthers: boolean;
  mine: ReadonlySet<string>;
} {
  const mine = new Set(choices.me.memberProfile?.interests.map((interest) => interest.id) ?? []);
  const own = choices.interests.filter((interest) => mine.has(interest.id));
  const others = choices.interests.filter((interest) => !mine.has(interest.id));
  const listed = own.length === 0 || showAll ? [...own, ...others] : own;
  const choice = (interest: { id: string; label: string }) => ({
    value: interest.id,
    label: interest.label,
  });
  const anythingChoice = { value: ANYTHING, label: anything };
  return {
    shown: [anythingChoice, ...listed.map(choice)],
    all: [anythingChoice, ...choices.interests.map(choice)],
    hasOthers: own.length > 0 && others.length > 0,
    mine,
  };
}

function Finder({
  choices,
  onOpenSession,
  onAddHome,
}: {
  choices: FindChoicesQuery;
  onOpenSession: (id: string) => void;
  onAddHome: () => void;
}) {
  const t = useStrings(strings);
  const [day, setDay] = useState<DayChoice>('thisWeek');
  const [interest, setInterest] = useState<string>(ANYTHING);
  const [hasPlaces, setHasPlaces] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const radius = choices.me.memberProfile?.travelRadiusMetres;
  const filter = useMemo((): SessionFilter => {
    // Whole London days, so the filter (and the cache) stays the same all day.
    const { from, to } = dayRange(day, new Date());
    return {
      withinMetres: radius,
      from,
      to,
      ...(interest === ANYTHING ? {} : { interestIds: [interest] }),
      ...(hasPlaces ? { hasPlaces: true } : {}),
    };
  }, [day, interest, hasPlaces, radius]);
  const interests = interestChoices(choices, showAll, t.anything);
  return (
    <>
      <ChoiceGroup
        label={t.day}
        choices={DAY_CHOICES.map((value) => ({ value, label: t.days[value] }))}
        chosen={day}
        onChoose={setDay}
      />
      {choosing ? (
        <>
          <ChoiceGroup
            label={t.interest}
            choices={interests.shown}
            chosen={interest}
            onChoose={(value) => {
              setInterest(value);
              setChoosing(false);
            }}
          />
          {interests.hasOthers ? (
            <Button
              label={showAll ? t.fewerInterests : t.moreInterests}
              variant="secondary"
              onPress={() => {
                // The choice made never vanishes from view: one of the others goes back to Anything.
                if (showAll && interest !== ANYTHING && !interests.mine.has(interest)) {
                  setInterest(ANYTHING);
                }
                setShowAll(!showAll);
              }}
            />
          ) : null}
        </>
      ) : (
        // Folded away, so what there is to do shows without scrolling past every interest.
        <View style={styles.chosen}>
          <AppText variant="heading">{t.interest}</AppText>
          <AppText>
            {interests.all.find((choice) => choice.value === interest)?.label ?? t.anything}
          </AppText>
          <Button
            label={interest === ANYTHING ? t.chooseInterest : t.chooseAnother}
            variant="secondary"
            onPress={() => setChoosing(true)}
          />
        </View>
      )}
      <CheckBox label={t.hasPlaces} checked={hasPlaces} onChange={setHasPlaces} />
      <Results
        filter={filter}
        narrowed={interest !== ANYTHING || hasPlaces || day !== 'thisWeek'}
        onWiden={() => {
          setInterest(ANYTHING);
          setHasPlaces(false);
          setDay('thisWeek');
        }}
        onOpenSession={onOpenSession}
        onAddHome={onAddHome}
      />
    </>
  );
}

/** Sessions near the member by day and interest, each opening its own page. */
export function FindScreen({
  onOpenSession,
  onAddHome,
}: {
  onOpenSession: (id: string) => void;
  onAddHome: () => void;
}) {
  const t = useStrings(strings);
  const online = useOnline();
  const choices = useApiQuery(FindChoicesDocument, {});
  const body = (() => {
    if (choices.data) {
      return choices.data.me.memberProfile?.hasHome ? (
        <Finder choices={choices.data} onOpenSession={onOpenSession} onAddHome={onAddHome} />
      ) : (
        <NoHome onAddHome={onAddHome} />
      );
    }
    if (!online) return <OfflineState />;
    if (choices.error)
      return <ErrorState error={choices.error} onRetry={() => void choices.refetch()} />;
    return <LoadingState text={t.loadingChoices} />;
  })();
  return <Screen title={t.title}>{body}</Screen>;
}

const styles = StyleSheet.create({
  list: { gap: space.m },
  chosen: { gap: space.s },
});
