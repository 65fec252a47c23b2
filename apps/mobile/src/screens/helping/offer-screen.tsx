import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';

import {
  OfferTimeDocument,
  UpdateHelperProfileDocument,
  type OfferTimeQuery,
} from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiMutation, useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { describeError } from '../../ui/describe-error';
import { PickMany, PickOne } from '../../ui/pick';
import { Screen } from '../../ui/screen';
import { QueryView } from '../../ui/states';
import { TextField } from '../../ui/text-field';
import { choiceOf, TimeChoice, windowsOf, type TimeChoiceValue } from '../help/time-choice';
import { durationText } from '../help/time-words';

const RADII = [1000, 2000, 3000, 5000, 8000] as const;
/** 0 stands for "no limit" (sent as null). */
const WEEKLY = [60, 120, 180, 300, 0] as const;

const strings: Strings<{
  title: string;
  loading: string;
  intro: string;
  skills: string;
  chooseSkill: string;
  postcode: string;
  postcodeHelp: string;
  writePostcode: string;
  radius: string;
  km: (n: number) => string;
  days: string;
  daysHelp: string;
  chooseDay: string;
  parts: string;
  weekly: string;
  noLimit: string;
  perWeek: (time: string) => string;
  send: string;
  fix: string;
  thanks: string;
  thanksMore: string;
  back: string;
}> = {
  en: {
    title: 'Offer your time',
    loading: 'Getting what helpers can do',
    intro: 'Tell us how you could help people near you. A coordinator checks every new helper.',
    skills: 'What could you help with?',
    chooseSkill: 'Choose at least one thing you could help with.',
    postcode: 'Your postcode',
    postcodeHelp: 'Where you set out from. Nobody else sees it.',
    writePostcode: 'Write your postcode, for example SE1 7PB.',
    radius: 'How far would you go?',
    km: (n) => (n === 1 ? 'Up to 1 km' : `Up to ${n} km`),
    days: 'Which days could you help?',
    daysHelp: 'Choose the days that suit you.',
    chooseDay: 'Choose at least one day.',
    parts: 'What time of day?',
    weekly: 'The most time in a week',
    noLimit: 'No limit',
    perWeek: (time) => `${time} a week`,
    send: 'Offer my time',
    fix: 'Please look at the answers marked above.',
    thanks: 'Thank you for offering',
    thanksMore:
      'A coordinator will check your details and your DBS check. We will tell you when it is done.',
    back: 'Go back',
  },
  es: {
    title: 'Ofrecer tu tiempo',
    loading: 'Buscando en qué se puede ayudar',
    intro:
      'Cuéntanos cómo podrías ayudar a gente cerca de ti. Una persona coordinadora revisa a cada nuevo voluntario.',
    skills: '¿Con qué podrías ayudar?',
    chooseSkill: 'Elige al menos una cosa con la que podrías ayudar.',
    postcode: 'Tu código postal',
    postcodeHelp: 'Desde donde sales. Nadie más lo ve.',
    writePostcode: 'Escribe tu código postal, por ejemplo SE1 7PB.',
    radius: '¿Hasta dónde irías?',
    km: (n) => `Hasta ${n} km`,
    days: '¿Qué días podrías ayudar?',
    daysHelp: 'Elige los días que te vienen bien.',
    chooseDay: 'Elige al menos un día.',
    parts: '¿A qué hora del día?',
    weekly: 'El tiempo máximo a la semana',
    noLimit: 'Sin límite',
    perWeek: (time) => `${time} a la semana`,
    send: 'Ofrecer mi tiempo',
    fix: 'Mira las respuestas marcadas arriba.',
    thanks: 'Gracias por ofrecerte',
    thanksMore:
      'Una persona coordinadora revisará tus datos y tu certificado DBS. Te avisaremos cuando esté hecho.',
    back: 'Volver',
  },
};

type Field = 'skillIds' | 'basePostcode' | 'availability';
const FIELDS: readonly Field[] = ['skillIds', 'basePostcode', 'availability'];

function OfferForm({ data, onDone }: { data: OfferTimeQuery; onDone: () => void }) {
  const t = useStrings(strings);
  const { language } = useLanguage();
  const queryClient = useQueryClient();
  const current = data.me.helperProfile;
  const [skillIds, setSkillIds] = useState<string[]>(current?.skills.map((s) => s.id) ?? []);
  const [postcode, setPostcode] = useState(current?.basePostcode ?? '');
  const [radius, setRadius] = useState<number>(current?.travelRadiusMetres ?? 2000);
  const saved = current?.availability ?? [];
  const [times, setTimes] = useState<TimeChoiceValue>(() => choiceOf(saved));
  // Until the helper changes the times, the windows saved before go back as they were: the choice
  // shows them in days and parts of the day, which cannot hold every window a coordinator can set.
  const [timesChanged, setTimesChanged] = useState(false);
  const [weekly, setWeekly] = useState<number>(current ? (current.maxMinutesPerWeek ?? 0) : 120);
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const save = useApiMutation(UpdateHelperProfileDocument, {
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['Helping'] });
      void queryClient.invalidateQueries({ queryKey: ['MoreMenu'] });
      void queryClient.invalidateQueries({ queryKey: ['OfferTime'] });
    },
  });
  const problem = (field: Field) =>
    missing[field] ??
    save.error?.fieldMessage(field) ??
    (field === 'availability' ? save.error?.fieldMessage('weekday') : undefined);
  const radiusOptions = Array.from(new Set<number>([...RADII, radius])).sort((a, b) => a - b);
  const weeklyOptions = Array.from(new Set<number>([...WEEKLY.filter((w) => w > 0), weekly]))
    .filter((w) => w > 0)
    .sort((a, b) => a - b);

  if (save.data) {
    return (
      <>
        <AppText variant="heading" accessibilityRole="alert">
          {t.thanks}
        </AppText>
        <AppText>{t.thanksMore}</AppText>
        <Button label={t.back} onPress={onDone} />
      </>
    );
  }

  function send() {
    const next: Partial<Record<Field, string>> = {};
    if (skillIds.length === 0) next.skillIds = t.chooseSkill;
    if (postcode.trim() === '') next.basePostcode = t.writePostcode;
    if (times.days.length === 0) next.availability = t.chooseDay;
    setMissing(next);
    if (Object.keys(next).length > 0) return;
    save.mutate({
      input: {
        skillIds,
        basePostcode: postcode.trim(),
        travelRadiusMetres: radius,
        availability: timesChanged
          ? windowsOf(times)
          : saved.map(({ weekday, start, end }) => ({ weekday, start, end })),
        maxMinutesPerWeek: weekly > 0 ? weekly : null,
      },
    });
  }

  const fieldError = (field: Field) =>
    problem(field) ? (
      <AppText variant="error" accessibilityRole="alert">
        {problem(field)}
      </AppText>
    ) : null;
  const general =
    save.error && !FIELDS.some((f) => save.error?.fieldMessage(f))
      ? describeError(save.error, language)
      : save.error
        ? t.fix
        : null;

  return (
    <>
      <AppText>{t.intro}</AppText>
      <PickMany
        label={t.skills}
        options={data.skills.map((s) => ({ value: s.id, label: s.label }))}
        values={skillIds}
        onChange={setSkillIds}
      />
      {fieldError('skillIds')}
      <TextField
        label={t.postcode}
        help={t.postcodeHelp}
        value={postcode}
        onChangeText={setPostcode}
        autoCapitalize="characters"
        autoComplete="postal-code"
        textContentType="postalCode"
        error={problem('basePostcode')}
      />
      <PickOne
        label={t.radius}
        options={radiusOptions.map((m) => ({ value: m, label: t.km(Math.round(m / 100) / 10) }))}
        value={radius}
        onChange={setRadius}
      />
      <TimeChoice
        daysLabel={t.days}
        partsLabel={t.parts}
        help={t.daysHelp}
        value={times}
        onChange={(value) => {
          setTimes(value);
          setTimesChanged(true);
        }}
      />
      {fieldError('availability')}
      <PickOne
        label={t.weekly}
        options={[
          ...weeklyOptions.map((m) => ({ value: m, label: t.perWeek(durationText(m, language)) })),
          { value: 0, label: t.noLimit },
        ]}
        value={weekly}
        onChange={setWeekly}
      />
      {general ? (
        <AppText variant="error" accessibilityRole="alert">
          {general}
        </AppText>
      ) : null}
      <Button label={t.send} busy={save.isPending} onPress={send} />
    </>
  );
}

/** Offer time as a helper: skills, a postcode (never coordinates), how far, when, a weekly limit. */
export function OfferScreen({ onDone }: { onDone: () => void }) {
  const t = useStrings(strings);
  const query = useApiQuery(OfferTimeDocument, {});
  return (
    <Screen title={t.title}>
      <QueryView query={query} loadingText={t.loading}>
        {(data) => <OfferForm data={data} onDone={onDone} />}
      </QueryView>
    </Screen>
  );
}
