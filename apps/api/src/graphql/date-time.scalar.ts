import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ISO_DATE_TIME_RULE, parseIsoDateTime } from '@kith/platform';

function parse(value: unknown): Date {
  const date = parseIsoDateTime(value);
  if (!date)
    throw new GraphQLError(`DateTime ${ISO_DATE_TIME_RULE}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
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
    return parse(ast.kind === Kind.STRING ? ast.value : undefined);
  },
});
