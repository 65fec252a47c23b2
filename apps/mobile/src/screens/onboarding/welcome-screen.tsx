import { useStrings, type Strings } from '../../i18n/language';
import { AppText } from '../../ui/app-text';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { PROFILE_SETTINGS } from '../profile/steps';

const strings: Strings<{
  title: string;
  intro: string;
  steps: (n: number) => string;
  skip: string;
  start: string;
  notNow: string;
}> = {
  en: {
    title: 'Welcome to Kith',
    intro: 'Kith helps you find things to do and people to meet near you.',
    steps: (n) =>
      `We will ask you ${n} short questions, one at a time, so we can suggest things you might enjoy.`,
    skip: 'You can skip any question, and change your answers later in Settings. Take your time.',
    start: 'Start',
    notNow: 'Not now',
  },
  es: {
    title: 'Te damos la bienvenida a Kith',
    intro: 'Kith te ayuda a encontrar cosas que hacer y gente que conocer cerca de ti.',
    steps: (n) =>
      `Te haremos ${n} preguntas cortas, una cada vez, para sugerirte cosas que te puedan gustar.`,
    skip: 'Puedes saltar cualquier pregunta y cambiar tus respuestas más tarde en Ajustes. Tómate tu tiempo.',
    start: 'Empezar',
    notNow: 'Ahora no',
  },
};

/** The start of onboarding: what will be asked, and that every step can be skipped. */
export function WelcomeScreen({
  onStart,
  onNotNow,
}: {
  onStart: () => void;
  onNotNow: () => void;
}) {
  const t = useStrings(strings);
  return (
    <Screen title={t.title}>
      <AppText>{t.intro}</AppText>
      <AppText>{t.steps(PROFILE_SETTINGS.length)}</AppText>
      <AppText>{t.skip}</AppText>
      <Button label={t.start} onPress={onStart} />
      <Button label={t.notNow} variant="secondary" onPress={onNotNow} />
    </Screen>
  );
}
