import { useState } from 'react';
import { StyleSheet, View } from 'react-native';

import type { MemberProfileInput } from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { useDescribeError } from '../../ui/describe-error';
import { space } from '../../ui/theme';
import { useSaveProfile } from './use-profile';

/** How a step was opened: as part of onboarding (with its place in it), or on its own. */
export interface StepNav {
  progress?: { step: number; of: number };
  /** After saving; in onboarding, also after skipping. */
  onDone: () => void;
  /** Leave without saving: "Skip this for now" in onboarding, "Go back" on its own. */
  onLeave: () => void;
}

const strings: Strings<{
  stepOf: (step: number, of: number) => string;
  saveAndGoOn: string;
  save: string;
  skip: string;
  back: string;
  skipHelp: string;
}> = {
  en: {
    stepOf: (step, of) => `Step ${step} of ${of}`,
    saveAndGoOn: 'Save and go on',
    save: 'Save',
    skip: 'Skip this for now',
    back: 'Go back',
    skipHelp: 'You can skip this and come back to it later in Settings.',
  },
  es: {
    stepOf: (step, of) => `Paso ${step} de ${of}`,
    saveAndGoOn: 'Guardar y seguir',
    save: 'Guardar',
    skip: 'Saltar por ahora',
    back: 'Volver',
    skipHelp: 'Puedes saltar esto y volver más tarde en Ajustes.',
  },
};

/** "Step 2 of 7", when the step is part of onboarding. */
export function StepProgress({ nav }: { nav: StepNav }) {
  const t = useStrings(strings);
  if (!nav.progress) return null;
  return (
    <View style={styles.progress}>
      <AppText variant="muted">{t.stepOf(nav.progress.step, nav.progress.of)}</AppText>
      <AppText variant="muted">{t.skipHelp}</AppText>
    </View>
  );
}

/**
 * A step's actions: saving is the one primary action; skipping (or going back) is secondary. A
 * problem is said above them, read out as it appears. No step is timed.
 */
export function StepActions({
  nav,
  onSave,
  saving,
  problem,
}: {
  nav: StepNav;
  onSave: () => void;
  saving: boolean;
  problem?: string;
}) {
  const t = useStrings(strings);
  return (
    <View style={styles.actions}>
      {problem ? (
        <AppText variant="error" accessibilityRole="alert" accessibilityLiveRegion="polite">
          {problem}
        </AppText>
      ) : null}
      <Button label={nav.progress ? t.saveAndGoOn : t.save} onPress={onSave} busy={saving} />
      <Button label={nav.progress ? t.skip : t.back} variant="secondary" onPress={nav.onLeave} />
    </View>
  );
}

/**
 * Saving one step: the problem to show is the API's message for `field` when it names one, or
 * what went wrong in plain words.
 */
export function useStepSave(
  nav: StepNav,
  field?: string,
  /** Said instead of the general words when the API refuses for too many changes. */
  rateLimited?: string,
) {
  const describe = useDescribeError();
  const [problem, setProblem] = useState<string>();
  const save = useSaveProfile({ onSaved: nav.onDone });
  function submit(input: MemberProfileInput, explain?: (message: string) => string) {
    setProblem(undefined);
    save.mutate(
      { input },
      {
        onError: (error) => {
          const own = field ? error.fieldMessage(field) : undefined;
          if (own) setProblem(explain?.(own) ?? own);
          else if (error.code === 'RATE_LIMITED' && rateLimited) setProblem(rateLimited);
          else setProblem(describe(error));
        },
      },
    );
  }
  return { submit, problem, setProblem, saving: save.isPending };
}

const styles = StyleSheet.create({
  progress: { gap: space.xs },
  actions: { gap: space.m, marginTop: space.m },
});
