import i18next from 'i18next';
import { LONDON } from '@kith/platform';
import { NudgeKind } from './nudge-kinds';

/**
 * What each nudge says, in every language a member can choose: warm and about people, never
 * guilt or cost. Kept as i18next resources (plurals, interpolation); a spec checks every kind
 * written in one language is written in all.
 */
export const NUDGE_WORDS = {
  en: {
    [NudgeKind.WAITLIST_PROMOTED]: {
      title: 'A place is yours: {{activity}}',
      body: 'Good news: a place came free at {{activity}} on {{when}}, and it is yours. Everyone there is looking forward to meeting you.',
    },
    SESSION_REMINDER_DAY_BEFORE: {
      title: 'See you at {{activity}}',
      body: 'A friendly reminder: {{activity}} is on {{when}}, at {{venue}}. People are looking forward to seeing you there.',
    },
    SESSION_REMINDER_TWO_HOURS: {
      title: '{{activity}} starts at {{time}}',
      body: '{{activity}} starts at {{time}} today, at {{venue}}. Enjoy it!',
    },
    [NudgeKind.SESSION_CANCELLED]: {
      title: '{{activity}} on {{when}} is not happening',
      body: 'Sorry: {{activity}} on {{when}} has been called off, so there is no need to go. We will let you know about the next one, and there may be something else you would enjoy nearby.',
    },
  },
  es: {
    [NudgeKind.WAITLIST_PROMOTED]: {
      title: 'Tienes plaza: {{activity}}',
      body: 'Buenas noticias: se ha liberado una plaza en {{activity}} el {{when}}, y es para ti. Todos tienen ganas de conocerte.',
    },
    SESSION_REMINDER_DAY_BEFORE: {
      title: 'Nos vemos en {{activity}}',
      body: 'Un recordatorio: {{activity}} es el {{when}}, en {{venue}}. Tienen ganas de verte allí.',
    },
    SESSION_REMINDER_TWO_HOURS: {
      title: '{{activity}} empieza a las {{time}}',
      body: '{{activity}} empieza hoy a las {{time}}, en {{venue}}. ¡Que lo disfrutes!',
    },
    [NudgeKind.SESSION_CANCELLED]: {
      title: '{{activity}} del {{when}} no se celebra',
      body: 'Lo sentimos: {{activity}} del {{when}} se ha suspendido, así que no hace falta ir. Te avisaremos de la próxima, y puede que haya algo más cerca que te guste.',
    },
  },
} as const;

export type NudgeLanguage = keyof typeof NUDGE_WORDS;
/** What a nudge can say: a kind, or a kind's variant (the two session reminders). */
export type WordsKey = keyof (typeof NUDGE_WORDS)['en'];

/** An i18next instance over words kept per language, as nudges and their emails use them. */
export function wordsIn(words: Record<string, object>): typeof i18next {
  const instance = i18next.createInstance();
  void instance.init({
    resources: Object.fromEntries(
      Object.entries(words).map(([language, resources]) => [language, { translation: resources }]),
    ),
    lng: 'en',
    fallbackLng: 'en',
    initAsync: false,
    // i18next prints an advertisement on start unless told not to; logs are for operators.
    showSupportNotice: false,
    // Plain text, never HTML here; the email channel escapes what it puts in HTML.
    interpolation: { escapeValue: false },
  });
  return instance;
}

const i18n = wordsIn(NUDGE_WORDS);

const LOCALES: Record<NudgeLanguage, string> = { en: 'en-GB', es: 'es-ES' };

/** A session's time as people say it, on London clocks: "Tuesday 12 January at 10:00". */
export function sayWhen(instant: Date, language: NudgeLanguage): string {
  const day = new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: LONDON,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  }).format(instant);
  const time = sayTime(instant, language);
  return language === 'es' ? `${day} a las ${time}` : `${day} at ${time}`;
}

export function isNudgeLanguage(language: string): language is NudgeLanguage {
  return Object.prototype.hasOwnProperty.call(NUDGE_WORDS, language);
}

/** A time of day on London clocks: "10:00". */
export function sayTime(instant: Date, language: NudgeLanguage): string {
  return new Intl.DateTimeFormat(LOCALES[language], {
    timeZone: LONDON,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/** The title and body of a nudge in the member's language (English if theirs is unknown). */
export function nudgeWords(
  kind: WordsKey,
  language: string,
  params: Record<string, string>,
): { title: string; body: string } {
  const lng = isNudgeLanguage(language) ? language : 'en';
  const say = (part: 'title' | 'body'): string => {
    const key: string = `${kind}.${part}`;
    return i18n.t(key, { ...params, lng });
  };
  return { title: say('title'), body: say('body') };
}
