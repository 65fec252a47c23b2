import { StyleSheet, View } from 'react-native';

import { PendingSurveysDocument } from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { colours, space } from '../../ui/theme';

export const surveyStrings: Strings<{
  title: string;
  loading: string;
  intro: string;
  stage: (stage: string) => string;
  questions: (n: number) => string;
  start: (title: string) => string;
  empty: string;
  emptyMore: string;
}> = {
  en: {
    title: 'Questions for you',
    loading: 'Getting your questions',
    intro:
      'Short questions about how you feel. Your answers help Kith do better. Take your time: there is no clock.',
    stage: (stage) =>
      stage === 'BASELINE'
        ? 'To start with'
        : stage === 'EXIT'
          ? 'Before you go'
          : 'To see how things are going',
    questions: (n) => (n === 1 ? '1 question' : `${n} questions`),
    start: (title) => `Start: ${title}`,
    empty: 'No questions for you right now',
    emptyMore: 'Thank you. We will let you know when there are some.',
  },
  es: {
    title: 'Preguntas para ti',
    loading: 'Buscando tus preguntas',
    intro:
      'Preguntas cortas sobre cómo te sientes. Tus respuestas ayudan a Kith a mejorar. Tómate tu tiempo: no hay reloj.',
    stage: (stage) =>
      stage === 'BASELINE'
        ? 'Para empezar'
        : stage === 'EXIT'
          ? 'Antes de irte'
          : 'Para ver cómo van las cosas',
    questions: (n) => (n === 1 ? '1 pregunta' : `${n} preguntas`),
    start: (title) => `Empezar: ${title}`,
    empty: 'Ahora no hay preguntas para ti',
    emptyMore: 'Gracias. Te avisaremos cuando haya alguna.',
  },
};

/** The surveys due for the member, each opened to be answered one question a screen. */
export function SurveysScreen({ onStart }: { onStart: (instrumentId: string) => void }) {
  const t = useStrings(surveyStrings);
  const query = useApiQuery(PendingSurveysDocument, {});
  return (
    <Screen title={t.title}>
      <QueryView query={query} loadingText={t.loading}>
        {({ pendingSurveys }) =>
          pendingSurveys.length === 0 ? (
            <EmptyState title={t.empty}>
              <AppText>{t.emptyMore}</AppText>
            </EmptyState>
          ) : (
            <>
              <AppText>{t.intro}</AppText>
              {pendingSurveys.map((due, index) => (
                <View key={due.instrument.id} style={styles.card}>
                  <AppText variant="heading">{due.instrument.title}</AppText>
                  <AppText>{t.stage(due.stage)}</AppText>
                  <AppText variant="muted">{t.questions(due.instrument.items.length)}</AppText>
                  <Button
                    variant={index === 0 ? 'primary' : 'secondary'}
                    label={t.start(due.instrument.title)}
                    onPress={() => onStart(due.instrument.id)}
                  />
                </View>
              ))}
            </>
          )
        }
      </QueryView>
    </Screen>
  );
}

const styles = StyleSheet.create({
  card: { backgroundColor: colours.surface, borderRadius: 12, padding: space.m, gap: space.s },
});
