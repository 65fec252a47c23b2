import { router, type Href } from 'expo-router';

import { MoreMenuDocument } from '../../gql/graphql';
import { useStrings, type Strings } from '../../i18n/language';
import { useApiQuery } from '../../query/use-api-query';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';

const strings: Strings<{
  title: string;
  people: string;
  help: string;
  helping: string;
  offer: string;
  surveys: (due: number) => string;
  settings: string;
}> = {
  en: {
    title: 'More',
    people: 'My people',
    help: 'Help',
    helping: 'Helping',
    offer: 'Offer your time',
    surveys: (due) => (due > 0 ? `Questions for you (${due} to answer)` : 'Questions for you'),
    settings: 'Settings',
  },
  es: {
    title: 'Más',
    people: 'Mi gente',
    help: 'Ayuda',
    helping: 'Ayudar',
    offer: 'Ofrecer tu tiempo',
    surveys: (due) => (due > 0 ? `Preguntas para ti (${due} por contestar)` : 'Preguntas para ti'),
    settings: 'Ajustes',
  },
};

/** One entry of the More screen: a label and where it opens. */
export interface MoreEntry {
  label: string;
  href: Href;
}

/**
 * Everything that is not a tab: one button each, in the order people need them. Helping is for
 * a member who helps or has offered to; anyone else is offered the chance to.
 */
export function MoreScreen({ entries = [] }: { entries?: MoreEntry[] }) {
  const t = useStrings(strings);
  const query = useApiQuery(MoreMenuDocument, {}, { meta: { persist: true } });
  const me = query.data?.me;
  // Until the answer comes (or with no signal and nothing kept), Helping opens the screen that
  // itself offers the chance to help.
  const helps =
    !me || me.helperProfile !== null || me.roles.some((grant) => grant.role === 'HELPER');
  const due = query.data?.pendingSurveys.length ?? 0;
  const all: MoreEntry[] = [
    { label: t.people, href: '/people' },
    { label: t.help, href: '/help' },
    helps ? { label: t.helping, href: '/helping' } : { label: t.offer, href: '/helping/offer' },
    { label: t.surveys(due), href: '/surveys' },
    ...entries,
    { label: t.settings, href: '/settings' },
  ];
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
