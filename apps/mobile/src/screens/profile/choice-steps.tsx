import { useState } from 'react';

import {
  GoalCatalogueDocument,
  InterestCatalogueDocument,
  type AccessibilityFeature,
  type InterestCatalogueQuery,
} from '../../gql/graphql';
import { useLanguage, useStrings, type Strings } from '../../i18n/language';
import { useApiQuery } from '../../query/use-api-query';
import { AppText } from '../../ui/app-text';
import { QueryView } from '../../ui/states';
import { ACCESS_FEATURES, accessWords } from './access-words';
import { FREE_TIMES, freeTimesOf, windowsFor, type FreeTime } from './availability';
import { Choices } from './choices';
import { DISTANCES, formatDistance } from './distance';
import { StepActions, useStepSave, type StepNav } from './step-frame';
import type { MyProfile } from './use-profile';

/** Adds a value to a list, or takes it out when it is there. */
function toggled<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

const interestStrings: Strings<{ intro: string; loading: string; none: string }> = {
  en: {
    intro: 'Choose as many as you like. We use them to find things you might enjoy.',
    loading: 'Getting the list',
    none: 'Choose at least one thing you enjoy, or skip this step.',
  },
  es: {
    intro: 'Elige todas las que quieras. Las usamos para encontrar cosas que te puedan gustar.',
    loading: 'Cargando la lista',
    none: 'Elige al menos una cosa que te guste, o salta este paso.',
  },
};

type Interest = InterestCatalogueQuery['interests'][number];

/** The catalogue in its groups, in the order the API gives them. */
function groupsOf(interests: readonly Interest[]): { label: string; interests: Interest[] }[] {
  const groups: { label: string; interests: Interest[] }[] = [];
  for (const interest of interests) {
    const group = groups.find((g) => g.label === interest.groupLabel);
    if (group) group.interests.push(interest);
    else groups.push({ label: interest.groupLabel, interests: [interest] });
  }
  return groups;
}

export function InterestsStep({ profile, nav }: { profile: MyProfile; nav: StepNav }) {
  const t = useStrings(interestStrings);
  const catalogue = useApiQuery(InterestCatalogueDocument, {}, { meta: { persist: true } });
  const [chosen, setChosen] = useState<string[]>(
    profile.memberProfile?.interests.map((i) => i.id) ?? [],
  );
  const { submit, problem, setProblem, saving } = useStepSave(nav, 'interestIds');
  function save() {
    if (chosen.length === 0) {
      setProblem(t.none);
      return;
    }
    submit({ interestIds: chosen });
  }
  return (
    <>
      <AppText>{t.intro}</AppText>
      <QueryView query={catalogue} loadingText={t.loading}>
        {(data) => (
          <>
            {groupsOf(data.interests).map((group) => (
              <Choices
                key={group.label}
                multiple
                label={group.label}
                choices={group.interests.map((i) => ({ value: i.id, label: i.label }))}
                selected={chosen}
                onToggle={(id) => setChosen((list) => toggled(list, id))}
              />
            ))}
            <StepActions nav={nav} onSave={save} saving={saving} problem={problem} />
          </>
        )}
      </QueryView>
    </>
  );
}

const timeStrings: Strings<{ intro: string; label: string } & Record<FreeTime, string>> = {
  en: {
    intro: 'We suggest things at the times you are free. Choose all that suit you.',
    label: 'Choose your free times',
    WEEKDAY_MORNING: 'Weekday mornings (9am to 12 noon)',
    WEEKDAY_AFTERNOON: 'Weekday afternoons (12 noon to 5pm)',
    WEEKDAY_EVENING: 'Weekday evenings (5pm to 9pm)',
    WEEKEND_MORNING: 'Weekend mornings (9am to 12 noon)',
    WEEKEND_AFTERNOON: 'Weekend afternoons (12 noon to 5pm)',
    WEEKEND_EVENING: 'Weekend evenings (5pm to 9pm)',
  },
  es: {
    intro:
      'Te sugerimos cosas a las horas en que tienes tiempo. Elige todas las que te vengan bien.',
    label: 'Elige tus horas libres',
    WEEKDAY_MORNING: 'Mañanas entre semana (de 9 a 12)',
    WEEKDAY_AFTERNOON: 'Tardes entre semana (de 12 a 17)',
    WEEKDAY_EVENING: 'Noches entre semana (de 17 a 21)',
    WEEKEND_MORNING: 'Mañanas del fin de semana (de 9 a 12)',
    WEEKEND_AFTERNOON: 'Tardes del fin de semana (de 12 a 17)',
    WEEKEND_EVENING: 'Noches del fin de semana (de 17 a 21)',
  },
};

export function TimesStep({ profile, nav }: { profile: MyProfile; nav: StepNav }) {
  const t = useStrings(timeStrings);
  const saved = profile.memberProfile?.availability ?? [];
  const [chosen, setChosen] = useState<FreeTime[]>(freeTimesOf(saved));
  const { submit, problem, saving } = useStepSave(nav, 'availability');
  return (
    <>
      <AppText>{t.intro}</AppText>
      <Choices
        multiple
        label={t.label}
        choices={FREE_TIMES.map((time) => ({ value: time, label: t[time] }))}
        selected={chosen}
        onToggle={(time) => setChosen((list) => toggled(list, time))}
      />
      <StepActions
        nav={nav}
        onSave={() => submit({ availability: windowsFor(chosen, saved) })}
        saving={saving}
        problem={problem}
      />
    </>
  );
}

const accessStrings: Strings<{ intro: string; label: string }> = {
  en: {
    intro:
      'Tell us what you need to get in and take part. We only suggest places that have it. Choose none if you need none of these.',
    label: 'Choose what you need',
  },
  es: {
    intro:
      'Dinos qué necesitas para entrar y participar. Solo te sugerimos sitios que lo tengan. No elijas nada si no necesitas nada de esto.',
    label: 'Elige lo que necesitas',
  },
};

export function AccessStep({ profile, nav }: { profile: MyProfile; nav: StepNav }) {
  const t = useStrings(accessStrings);
  const words = useStrings(accessWords);
  const [chosen, setChosen] = useState<AccessibilityFeature[]>(
    profile.memberProfile?.accessibilityNeeds ?? [],
  );
  const { submit, problem, saving } = useStepSave(nav, 'accessibilityNeeds');
  return (
    <>
      <AppText>{t.intro}</AppText>
      <Choices
        multiple
        label={t.label}
        choices={ACCESS_FEATURES.map((feature) => ({ value: feature, label: words[feature] }))}
        selected={chosen}
        onToggle={(feature) => setChosen((list) => toggled(list, feature))}
      />
      <StepActions
        nav={nav}
        onSave={() => submit({ accessibilityNeeds: chosen })}
        saving={saving}
        problem={problem}
      />
    </>
  );
}

const goalStrings: Strings<{ intro: string; label: string; loading: string }> = {
  en: {
    intro: 'What would you like Kith to help with? Choose as many as you like.',
    label: 'Choose what you hope for',
    loading: 'Getting the list',
  },
  es: {
    intro: '¿En qué te gustaría que te ayude Kith? Elige todas las que quieras.',
    label: 'Elige lo que esperas',
    loading: 'Cargando la lista',
  },
};

export function GoalsStep({ profile, nav }: { profile: MyProfile; nav: StepNav }) {
  const t = useStrings(goalStrings);
  const catalogue = useApiQuery(GoalCatalogueDocument, {}, { meta: { persist: true } });
  const [chosen, setChosen] = useState<string[]>(profile.memberProfile?.goals ?? []);
  const { submit, problem, saving } = useStepSave(nav, 'goals');
  return (
    <>
      <AppText>{t.intro}</AppText>
      <QueryView query={catalogue} loadingText={t.loading}>
        {(data) => (
          <>
            <Choices
              multiple
              label={t.label}
              choices={data.goals.map((g) => ({ value: g.slug, label: g.label }))}
              selected={chosen}
              onToggle={(slug) => setChosen((list) => toggled(list, slug))}
            />
            <StepActions
              nav={nav}
              onSave={() => submit({ goals: chosen })}
              saving={saving}
              problem={problem}
            />
          </>
        )}
      </QueryView>
    </>
  );
}

const distanceStrings: Strings<{
  intro: string;
  label: string;
  choose: string;
  upTo: (d: string) => string;
}> = {
  en: {
    intro: 'We suggest things within this distance of your home.',
    label: 'Choose a distance',
    choose: 'Choose how far you will go, or skip this step.',
    upTo: (d) => `Up to ${d}`,
  },
  es: {
    intro: 'Te sugerimos cosas a esta distancia de tu casa como mucho.',
    label: 'Elige una distancia',
    choose: 'Elige hasta dónde irías, o salta este paso.',
    upTo: (d) => `Hasta ${d}`,
  },
};

export function DistanceStep({ profile, nav }: { profile: MyProfile; nav: StepNav }) {
  const t = useStrings(distanceStrings);
  const { language } = useLanguage();
  const now = profile.memberProfile?.travelRadiusMetres;
  const [chosen, setChosen] = useState<number | undefined>(now);
  const { submit, problem, setProblem, saving } = useStepSave(nav, 'travelRadiusMetres');
  // A distance set some other way stays a choice, so saving never changes it unasked.
  const options = [...new Set([...DISTANCES, ...(now ? [now] : [])])].sort((a, b) => a - b);
  return (
    <>
      <AppText>{t.intro}</AppText>
      <Choices
        label={t.label}
        choices={options.map((m) => ({ value: m, label: t.upTo(formatDistance(m, language)) }))}
        selected={chosen === undefined ? [] : [chosen]}
        onToggle={setChosen}
      />
      <StepActions
        nav={nav}
        onSave={() => {
          if (chosen === undefined) setProblem(t.choose);
          else submit({ travelRadiusMetres: chosen });
        }}
        saving={saving}
        problem={problem}
      />
    </>
  );
}
