import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { operationCost } from './query-limits';

/** Rejects an operation whose estimated cost is over `max`, after parsing and before it runs. */
export function costLimitPlugin(max: number): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ schema, document, request }) {
          const cost = operationCost(
            schema,
            document,
            request.operationName ?? undefined,
            request.variables ?? {},
          );
          if (cost > max) {
            throw new GraphQLError(
              `The query would cost ${cost}; at most ${max} is allowed. Ask for fewer items.`,
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
