import type { AccessibilityFeature, MatchingNeed } from '../../gql/graphql';
import type { Language, Strings } from '../../i18n/language';
import { accessWords } from '../profile/access-words';
import { formatDistance } from '../profile/distance';
import type { ProfileSetting } from '../profile/steps';

export type { ProfileSetting } from '../profile/steps';

/** What For you reads of the API's matchingAdvice. */
export interface Advice {
  needs: readonly string[];
  travelRadiusMetres: number | null;
  unmetAccessNeeds: readonly AccessibilityFeature[];
}

/** The one change that would help, when there is one the member can make. */
export type NeedAction =
  /** Opens a part of the profile. */
  | { kind: 'open'; label: string; setting: ProfileSetting }
  /** Saves a wider travel radius in one tap. */
  | { kind: 'radius'; label: string; metres: number };

export interface NeedHelp {
  /** Why there are no suggestions (or none at their free times), in plain words. */
  text: string;
  action?: NeedAction;
}

type Words = {
  home: string;
  addPostcode: string;
  interests: string;
  chooseInterests: string;
  radius: string;
  radiusTo: (distance: string) => string;
  travelUpTo: (distance: string) => string;
  changeDistance: string;
  access: string;
  accessUnmet: (needs: string) => string;
  checkAccess: string;
  availability: string;
  changeTimes: string;
  full: string;
  allBooked: string;
  noSessionsNearby: string;
  unknown: string;
  and: string;
};

const words: Strings<Words> = {
  en: {
    home: 'We do not know where you live yet, so we cannot find things near you.',
    addPostcode: 'Add your postcode',
    interests: 'Tell us what you enjoy, so we can find things you might like.',
    chooseInterests: 'Choose what you enjoy',
    radius: 'There is nothing close enough to you. Going a bit further would help.',
    radiusTo: (d) => `There is nothing close enough to you. If you travel up to ${d}, there is.`,
    travelUpTo: (d) => `Travel up to ${d}`,
    changeDistance: 'Change how far you will go',
    access: 'Nothing near you has everything you need to get in and take part yet.',
    accessUnmet: (needs) => `The nearest places do not have: ${needs}.`,
    checkAccess: 'Check your access needs',
    availability: 'None of these are at the times you said you are free.',
    changeTimes: 'Change when you are free',
    full: 'Everything near you that suits you is full right now. Places often come free, so look again soon.',
    allBooked:
      'You already have a place at everything near you that suits you. New things are added every week.',
    noSessionsNearby: 'Kith has very little near you yet. We add new things every week.',
    unknown:
      'Something else is stopping us finding things for you. Your Kith coordinator can help.',
    and: ' and ',
  },
  es: {
    home: 'Aún no sabemos dónde vives, así que no podemos encontrar cosas cerca de ti.',
    addPostcode: 'Añadir tu código postal',
    interests: 'Dinos qué te gusta, para encontrar cosas que te puedan gustar.',
    chooseInterests: 'Elegir lo que te gusta',
    radius: 'No hay nada bastante cerca de ti. Ir un poco más lejos ayudaría.',
    radiusTo: (d) => `No hay nada bastante cerca de ti. Si vas hasta ${d}, sí lo hay.`,
    travelUpTo: (d) => `Ir hasta ${d}`,
    changeDistance: 'Cambiar hasta dónde irías',
    access: 'Aún no hay nada cerca de ti con todo lo que necesitas para entrar y participar.',
    accessUnmet: (needs) => `Los sitios más cercanos no tienen: ${needs}.`,
    checkAccess: 'Revisar lo que necesitas',
    availability: 'Nada de esto es a las horas en que dijiste que tienes tiempo.',
    changeTimes: 'Cambiar cuándo tienes tiempo',
    full: 'Todo lo que te va bien cerca de ti está lleno ahora. A menudo se liberan plazas, así que vuelve a mirar pronto.',
    allBooked:
      'Ya tienes plaza en todo lo que te va bien cerca de ti. Cada semana añadimos cosas nuevas.',
    noSessionsNearby: 'Kith tiene muy poco cerca de ti todavía. Cada semana añadimos cosas nuevas.',
    unknown:
      'Hay otra cosa que nos impide encontrar cosas para ti. Tu coordinador de Kith te puede ayudar.',
    and: ' y ',
  },
};

function list(items: readonly string[], and: string): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

/**
 * What each of the API's matching needs means to a member, and the change that would help. The
 * API adds needs over time, so a name not known here gets a general line.
 */
export function needHelp(need: string, advice: Advice, language: Language): NeedHelp {
  const w = words[language];
  const open = (label: string, setting: ProfileSetting): NeedAction => ({
    kind: 'open',
    label,
    setting,
  });
  const helps: Record<MatchingNeed, () => NeedHelp> = {
    HOME: () => ({ text: w.home, action: open(w.addPostcode, 'home') }),
    INTERESTS: () => ({ text: w.interests, action: open(w.chooseInterests, 'interests') }),
    RADIUS: () => {
      const metres = advice.travelRadiusMetres;
      if (metres === null) return { text: w.radius, action: open(w.changeDistance, 'distance') };
      const distance = formatDistance(metres, language);
      return {
        text: w.radiusTo(distance),
        action: { kind: 'radius', label: w.travelUpTo(distance), metres },
      };
    },
    ACCESS_NEEDS: () => {
      const named = advice.unmetAccessNeeds.map((f) => accessWords[language][f].toLowerCase());
      const text = named.length > 0 ? `${w.access} ${w.accessUnmet(list(named, w.and))}` : w.access;
      return { text, action: open(w.checkAccess, 'access') };
    },
    AVAILABILITY: () => ({ text: w.availability, action: open(w.changeTimes, 'times') }),
    FULL: () => ({ text: w.full }),
    ALL_BOOKED: () => ({ text: w.allBooked }),
    NO_SESSIONS_NEARBY: () => ({ text: w.noSessionsNearby }),
  };
  return Object.hasOwn(helps, need) ? helps[need as MatchingNeed]() : { text: w.unknown };
}
