import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { OthersWhoCameDocument, RecordContactsDocument } from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { formatWhen } from '../../ui/format';
import { PickMany } from '../../ui/pick';
import { Screen } from '../../ui/screen';
import { EmptyState, QueryView } from '../../ui/states';

const strings: Strings<{
  title: string;
  loading: string;
  at: (title: string, when: string) => string;
  choose: string;
  chooseHelp: string;
  save: string;
  noneChosen: string;
  empty: string;
  emptyMore: string;
  back: string;
  thanks: string;
  added: (n: number) => string;
}> = {
  en: {
    title: 'Who did you meet?',
    loading: 'Getting who came',
    at: (title, when) => `${title}, ${when}`,
    choose: 'Choose the people you talked to',
    chooseHelp: 'They are added to your people. Only first names are shown.',
    save: 'Save',
    noneChosen: 'Choose at least one name, or go back if you would rather not.',
    empty: 'No names to show',
    emptyMore: 'We do not have the names of others who came to this session. That is fine.',
    back: 'Go back',
    thanks: 'Thank you',
    added: (n) =>
      n === 0
        ? 'They were already in your people.'
        : n === 1
          ? '1 new person is in your people now.'
          : `${n} new people are in your people now.`,
  },
  es: {
    title: '¿A quién conociste?',
    loading: 'Buscando quién fue',
    at: (title, when) => `${title}, ${when}`,
    choose: 'Elige a las personas con las que hablaste',
    chooseHelp: 'Se añaden a tu gente. Solo se ven los nombres.',
    save: 'Guardar',
    noneChosen: 'Elige al menos un nombre, o vuelve atrás si lo prefieres.',
    empty: 'No hay nombres',
    emptyMore: 'No tenemos los nombres de otras personas que fueron a esta sesión. No pasa nada.',
    back: 'Volver',
    thanks: 'Gracias',
    added: (n) =>
      n === 0
        ? 'Ya estaban en tu gente.'
        : n === 1
          ? 'Ahora hay 1 persona nueva en tu gente.'
          : `Ahora hay ${n} personas nuevas en tu gente.`,
  },
};

/** "Who did you meet?" after a session the member went to: they name the others they met. */
export function MetScreen({ sessionId, onDone }: { sessionId: string; onDone: () => void }) {
  const { language } = useLanguage();
  const t = useStrings(strings);
  const queryClient = useQueryClient();
  const query = useApiQuery(OthersWhoCameDocument, { sessionId });
  const [chosen, setChosen] = useState<string[]>([]);
  const [nudge, setNudge] = useState(false);
  const record = useApiMutation(RecordContactsDocument, {
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['MyNetwork'] }),
  });
  if (record.data) {
    return (
      <Screen title={t.thanks}>
        <AppText accessibilityRole="alert">{t.added(record.data.recordContacts)}</AppText>
        <Button label={t.back} onPress={onDone} />
      </Screen>
    );
  }
  return (
    <Screen title={t.title}>
      <QueryView query={query} loadingText={t.loading}>
        {(data) => (
          <>
            {data.session ? (
              <AppText variant="heading">
                {t.at(
                  data.session.activity.title,
                  formatWhen(data.session.startsAt, undefined, language),
                )}
              </AppText>
            ) : null}
            {data.othersWhoCame.length === 0 ? (
              <EmptyState title={t.empty}>
                <AppText>{t.emptyMore}</AppText>
                <Button label={t.back} onPress={onDone} />
              </EmptyState>
            ) : (
              <>
                <PickMany
                  label={t.choose}
                  help={t.chooseHelp}
                  options={data.othersWhoCame.map((p) => ({ value: p.id, label: p.displayName }))}
                  values={chosen}
                  onChange={(values) => {
                    setChosen(values);
                    setNudge(false);
                  }}
                />
                {nudge ? (
                  <AppText variant="error" accessibilityRole="alert">
                    {t.noneChosen}
                  </AppText>
                ) : null}
                {record.error ? (
                  <AppText variant="error" accessibilityRole="alert">
                    {record.error.fieldMessage('personIds') ??
                      describeError(record.error, language)}
                  </AppText>
                ) : null}
                <Button
                  label={t.save}
                  busy={record.isPending}
                  onPress={() => {
                    if (chosen.length === 0) setNudge(true);
                    else record.mutate({ sessionId, personIds: chosen });
                  }}
                />
                <Button variant="secondary" label={t.back} onPress={onDone} />
              </>
            )}
          </>
        )}
      </QueryView>
    </Screen>
  );
}
