import { Stack } from 'expo-router';
import type { ReactNode } from 'react';

import { useStrings, type Strings } from '../../i18n/language';
import { useTextSize } from '../../ui/text-size';
import { colours, fontSizes } from '../../ui/theme';

export type PeopleRoute =
  | 'people'
  | 'met'
  | 'suggested'
  | 'introductions'
  | 'help'
  | 'ask'
  | 'helping'
  | 'offer'
  | 'surveys'
  | 'survey';

const titles: Strings<Record<PeopleRoute, string>> = {
  en: {
    people: 'My people',
    met: 'Who did you meet?',
    suggested: 'People to meet',
    introductions: 'Introductions',
    help: 'Help',
    ask: 'Ask for help',
    helping: 'Helping',
    offer: 'Offer your time',
    surveys: 'Questions for you',
    survey: 'Questions for you',
  },
  es: {
    people: 'Mi gente',
    met: '¿A quién conociste?',
    suggested: 'Personas que conocer',
    introductions: 'Presentaciones',
    help: 'Ayuda',
    ask: 'Pedir ayuda',
    helping: 'Ayudar',
    offer: 'Ofrecer tu tiempo',
    surveys: 'Preguntas para ti',
    survey: 'Preguntas para ti',
  },
};

/**
 * A People, Help, Helping or Surveys route with its header. Signed in only, as the root stack
 * guards it (src/navigation/root-stack.tsx).
 */
export function RouteFrame({ route, children }: { route: PeopleRoute; children: ReactNode }) {
  return (
    <>
      <RouteHeader route={route} />
      {children}
    </>
  );
}

/**
 * The header of a screen opened from More: its name and the phone's own Back button, which screen
 * readers announce. The root stack hides headers; these screens ask for one, as Settings does.
 */
export function RouteHeader({ route }: { route: PeopleRoute }) {
  const t = useStrings(titles);
  const { scale } = useTextSize();
  return (
    <Stack.Screen
      options={{
        headerShown: true,
        title: t[route],
        headerTintColor: colours.primary,
        headerTitleStyle: { color: colours.text, fontSize: fontSizes.body * scale },
      }}
    />
  );
}
