import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { operationCost } from './query-limits';

/** Rejects an operation whose estimated cost is over `max`, after parsing and before it runs. */
export function costLimitPlugin(max: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, request }) {
          let cost: number;
          try {
            cost = operationCost(
              schema,
              document,
              request.operationName ?? undefined,
              request.variables ?? {},
            );
          } catch (error) {
            // Too many nodes to even count (a flood of aliases): as good as over the limit.
            // Anything else is variables that do not fit: execution reports those, field by field.
            if (
              !(error instanceof Error) ||
              !/maximum allowed number of nodes/.test(error.message)
            ) {
              return Promise.resolve();
            }
            cost = Infinity;
          }
          if (cost > max) {
            throw new GraphQLError(
              Number.isFinite(cost)
                ? `The query would cost ${cost}; at most ${max} is allowed. Ask for fewer items.`
                : `The query is too large to run; at most ${max} is allowed. Ask for fewer items.`,
              {
                extensions: {
                  code: 'GRAPHQL_VALIDATION_FAILED',
                  fields: [{ path: 'query', message: 'too costly' }],
                  http: { status: 400 },
                },
              },
            );
          }
          return Promise.resolve();
        },
      });
    },
  };
}
