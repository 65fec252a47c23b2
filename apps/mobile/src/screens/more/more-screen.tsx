import { router, type Href } from 'expo-router';

import { useStrings, type Strings } from '../../i18n/language';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';

const strings: Strings<{ title: string; settings: string }> = {
  en: { title: 'More', settings: 'Settings' },
  es: { title: 'Más', settings: 'Ajustes' },
};

/** One entry of the More screen: a label and where it opens. */
export interface MoreEntry {
  label: string;
  href: Href;
}

/** Everything that is not a tab: one button each, in the order people need them. */
export function MoreScreen({ entries = [] }: { entries?: MoreEntry[] }) {
  const t = useStrings(strings);
  const all: MoreEntry[] = [...entries, { label: t.settings, href: '/settings' }];
  return (
    <Screen title={t.title}>
      {all.map((entry) => (
        <Button
          key={entry.label}
          variant="secondary"
          label={entry.label}
          onPress={() => router.push(entry.href)}
        />
      ))}
    </Screen>
  );
}
