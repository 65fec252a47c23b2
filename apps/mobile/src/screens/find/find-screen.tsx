import { useStrings, type Strings } from '../../i18n/language';
import { AppText } from '../../ui/app-text';
import { Screen } from '../../ui/screen';

const strings: Strings<{ title: string; soon: string }> = {
  en: { title: 'Find', soon: 'Soon you can look for sessions near you here, by day and interest.' },
  es: {
    title: 'Buscar',
    soon: 'Pronto podrás buscar aquí sesiones cerca de ti, por día e interés.',
  },
};

export function FindScreen() {
  const t = useStrings(strings);
  return (
    <Screen title={t.title}>
      <AppText>{t.soon}</AppText>
    </Screen>
  );
}
