import { BadRequestException, ForbiddenException, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DomainError, ErrorCode } from '@kith/platform';
import { formatGraphQLError } from './format-error';

const formatted = {
  message: 'original',
  path: ['x'],
  extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at secret.ts:1'] },
};

function fromResolver(error: Error): GraphQLError {
  return new GraphQLError(error.message, { originalError: error, path: ['x'] });
}

describe('formatGraphQLError', () => {
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['error', 'warn', 'log']);
  });

  it('carries a domain error code, and field details for bad input', () => {
    const out = formatGraphQLError(
      formatted,
      fromResolver(DomainError.badInput([{ path: 'email', message: 'not an email' }])),
      true,
    );
    expect(out.extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'email', message: 'not an email' }],
    });
    const limited = formatGraphQLError(
      formatted,
      fromResolver(DomainError.rateLimited('slow down', 30)),
      true,
    );
    expect(limited.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 30 });
  });

  it('maps what Postgres caught to CONFLICT, NOT_FOUND or BAD_USER_INPUT, never INTERNAL', () => {
    const pg = (code: string) => Object.assign(new Error(`pg ${code}`), { code });
    const codeFor = (code: string) =>
      formatGraphQLError(formatted, fromResolver(pg(code)), true).extensions?.code;
    expect(codeFor('23505')).toBe(ErrorCode.CONFLICT);
    expect(codeFor('23503')).toBe(ErrorCode.NOT_FOUND);
    for (const code of ['22P02', '22021', '22001', '22003', '22007']) {
      expect(codeFor(code)).toBe(ErrorCode.BAD_USER_INPUT);
    }
    // Not the request's fault: stays an internal error.
    expect(codeFor('40P01')).toBe(ErrorCode.INTERNAL_SERVER_ERROR);
    expect(codeFor('ECONNRESET')).not.toBe(ErrorCode.BAD_USER_INPUT);
  });

  it('maps Nest HTTP exceptions to the contract codes', () => {
    expect(
      formatGraphQLError(formatted, fromResolver(new ForbiddenException()), true).extensions?.code,
    ).toBe(ErrorCode.FORBIDDEN);
    expect(
      formatGraphQLError(formatted, fromResolver(new BadRequestException('bad')), true).extensions
        ?.code,
    ).toBe(ErrorCode.BAD_USER_INPUT);
  });

  it("keeps Apollo's validation code, adding the field it names", () => {
    const out = formatGraphQLError(
      {
        message: 'Cannot query field "nope" on type "Person".',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      new GraphQLError('Cannot query field "nope" on type "Person".'),
      true,
    );
    expect(out.extensions).toEqual({
      code: 'GRAPHQL_VALIDATION_FAILED',
      fields: [{ path: 'nope', message: 'Cannot query field "nope" on type "Person".' }],
    });
    for (const code of ['GRAPHQL_PARSE_FAILED', 'PERSISTED_QUERY_NOT_FOUND']) {
      expect(
        formatGraphQLError({ message: 'x', extensions: { code } }, new GraphQLError('x'), true)
          .extensions?.code,
      ).toBe(code);
    }
  });

  it('says which service is away, as a retryable error', () => {
    const down = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const out = formatGraphQLError(formatted, fromResolver(down), true);
    expect(out).toMatchObject({
      message: 'The database is unavailable; please try again shortly',
      extensions: { code: 'INTERNAL_SERVER_ERROR', dependency: 'postgres' },
    });
  });

  it('hides the message and stack of unexpected errors in production only', () => {
    const boom = fromResolver(new TypeError('x is undefined in secret.ts'));
    const production = formatGraphQLError(formatted, boom, true);
    expect(production).toEqual({
      message: 'Something went wrong on our side',
      path: ['x'],
      locations: undefined,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(formatGraphQLError(formatted, boom, false).message).toBe('original');
  });
});
