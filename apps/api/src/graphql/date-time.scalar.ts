import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// A date, optionally a time with an offset or Z: what clients send, and nothing Date would guess.
const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;
const MESSAGE = 'must be an ISO 8601 date-time such as 2026-12-01T10:00:00Z';

function refuse(): never {
  throw new GraphQLError(`DateTime ${MESSAGE}`, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parse(value: unknown): Date {
  if (typeof value !== 'string' || !ISO.test(value)) refuse();
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(year, month - 1, day));
  // 2026-02-30 would roll over into March: refuse days the calendar does not have.
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day) refuse();
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) refuse();
  return date;
}

/**
 * The DateTime scalar (ISO 8601 on the wire, in UTC out): unlike the built-in one it refuses what
 * is not a date, instead of letting an Invalid Date into the code.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant, as an ISO 8601 date-time string (UTC when sent by the server)',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(String(value));
    if (Number.isNaN(date.getTime()))
      throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) refuse();
    return parse(ast.value);
  },
});
