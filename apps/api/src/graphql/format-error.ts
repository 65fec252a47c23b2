import { unwrapResolverError } from '@apollo/server/errors';
import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { DomainError, ErrorCode, unavailableDependency } from '@kith/platform';
import type { FieldProblem } from '@kith/platform';

const logger = new Logger('GraphQLErrors');

const HTTP_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

// Apollo's standard codes, which clients key on (a persisted query to send in full, a parse or
// validation failure): kept as they are, with field details added where they can be found.
const APOLLO_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);
// Apollo's other request errors, not in the contract: the request is at fault, so BAD_USER_INPUT.
const REQUEST_ERRORS = new Set(['BAD_USER_INPUT', 'BAD_REQUEST', 'OPERATION_RESOLUTION_FAILURE']);

/**
 * What a Postgres error says about the request when a check above it let the request through:
 * a unique or foreign-key violation is a conflict or a missing thing, a value Postgres cannot
 * take (a malformed id, a NUL, a number out of range) is bad input. Logged: each is a check
 * the service should have made itself.
 */
function fromPostgres(original: unknown): { code: ErrorCode; message: string } | undefined {
  const code =
    typeof original === 'object' && original !== null
      ? (original as { code?: unknown }).code
      : undefined;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === '23505')
    return {
      code: ErrorCode.CONFLICT,
      message: 'That conflicts with something that already exists',
    };
  if (code === '23503')
    return { code: ErrorCode.NOT_FOUND, message: 'Something this refers to does not exist' };
  if (code.startsWith('22'))
    return { code: ErrorCode.BAD_USER_INPUT, message: 'A value given is not valid' };
  return undefined;
}

/** Best-effort field path from graphql-js messages ('Variable "$email" …', 'Field "x" …'). */
function fieldsFromMessage(message: string): FieldProblem[] {
  const variable = /Variable "\$([^"]+)"/.exec(message);
  const field = /(?:field|argument) "([^"]+)"/i.exec(message);
  const path = variable?.[1] ?? field?.[1] ?? '';
  return [{ path, message }];
}

function withCode(
  formatted: GraphQLFormattedError,
  code: ErrorCode,
  message: string,
  extra: Record<string, unknown> = {},
): GraphQLFormattedError {
  return {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code, ...extra },
  };
}

/**
 * The one place errors become GraphQL errors: every error leaves with a code from ErrorCode,
 * BAD_USER_INPUT with field details, and nothing internal (stack, SQL) in production.
 */
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  isProduction: boolean,
): GraphQLFormattedError {
  let original = unwrapResolverError(error);
  // Errors a plugin raises (an Idempotency-Key refused, say) come wrapped once more.
  while (original instanceof GraphQLError && original.originalError) {
    original = original.originalError;
  }
  if (original instanceof DomainError) {
    const extra: Record<string, unknown> = { ...original.details };
    if (original.code === ErrorCode.BAD_USER_INPUT) extra.fields = original.fields;
    return withCode(formatted, original.code, original.message, extra);
  }
  if (original instanceof HttpException) {
    const code = HTTP_CODES[original.getStatus()] ?? ErrorCode.INTERNAL_SERVER_ERROR;
    const extra =
      code === ErrorCode.BAD_USER_INPUT ? { fields: fieldsFromMessage(original.message) } : {};
    return withCode(formatted, code, original.message, extra);
  }
  const database = fromPostgres(original);
  if (database) {
    logger.warn(
      { err: original, path: formatted.path },
      'a database check caught what the service did not',
    );
    return withCode(
      formatted,
      database.code,
      database.message,
      database.code === ErrorCode.BAD_USER_INPUT
        ? { fields: [{ path: '', message: database.message }] }
        : {},
    );
  }
  const apolloCode = formatted.extensions?.code;
  if (
    typeof apolloCode === 'string' &&
    (APOLLO_CODES.has(apolloCode) || REQUEST_ERRORS.has(apolloCode))
  ) {
    const fields = Array.isArray(formatted.extensions?.fields)
      ? formatted.extensions.fields
      : fieldsFromMessage(formatted.message);
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: APOLLO_CODES.has(apolloCode) ? apolloCode : ErrorCode.BAD_USER_INPUT,
        fields,
      },
    };
  }
  const dependency = unavailableDependency(original);
  if (dependency) {
    const what = dependency === 'postgres' ? 'The database' : 'The queue store';
    return withCode(
      formatted,
      ErrorCode.INTERNAL_SERVER_ERROR,
      `${what} is unavailable; please try again shortly`,
      {
        dependency,
        retryable: true,
      },
    );
  }
  logger.error({ err: original, path: formatted.path }, 'unexpected error in a GraphQL request');
  return withCode(
    formatted,
    ErrorCode.INTERNAL_SERVER_ERROR,
    isProduction ? 'Something went wrong on our side' : formatted.message,
  );
}
