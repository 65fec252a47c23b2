import { useState } from 'react';

import { useStrings, type Strings } from '../../i18n/language';
import { AppText } from '../../ui/app-text';
import { TextField } from '../../ui/text-field';
import { StepActions, useStepSave, type StepNav } from './step-frame';
import type { MyProfile } from './use-profile';

const nameStrings: Strings<{
  label: string;
  help: string;
  empty: string;
}> = {
  en: {
    label: 'Your first name',
    help: 'Other members see only your first name.',
    empty: 'Type your first name, or skip this step.',
  },
  es: {
    label: 'Tu nombre',
    help: 'Los demás miembros solo ven tu nombre, sin apellidos.',
    empty: 'Escribe tu nombre, o salta este paso.',
  },
};

export function NameStep({ profile, nav }: { profile: MyProfile; nav: StepNav }) {
  const t = useStrings(nameStrings);
  const [name, setName] = useState(profile.displayName);
  const { submit, problem, setProblem, saving } = useStepSave(nav, 'displayName');
  function save() {
    const value = name.trim();
    if (value === '') {
      setProblem(t.empty);
      return;
    }
    submit({ displayName: value });
  }
  return (
    <>
      <TextField
        label={t.label}
        help={t.help}
        value={name}
        onChangeText={setName}
        autoComplete="given-name"
        textContentType="givenName"
        autoCapitalize="words"
        onSubmitEditing={save}
        error={problem}
        testID="name"
      />
      <StepActions nav={nav} onSave={save} saving={saving} />
    </>
  );
}

const homeStrings: Strings<{
  intro: string;
  current: (postcode: string | null, area: string | null) => string;
  label: string;
  help: string;
  empty: string;
  notSaved: string;
  tooMany: string;
}> = {
  en: {
    intro:
      'We use your postcode to find things near you. We never show it, or where you live, to anyone.',
    current: (postcode, area) =>
      `Your home is set${postcode ? ` at ${postcode}` : ''}${area ? `, in ${area}` : ''}. To change it, type a new postcode.`,
    label: 'Your postcode',
    help: 'For example SE1 7PB',
    empty: 'Type your postcode, or skip this step.',
    notSaved: 'Nothing was saved. Check the postcode and try again, try another one, or skip this.',
    tooMany: 'You have changed where you live many times today. Please try again tomorrow.',
  },
  es: {
    intro:
      'Usamos tu código postal para encontrar cosas cerca de ti. Nunca se lo mostramos a nadie, ni dónde vives.',
    current: (postcode, area) =>
      `Tu casa está guardada${postcode ? ` en ${postcode}` : ''}${area ? `, en ${area}` : ''}. Para cambiarla, escribe otro código postal.`,
    label: 'Tu código postal',
    help: 'Por ejemplo SE1 7PB',
    empty: 'Escribe tu código postal, o salta este paso.',
    notSaved:
      'No se guardó nada. Revisa el código postal y vuelve a intentarlo, prueba con otro, o salta este paso.',
    tooMany: 'Hoy has cambiado muchas veces dónde vives. Vuelve a intentarlo mañana.',
  },
};

export function HomeStep({ profile, nav }: { profile: MyProfile; nav: StepNav }) {
  const t = useStrings(homeStrings);
  const mine = profile.memberProfile;
  const [postcode, setPostcode] = useState('');
  const { submit, problem, setProblem, saving } = useStepSave(nav, 'postcode', t.tooMany);
  function save() {
    const value = postcode.trim();
    if (value === '') {
      setProblem(t.empty);
      return;
    }
    submit({ postcode: value }, (message) => `${message} ${t.notSaved}`);
  }
  return (
    <>
      <AppText>{t.intro}</AppText>
      {mine?.hasHome ? (
        <AppText testID="home-now">{t.current(mine.postcode, mine.area?.name ?? null)}</AppText>
      ) : null}
      <TextField
        label={t.label}
        help={t.help}
        value={postcode}
        onChangeText={setPostcode}
        autoComplete="postal-code"
        textContentType="postalCode"
        autoCapitalize="characters"
        onSubmitEditing={save}
        error={problem}
        testID="postcode"
      />
      <StepActions nav={nav} onSave={save} saving={saving} />
    </>
  );
}
