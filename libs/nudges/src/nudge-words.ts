import { createHash } from 'node:crypto';
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
    SESSION_REMINDER_DAY_BEFORE_B: {
      title: 'Tomorrow: {{activity}}',
      body: '{{activity}} is on {{when}}, at {{venue}}. It will be good to see you, and the others there are hoping you can make it.',
    },
    [NudgeKind.FIRST_VISIT_SUPPORT]: {
      title: 'Your first {{activity}}',
      body: 'You are going to {{activity}} on {{when}} for the first time. {{company}} If you would like someone to come along with you, a helper can: just ask in the app.',
    },
    FIRST_VISIT_COMPANY_PEER: {
      title: 'Someone going',
      body: 'Someone going also enjoys {{interest}} and would welcome meeting new people: ask in the app and we can introduce you.',
    },
    FIRST_VISIT_COMPANY_SOME: {
      title: 'People going',
      body: '{{count}} other people are going too, so there will be friendly faces.',
    },
    FIRST_VISIT_COMPANY_NONE: {
      title: 'A warm welcome',
      body: 'The group is looking forward to welcoming someone new.',
    },
    [NudgeKind.FOLLOW_UP]: {
      title: 'How was {{activity}}?',
      body: 'We hope you enjoyed {{activity}} today. Who did you meet? Tell us in the app, and we can help you stay in touch.',
    },
    [NudgeKind.RE_ENGAGE]: {
      title: 'Something you might enjoy: {{activity}}',
      body: 'It has been a little while, and we have been thinking of you. {{activity}} is on {{when}} at {{venue}}, and there is a place for you if you would like to come.',
    },
    RE_ENGAGE_NOTHING_NEAR: {
      title: 'Thinking of you',
      body: 'It has been a little while, and we have been thinking of you. Have a look at what is on near you this week: there may be something you would enjoy.',
    },
    [NudgeKind.INTRODUCTION_RECEIVED]: {
      title: '{{name}} would like to meet you',
      body: '{{name}} would like to be introduced to you. You can say yes, or no thanks, in the app; either is fine.',
    },
    [NudgeKind.INTRODUCTION_ACCEPTED]: {
      title: 'You and {{name}} are connected',
      body: '{{name}} said yes to meeting you. You can now see each other in the app and arrange to meet.',
    },
    [NudgeKind.ASSIGNMENT_OFFERED]: {
      title: 'Could you help {{name}}?',
      body: '{{name}} has asked for some help ({{skill}}), and you have been suggested. Have a look in the app and say whether you can take it.',
    },
    [NudgeKind.ASSIGNMENT_ACCEPTED]: {
      title: '{{name}} will help you',
      body: '{{name}} has said yes to your request ({{skill}}). They will be in touch to arrange a time.',
    },
    [NudgeKind.ASSIGNMENT_COMPLETED]: {
      title: 'Thank you for helping {{name}}',
      body: 'Your help ({{skill}}) is recorded, with {{minutes}} minutes in your time credits. Thank you for giving your time.',
    },
    ASSIGNMENT_COMPLETED_MEMBER: {
      title: 'Done: {{skill}}',
      body: '{{name}} has recorded your request ({{skill}}) as done. You can say how it went in the app, if you like.',
    },
    [NudgeKind.DBS_EXPIRING]: {
      title: 'Your DBS check runs out on {{date}}',
      body: 'Your DBS check runs out on {{date}}. Your coordinator can help you renew it, so that you can keep helping people.',
    },
    DBS_EXPIRING_COORDINATOR: {
      title: 'A DBS check runs out on {{date}}: {{name}}',
      body: 'The DBS check of {{name}}, a helper in your area, runs out on {{date}}. They have been told too; you may want to help them renew it.',
    },
    [NudgeKind.SURVEY_DUE]: {
      title: 'A few questions, when you have a minute',
      body: 'How have things been? A few short questions help us see what Kith brings to people, and what to do better. Answer whenever it suits you.',
    },
    DIGEST: {
      title: 'Your Kith news for today',
      body: 'Here is what is new for you today, all in one place:',
    },
    [NudgeKind.CHECK_IN]: {
      title: 'A check-in call: {{name}}',
      body: '{{name}} has not been to anything for six weeks and has not answered a suggestion. A friendly call from a person may help.',
    },
    [NudgeKind.DEVICE_REASSIGNED]: {
      title: 'Kith notifications stopped on one of your devices',
      body: 'Someone else has signed in to Kith on a phone or tablet where you had notifications, so they no longer go to it. Your messages are still here in the app. If the device is yours, sign in on it again to have them back.',
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
    SESSION_REMINDER_DAY_BEFORE_B: {
      title: 'Mañana: {{activity}}',
      body: '{{activity}} es el {{when}}, en {{venue}}. Será un placer verte, y los demás esperan que puedas venir.',
    },
    [NudgeKind.FIRST_VISIT_SUPPORT]: {
      title: 'Tu primera vez en {{activity}}',
      body: 'Vas a {{activity}} el {{when}} por primera vez. {{company}} Si quieres que alguien te acompañe, un voluntario puede hacerlo: pídelo en la aplicación.',
    },
    FIRST_VISIT_COMPANY_PEER: {
      title: 'Alguien que va',
      body: 'Alguien que va también disfruta de {{interest}} y le gusta conocer gente: pídelo en la aplicación y os presentamos.',
    },
    FIRST_VISIT_COMPANY_SOME: {
      title: 'Gente que va',
      body: 'Van {{count}} personas más, así que habrá caras amables.',
    },
    FIRST_VISIT_COMPANY_NONE: {
      title: 'Una cálida bienvenida',
      body: 'El grupo tiene ganas de dar la bienvenida a alguien nuevo.',
    },
    [NudgeKind.FOLLOW_UP]: {
      title: '¿Qué tal {{activity}}?',
      body: 'Esperamos que hayas disfrutado de {{activity}} hoy. ¿A quién conociste? Cuéntanoslo en la aplicación y te ayudamos a seguir en contacto.',
    },
    [NudgeKind.RE_ENGAGE]: {
      title: 'Algo que te puede gustar: {{activity}}',
      body: 'Hace un tiempo que no te vemos y nos acordamos de ti. {{activity}} es el {{when}} en {{venue}}, y hay una plaza para ti si te apetece venir.',
    },
    RE_ENGAGE_NOTHING_NEAR: {
      title: 'Nos acordamos de ti',
      body: 'Hace un tiempo que no te vemos y nos acordamos de ti. Mira lo que hay cerca esta semana: puede que haya algo que te guste.',
    },
    [NudgeKind.INTRODUCTION_RECEIVED]: {
      title: '{{name}} quiere conocerte',
      body: '{{name}} quiere que os presentemos. Puedes decir que sí, o no gracias, en la aplicación; las dos cosas están bien.',
    },
    [NudgeKind.INTRODUCTION_ACCEPTED]: {
      title: '{{name}} y tú estáis en contacto',
      body: '{{name}} ha dicho que sí a conocerte. Ya os podéis ver en la aplicación y quedar.',
    },
    [NudgeKind.ASSIGNMENT_OFFERED]: {
      title: '¿Puedes ayudar a {{name}}?',
      body: '{{name}} ha pedido ayuda ({{skill}}), y te han propuesto a ti. Míralo en la aplicación y di si puedes.',
    },
    [NudgeKind.ASSIGNMENT_ACCEPTED]: {
      title: '{{name}} te ayudará',
      body: '{{name}} ha dicho que sí a tu petición ({{skill}}). Se pondrá en contacto contigo para quedar.',
    },
    [NudgeKind.ASSIGNMENT_COMPLETED]: {
      title: 'Gracias por ayudar a {{name}}',
      body: 'Tu ayuda ({{skill}}) queda registrada, con {{minutes}} minutos en tus créditos de tiempo. Gracias por dar tu tiempo.',
    },
    ASSIGNMENT_COMPLETED_MEMBER: {
      title: 'Hecho: {{skill}}',
      body: '{{name}} ha registrado tu petición ({{skill}}) como hecha. Si quieres, puedes contar qué tal fue en la aplicación.',
    },
    [NudgeKind.DBS_EXPIRING]: {
      title: 'Tu certificado DBS caduca el {{date}}',
      body: 'Tu certificado DBS caduca el {{date}}. Tu coordinador puede ayudarte a renovarlo, para que sigas ayudando a la gente.',
    },
    DBS_EXPIRING_COORDINATOR: {
      title: 'Un certificado DBS caduca el {{date}}: {{name}}',
      body: 'El certificado DBS de {{name}}, voluntario de tu zona, caduca el {{date}}. Ya se le ha avisado; quizá quieras ayudarle a renovarlo.',
    },
    [NudgeKind.SURVEY_DUE]: {
      title: 'Unas preguntas, cuando tengas un momento',
      body: '¿Qué tal te va? Unas preguntas cortas nos ayudan a ver lo que Kith aporta a la gente y qué mejorar. Responde cuando te venga bien.',
    },
    DIGEST: {
      title: 'Tus novedades de Kith de hoy',
      body: 'Esto es lo nuevo para ti hoy, todo junto:',
    },
    [NudgeKind.CHECK_IN]: {
      title: 'Una llamada para saludar: {{name}}',
      body: '{{name}} lleva seis semanas sin venir a nada y no ha respondido a una sugerencia. Una llamada de una persona puede ayudar.',
    },
    [NudgeKind.DEVICE_REASSIGNED]: {
      title: 'Las notificaciones de Kith se han detenido en uno de tus dispositivos',
      body: 'Otra persona ha iniciado sesión en Kith en un teléfono o tableta donde recibías notificaciones, así que ya no te llegan allí. Tus mensajes siguen aquí, en la aplicación. Si el dispositivo es tuyo, vuelve a iniciar sesión en él para recibirlas de nuevo.',
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

/**
 * Wordings tried against each other: a kind's words with a second variant, B, given to half the
 * members (chosen from the member's id, so one member always reads the same one), and compared
 * by nudgeVariantReport.
 */
export const NUDGE_VARIANTS: Partial<Record<WordsKey, WordsKey>> = {
  SESSION_REMINDER_DAY_BEFORE: 'SESSION_REMINDER_DAY_BEFORE_B',
};

/** The variant a member gets of these words, and the words it says. */
export function chooseVariant(
  personId: string,
  words: WordsKey,
): { variant: 'A' | 'B'; words: WordsKey } {
  const b = NUDGE_VARIANTS[words];
  if (!b) return { variant: 'A', words };
  const digest = createHash('sha256').update(`${personId}:${words}`).digest();
  return digest[0] % 2 === 1 ? { variant: 'B', words: b } : { variant: 'A', words };
}
