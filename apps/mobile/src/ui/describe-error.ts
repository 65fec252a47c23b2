import type { ApiError, ApiErrorCode } from '../api/api-error';
import { useLanguage, type Language, type Strings } from '../i18n/language';

type Said = Exclude<ApiErrorCode, 'BAD_USER_INPUT'>;

const strings: Strings<Record<Said, string>> = {
  en: {
    NETWORK: 'We could not reach Kith. Check that you are online, then try again.',
    RATE_LIMITED: 'You have tried many times. Please wait 15 minutes, then try again.',
    UNAUTHENTICATED: 'You need to sign in again.',
    FORBIDDEN: 'You cannot do this. Your Kith coordinator can help.',
    NOT_FOUND: 'We could not find this. It may have been taken away.',
    CONFLICT: 'This changed while you were looking. Please try again.',
    INTERNAL_SERVER_ERROR: 'Something went wrong at Kith. Please try again in a few minutes.',
    GRAPHQL_PARSE_FAILED: 'Something went wrong at Kith. Please try again in a few minutes.',
    GRAPHQL_VALIDATION_FAILED: 'Something went wrong at Kith. Please try again in a few minutes.',
    PERSISTED_QUERY_NOT_FOUND: 'Something went wrong at Kith. Please try again in a few minutes.',
    UNKNOWN: 'Something went wrong at Kith. Please try again in a few minutes.',
  },
  es: {
    NETWORK: 'No pudimos conectar con Kith. Mira si tienes conexión y vuelve a intentarlo.',
    RATE_LIMITED: 'Lo has intentado muchas veces. Espera 15 minutos y vuelve a intentarlo.',
    UNAUTHENTICATED: 'Tienes que volver a entrar.',
    FORBIDDEN: 'No puedes hacer esto. Tu coordinador de Kith te puede ayudar.',
    NOT_FOUND: 'No encontramos esto. Puede que ya no exista.',
    CONFLICT: 'Esto cambió mientras lo mirabas. Vuelve a intentarlo.',
    INTERNAL_SERVER_ERROR: 'Algo salió mal en Kith. Vuelve a intentarlo en unos minutos.',
    GRAPHQL_PARSE_FAILED: 'Algo salió mal en Kith. Vuelve a intentarlo en unos minutos.',
    GRAPHQL_VALIDATION_FAILED: 'Algo salió mal en Kith. Vuelve a intentarlo en unos minutos.',
    PERSISTED_QUERY_NOT_FOUND: 'Algo salió mal en Kith. Vuelve a intentarlo en unos minutos.',
    UNKNOWN: 'Algo salió mal en Kith. Vuelve a intentarlo en unos minutos.',
  },
};

/**
 * What went wrong, in plain words, and what the member can do next. Bad input is said in the API's
 * own words for the field (the API speaks English only for now).
 */
export function describeError(error: ApiError, language: Language = 'en'): string {
  if (error.code === 'BAD_USER_INPUT') return error.fields[0]?.message ?? error.message;
  return strings[language][error.code];
}

/** describeError in the member's language. */
export function useDescribeError(): (error: ApiError) => string {
  const { language } = useLanguage();
  return (error) => describeError(error, language);
}
