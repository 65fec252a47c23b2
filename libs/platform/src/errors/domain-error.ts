/** The stable error codes of the public contract (API.md). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  path: string;
  message: string;
}

/** An error a caller can act on. The API maps it to a GraphQL error with `extensions.code`. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(fields: FieldProblem[], message = 'The input is not valid'): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, fields);
  }

  static unauthenticated(message = 'You need to sign in'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message = 'You are not allowed to do that'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} was not found`);
  }

  static conflict(message: string): DomainError {
    return new DomainError(ErrorCode.CONFLICT, message);
  }

  static rateLimited(message: string, retryAfterSeconds: number): DomainError {
    return new DomainError(ErrorCode.RATE_LIMITED, message, [], { retryAfterSeconds });
  }
}

/** A backing service (Postgres, Redis) cannot be reached; the request may be retried. */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: 'postgres' | 'redis',
    cause?: unknown,
  ) {
    super(`${dependency === 'postgres' ? 'The database' : 'Redis'} is unavailable`, { cause });
    this.name = 'DependencyUnavailableError';
  }
}
