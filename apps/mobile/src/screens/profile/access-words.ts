import type { Strings } from '../../i18n/language';
import type { AccessibilityFeature } from '../../gql/graphql';

/** Access needs in plain words, in the order a member reads them. */
export const ACCESS_FEATURES: readonly AccessibilityFeature[] = [
  'STEP_FREE',
  'SEATING',
  'ACCESSIBLE_TOILET',
  'HEARING_LOOP',
  'QUIET_SPACE',
  'LARGE_PRINT',
];

export const accessWords: Strings<Record<AccessibilityFeature, string>> = {
  en: {
    STEP_FREE: 'No steps (a ramp or a lift)',
    SEATING: 'Somewhere to sit down',
    ACCESSIBLE_TOILET: 'An accessible toilet',
    HEARING_LOOP: 'A hearing loop',
    QUIET_SPACE: 'A quiet space',
    LARGE_PRINT: 'Large print',
  },
  es: {
    STEP_FREE: 'Sin escalones (rampa o ascensor)',
    SEATING: 'Un sitio para sentarse',
    ACCESSIBLE_TOILET: 'Un baño adaptado',
    HEARING_LOOP: 'Un bucle magnético para audífonos',
    QUIET_SPACE: 'Un lugar tranquilo',
    LARGE_PRINT: 'Letra grande',
  },
};
