import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import { CreateHelpRequestDocument, SkillsDocument } from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { PickOne } from '../../ui/pick';
import { Screen } from '../../ui/screen';
import { QueryView } from '../../ui/states';
import { TextField } from '../../ui/text-field';
import { TimeChoice, windowsOf, type TimeChoiceValue } from './time-choice';
import { durationText } from './time-words';

const DURATIONS = [30, 60, 90, 120, 180] as const;

const strings: Strings<{
  title: string;
  loading: string;
  skill: string;
  chooseSkill: string;
  description: string;
  descriptionHelp: string;
  writeDescription: string;
  howLong: string;
  where: string;
  home: string;
  elsewhere: string;
  place: string;
  placeHelp: string;
  writePlace: string;
  days: string;
  daysHelp: string;
  parts: string;
  send: string;
  fix: string;
}> = {
  en: {
    title: 'Ask for help',
    loading: 'Getting what helpers can do',
    skill: 'What do you need help with?',
    chooseSkill: 'Choose what you need help with.',
    description: 'Tell us a little more',
    descriptionHelp: 'For example: my kitchen light needs a new bulb.',
    writeDescription: 'Write a few words about what you need.',
    howLong: 'About how long will it take?',
    where: 'Where?',
    home: 'At my home',
    elsewhere: 'Somewhere else',
    place: 'Where shall you meet?',
    placeHelp: 'For example: the library on Walworth Road.',
    writePlace: 'Write where you would like to meet.',
    days: 'Which days suit you?',
    daysHelp: 'You can leave these empty if any day is fine.',
    parts: 'What time of day?',
    send: 'Ask for help',
    fix: 'Please look at the answers marked above.',
  },
  es: {
    title: 'Pedir ayuda',
    loading: 'Buscando en qué pueden ayudar',
    skill: '¿Con qué necesitas ayuda?',
    chooseSkill: 'Elige con qué necesitas ayuda.',
    description: 'Cuéntanos un poco más',
    descriptionHelp: 'Por ejemplo: hay que cambiar la bombilla de la cocina.',
    writeDescription: 'Escribe unas palabras sobre lo que necesitas.',
    howLong: '¿Cuánto tiempo llevará, más o menos?',
    where: '¿Dónde?',
    home: 'En mi casa',
    elsewhere: 'En otro sitio',
    place: '¿Dónde queréis quedar?',
    placeHelp: 'Por ejemplo: la biblioteca de Walworth Road.',
    writePlace: 'Escribe dónde te gustaría quedar.',
    days: '¿Qué días te vienen bien?',
    daysHelp: 'Puedes dejarlo vacío si cualquier día está bien.',
    parts: '¿A qué hora del día?',
    send: 'Pedir ayuda',
    fix: 'Mira las respuestas marcadas arriba.',
  },
};

type Field = 'skillId' | 'description' | 'meetingPlace';

/** Ask for help: what, a few words, how long, where, and when suits. One primary action. */
export function AskScreen({ onDone }: { onDone: () => void }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const skills = useApiQuery(SkillsDocument, {});
  const [skillId, setSkillId] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [minutes, setMinutes] = useState<number>(60);
  const [atHome, setAtHome] = useState(true);
  const [place, setPlace] = useState('');
  const [times, setTimes] = useState<TimeChoiceValue>({ days: [], parts: [] });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const create = useApiMutation(CreateHelpRequestDocument, {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['MyHelpRequests'] });
      onDone();
    },
  });
  const problem = (field: Field) => missing[field] ?? create.error?.fieldMessage(field);
  const generalError =
    create.error &&
    !(['skillId', 'description', 'meetingPlace'] as const).some((f) =>
      create.error?.fieldMessage(f),
    )
      ? describeError(create.error, language)
      : create.error
        ? t.fix
        : undefined;

  function send() {
    const next: Partial<Record<Field, string>> = {};
    if (!skillId) next.skillId = t.chooseSkill;
    if (description.trim() === '') next.description = t.writeDescription;
    if (!atHome && place.trim() === '') next.meetingPlace = t.writePlace;
    setMissing(next);
    if (!skillId || Object.keys(next).length > 0) return;
    const windows = windowsOf(times);
    create.mutate({
      input: {
        skillId,
        description: description.trim(),
        durationMinutes: minutes,
        atHome,
        meetingPlace: atHome ? null : place.trim(),
        preferredWindows: windows.length > 0 ? windows : null,
      },
    });
  }

  return (
    <Screen title={t.title}>
      <QueryView query={skills} loadingText={t.loading}>
        {(data) => (
          <>
            <PickOne
              label={t.skill}
              options={data.skills.map((s) => ({ value: s.id, label: s.label }))}
              value={skillId}
              onChange={setSkillId}
            />
            {problem('skillId') ? (
              <AppText variant="error" accessibilityRole="alert">
                {problem('skillId')}
              </AppText>
            ) : null}
            <TextField
              label={t.description}
              help={t.descriptionHelp}
              value={description}
              onChangeText={setDescription}
              autoCapitalize="sentences"
              error={problem('description')}
            />
            <PickOne
              label={t.howLong}
              options={DURATIONS.map((m) => ({ value: m, label: durationText(m, language) }))}
              value={minutes}
              onChange={setMinutes}
            />
            <PickOne
              label={t.where}
              options={[
                { value: 'home', label: t.home },
                { value: 'elsewhere', label: t.elsewhere },
              ]}
              value={atHome ? 'home' : 'elsewhere'}
              onChange={(v) => setAtHome(v === 'home')}
            />
            {atHome ? null : (
              <TextField
                label={t.place}
                help={t.placeHelp}
                value={place}
                onChangeText={setPlace}
                autoCapitalize="sentences"
                error={problem('meetingPlace')}
              />
            )}
            <TimeChoice
              daysLabel={t.days}
              partsLabel={t.parts}
              help={t.daysHelp}
              value={times}
              onChange={setTimes}
            />
            {generalError ? (
              <AppText variant="error" accessibilityRole="alert">
                {generalError}
              </AppText>
            ) : null}
            <Button label={t.send} busy={create.isPending} onPress={send} />
          </>
        )}
      </QueryView>
    </Screen>
  );
}
