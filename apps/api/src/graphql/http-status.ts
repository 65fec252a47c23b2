import { ErrorCode } from '@kith/platform';

const STATUS_OF_CODE: Record<ErrorCode, number> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.RATE_LIMITED]: 429,
  [ErrorCode.INTERNAL_SERVER_ERROR]: 500,
};

/**
 * The HTTP status of a contract code, where an error answers the whole request: a REST endpoint
 * such as /reports, or a refusal before a GraphQL operation runs (clients retry a 5xx, so a
 * refusal must never be one).
 */
export function httpStatusOf(code: ErrorCode): number {
  return STATUS_OF_CODE[code];
}
