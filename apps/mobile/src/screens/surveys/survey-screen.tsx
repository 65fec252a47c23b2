import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { PendingSurveysDocument, SubmitSurveyDocument } from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { PickOne } from '../../ui/pick';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';
import { surveyStrings } from './surveys-screen';

const strings: Strings<{
  loading: string;
  of: (n: number, total: number) => string;
  next: string;
  send: string;
  back: string;
  choose: string;
  thanks: string;
  thanksMore: string;
  done: string;
  gone: string;
  goneMore: string;
}> = {
  en: {
    loading: 'Getting the questions',
    of: (n, total) => `Question ${n} of ${total}`,
    next: 'Next',
    send: 'Send my answers',
    back: 'Back',
    choose: 'Choose an answer, then press Next.',
    thanks: 'Thank you',
    thanksMore: 'Your answers are saved. They help Kith do better for you and others.',
    done: 'Done',
    gone: 'These questions are not waiting for you',
    goneMore: 'You may have answered them already. Thank you.',
  },
  es: {
    loading: 'Buscando las preguntas',
    of: (n, total) => `Pregunta ${n} de ${total}`,
    next: 'Siguiente',
    send: 'Enviar mis respuestas',
    back: 'Atrás',
    choose: 'Elige una respuesta y pulsa Siguiente.',
    thanks: 'Gracias',
    thanksMore: 'Tus respuestas están guardadas. Ayudan a Kith a mejorar para ti y para otros.',
    done: 'Hecho',
    gone: 'Estas preguntas no te esperan',
    goneMore: 'Puede que ya las hayas contestado. Gracias.',
  },
};

/** One survey, one question a screen, with Back always allowed and no timer. */
export function SurveyScreen({
  instrumentId,
  onDone,
}: {
  instrumentId: string;
  onDone: () => void;
}) {
  const { language } = useLanguage();
  const t = useStrings(strings);
  const list = useStrings(surveyStrings);
  const queryClient = useQueryClient();
  const query = useApiQuery(PendingSurveysDocument, {});
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, number>>({});
  const [nudge, setNudge] = useState(false);
  const submit = useApiMutation(SubmitSurveyDocument, {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['PendingSurveys'] });
      void queryClient.invalidateQueries({ queryKey: ['MoreMenu'] });
    },
  });

  if (submit.data) {
    return (
      <Screen title={t.thanks}>
        <AppText accessibilityRole="alert">{t.thanksMore}</AppText>
        <Button label={t.done} onPress={onDone} />
      </Screen>
    );
  }

  const due = query.data?.pendingSurveys.find((d) => d.instrument.id === instrumentId);
  return (
    <Screen title={due?.instrument.title ?? list.title}>
      <QueryView query={query} loadingText={t.loading}>
        {() => {
          if (!due || due.instrument.items.length === 0) {
            return (
              <EmptyState title={t.gone}>
                <AppText>{t.goneMore}</AppText>
                <Button label={t.done} onPress={onDone} />
              </EmptyState>
            );
          }
          const { items } = due.instrument;
          const item = items[Math.min(index, items.length - 1)];
          if (!item) return null;
          const last = index >= items.length - 1;
          const answer = answers[item.id];
          return (
            <>
              <AppText variant="muted">{t.of(index + 1, items.length)}</AppText>
              <PickOne
                key={item.id}
                label={item.text}
                options={item.options.map((o) => ({ value: o.value, label: o.label }))}
                value={answer ?? null}
                onChange={(value) => {
                  setAnswers({ ...answers, [item.id]: value });
                  setNudge(false);
                }}
              />
              {nudge ? (
                <AppText variant="error" accessibilityRole="alert">
                  {t.choose}
                </AppText>
              ) : null}
              {submit.error ? (
                <AppText variant="error" accessibilityRole="alert">
                  {describeError(submit.error, language)}
                </AppText>
              ) : null}
              <Button
                label={last ? t.send : t.next}
                busy={submit.isPending}
                onPress={() => {
                  if (answer === undefined) {
                    setNudge(true);
                    return;
                  }
                  if (!last) {
                    setIndex(index + 1);
                    return;
                  }
                  submit.mutate({
                    instrumentId,
                    answers: items.flatMap((i) => {
                      const value = answers[i.id];
                      return value === undefined ? [] : [{ itemId: i.id, value }];
                    }),
                  });
                }}
              />
              {index > 0 ? (
                <Button
                  variant="secondary"
                  label={t.back}
                  onPress={() => {
                    setNudge(false);
                    setIndex(index - 1);
                  }}
                />
              ) : null}
            </>
          );
        }}
      </QueryView>
    </Screen>
  );
}
