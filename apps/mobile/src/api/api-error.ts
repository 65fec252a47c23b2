/** The codes the API promises (API.md), and two of our own for when no answer came. */
export type ApiErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INTERNAL_SERVER_ERROR'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  /** No answer: no signal, or the API is down. */
  | 'NETWORK'
  /** An answer we could not read. */
  | 'UNKNOWN';

const KNOWN_CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'NETWORK',
  'UNKNOWN',
]);

export interface FieldProblem {
  /** The input's field, e.g. "email" or "input.postcode". */
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields: readonly FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The API's message for one input field, matched on the path's last part ("input.email" -> "email"). */
  fieldMessage(field: string): string | undefined {
    return this.fields.find((f) => f.path === field || f.path.split('.').pop() === field)?.message;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function readFields(raw: unknown): FieldProblem[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((f): FieldProblem[] => {
    if (!isRecord(f) || typeof f.message !== 'string') return [];
    const path = Array.isArray(f.path)
      ? f.path.join('.')
      : typeof f.path === 'string'
        ? f.path
        : '';
    return [{ path, message: f.message }];
  });
}

/** The first GraphQL error of an answer, as an ApiError. */
export function apiErrorFromGraphQL(errors: readonly unknown[]): ApiError {
  const first = errors[0];
  if (!isRecord(first)) return new ApiError('UNKNOWN', 'Something went wrong.');
  const extensions = isRecord(first.extensions) ? first.extensions : {};
  const rawCode = typeof extensions.code === 'string' ? extensions.code : 'UNKNOWN';
  const code: ApiErrorCode = KNOWN_CODES.has(rawCode) ? (rawCode as ApiErrorCode) : 'UNKNOWN';
  const message = typeof first.message === 'string' ? first.message : 'Something went wrong.';
  return new ApiError(code, message, readFields(extensions.fields));
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
