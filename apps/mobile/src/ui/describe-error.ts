import type { ApiError } from '../api/api-error';

/** What went wrong, in plain words, and what the member can do next. */
export function describeError(error: ApiError): string {
  switch (error.code) {
    case 'NETWORK':
      return 'We could not reach Kith. Check that you are online, then try again.';
    case 'RATE_LIMITED':
      return 'You have tried many times. Please wait 15 minutes, then try again.';
    case 'UNAUTHENTICATED':
      return 'You need to sign in again.';
    case 'FORBIDDEN':
      return 'You cannot do this. Your Kith coordinator can help.';
    case 'NOT_FOUND':
      return 'We could not find this. It may have been taken away.';
    case 'CONFLICT':
      return 'This changed while you were looking. Please try again.';
    case 'BAD_USER_INPUT':
      return error.fields[0]?.message ?? error.message;
    case 'INTERNAL_SERVER_ERROR':
    case 'GRAPHQL_PARSE_FAILED':
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'PERSISTED_QUERY_NOT_FOUND':
    case 'UNKNOWN':
      return 'Something went wrong at Kith. Please try again in a few minutes.';
  }
}
