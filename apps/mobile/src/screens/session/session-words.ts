import type { AccessibilityFeature, BookingStatus } from '../../gql/graphql';
import { useLanguage, useStrings, type Language, type Strings } from '../../i18n/language';
import { formatWhen } from '../../ui/format';

/** When a session is, in London time, in the member's language (formatWhen's words). */
export function whenIn(language: Language, startsAt: string, endsAt?: string): string {
  return formatWhen(startsAt, endsAt, language);
}

type SessionWords = {
  places: (placesLeft: number) => string;
  full: (waiting: number) => string;
  where: (venueName: string, distanceBand: string | null | undefined) => string;
  status: (status: BookingStatus, waitlistPosition: number | null | undefined) => string;
  /** How a booking ended, for sessions that are over. */
  pastStatus: (status: BookingStatus) => string;
  access: Record<AccessibilityFeature, string>;
  calledOff: string;
  /** "Ann", "Ann and Raj", "Ann, Raj and Sue" */
  names: (names: readonly string[]) => string;
};

/** The API's distance bands are English ("under 500 m", "1–2 km"): said the Spanish way. */
function spanishBand(band: string): string {
  if (band.startsWith('under ')) return `a menos de ${band.slice(6)}`;
  if (band.startsWith('over ')) return `a más de ${band.slice(5)}`;
  const range = /^(\S+)–(.+)$/.exec(band);
  return range ? `a entre ${range[1]} y ${range[2]}` : `a ${band}`;
}

function listOf(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

export const sessionWords: Strings<SessionWords> = {
  en: {
    places: (n) => (n === 1 ? '1 place left' : `${n} places left`),
    full: (waiting) =>
      waiting === 0
        ? 'It is full. You can join the waiting list.'
        : waiting === 1
          ? 'It is full. 1 person is on the waiting list.'
          : `It is full. ${waiting} people are on the waiting list.`,
    where: (venue, band) => (band ? `${venue}, ${band} from you` : venue),
    status: (status, position) => {
      switch (status) {
        case 'BOOKED':
          return 'You have a place.';
        case 'WAITLISTED':
          return position === 1
            ? 'You are next on the waiting list.'
            : position
              ? `You are number ${position} on the waiting list.`
              : 'You are on the waiting list.';
        case 'CANCELLED':
          return 'You cancelled this.';
        case 'ATTENDED':
          return 'You went to this.';
        case 'NO_SHOW':
          return 'You did not go to this.';
      }
    },
    pastStatus: (status) => {
      switch (status) {
        case 'BOOKED':
          return 'You had a place.';
        case 'WAITLISTED':
          return 'You were on the waiting list.';
        case 'CANCELLED':
          return 'You cancelled this.';
        case 'ATTENDED':
          return 'You went to this.';
        case 'NO_SHOW':
          return 'You did not go to this.';
      }
    },
    access: {
      STEP_FREE: 'No steps to get in',
      ACCESSIBLE_TOILET: 'A toilet for disabled people',
      HEARING_LOOP: 'A hearing loop',
      QUIET_SPACE: 'A quiet place to rest',
      SEATING: 'Chairs to sit on',
      LARGE_PRINT: 'Large print',
    },
    calledOff: 'This session has been called off.',
    names: (names) => listOf(names, 'and'),
  },
  es: {
    places: (n) => (n === 1 ? 'Queda 1 plaza' : `Quedan ${n} plazas`),
    full: (waiting) =>
      waiting === 0
        ? 'Está lleno. Puedes apuntarte a la lista de espera.'
        : waiting === 1
          ? 'Está lleno. Hay 1 persona en la lista de espera.'
          : `Está lleno. Hay ${waiting} personas en la lista de espera.`,
    where: (venue, band) => (band ? `${venue}, ${spanishBand(band)} de ti` : venue),
    status: (status, position) => {
      switch (status) {
        case 'BOOKED':
          return 'Tienes una plaza.';
        case 'WAITLISTED':
          return position === 1
            ? 'Eres la próxima persona en la lista de espera.'
            : position
              ? `Eres el número ${position} en la lista de espera.`
              : 'Estás en la lista de espera.';
        case 'CANCELLED':
          return 'Cancelaste esto.';
        case 'ATTENDED':
          return 'Fuiste a esto.';
        case 'NO_SHOW':
          return 'No fuiste a esto.';
      }
    },
    pastStatus: (status) => {
      switch (status) {
        case 'BOOKED':
          return 'Tenías una plaza.';
        case 'WAITLISTED':
          return 'Estabas en la lista de espera.';
        case 'CANCELLED':
          return 'Cancelaste esto.';
        case 'ATTENDED':
          return 'Fuiste a esto.';
        case 'NO_SHOW':
          return 'No fuiste a esto.';
      }
    },
    access: {
      STEP_FREE: 'Sin escalones para entrar',
      ACCESSIBLE_TOILET: 'Un baño adaptado',
      HEARING_LOOP: 'Un bucle magnético para audífonos',
      QUIET_SPACE: 'Un sitio tranquilo para descansar',
      SEATING: 'Sillas para sentarse',
      LARGE_PRINT: 'Letra grande',
    },
    calledOff: 'Esta sesión se ha cancelado.',
    names: (names) => listOf(names, 'y'),
  },
};

/** The words every screen about sessions shares, with `when` in the member's language. */
export function useSessionWords(): SessionWords & {
  when: (startsAt: string, endsAt?: string) => string;
} {
  const { language } = useLanguage();
  const words = useStrings(sessionWords);
  return { ...words, when: (startsAt, endsAt) => whenIn(language, startsAt, endsAt) };
}
