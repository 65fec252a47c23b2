import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, Kind, OperationTypeNode } from 'graphql';
import type { FormattedExecutionResult } from 'graphql';
import type { SignInService } from '@kith/identity';
import { DomainError } from '@kith/platform';
import type { IdempotencyOutcome, IdempotencyService } from '@kith/platform';
import type { RequestWithPrincipal } from '../auth/request';
import { httpStatusOf } from './http-status';

interface Context {
  req: RequestWithPrincipal;
}

/** Who is asking, when a valid bearer token says so (kept for the guard, which then reads no more). */
async function callerOf(req: RequestWithPrincipal, auth: SignInService): Promise<string | null> {
  if (!req.principal) {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    if (!token) return null;
    try {
      req.principal = await auth.principalFor(token);
    } catch {
      return null; // the guard answers UNAUTHENTICATED
    }
  }
  return req.principal.personId;
}

const OUR_FAULT = new Set(['INTERNAL_SERVER_ERROR']);

/**
 * A key refused (malformed: 400; used with another request, or still running: 409) with the
 * status its code carries. Thrown before the operation runs, an error would otherwise answer
 * 500, and clients retry a 5xx: a refusal is the caller's to fix, not ours.
 */
async function refusedWithStatus(
  begin: () => Promise<IdempotencyOutcome>,
): Promise<IdempotencyOutcome> {
  try {
    return await begin();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new GraphQLError(error.message, {
      originalError: error,
      extensions: { http: { status: httpStatusOf(error.code) } },
    });
  }
}

/**
 * Mutations whose answers are never kept for replay: special category data (equality
 * monitoring) is held only where the member put it, and gone when they take it back. Setting
 * the same answers twice is harmless, so they need no key.
 */
const NEVER_KEPT = new Set(['updateEqualityMonitoring']);

/**
 * `Idempotency-Key` on a signed-in caller's mutation: the first answer is kept in Postgres and
 * replayed for 24 hours to the same caller sending the same request with the same key (with the
 * `Idempotent-Replayed: true` header); another request with the key is CONFLICT. An answer that
 * failed on our side is not kept, so the retry runs again. Without a signed-in caller the header
 * is ignored: an answer is never replayed to someone who cannot be told apart from its owner;
 * nor is it kept for the mutations in NEVER_KEPT.
 */
export function idempotencyPlugin(
  keys: IdempotencyService,
  auth: SignInService,
): ApolloServerPlugin<Context> {
  return {
    requestDidStart({ request, contextValue }): Promise<GraphQLRequestListener<Context> | void> {
      const key = request.http?.headers.get('idempotency-key');
      if (key === undefined) return Promise.resolve();
      let held: string | undefined;
      let replay: { statusCode: number; response: FormattedExecutionResult } | undefined;
      return Promise.resolve({
        async didResolveOperation({ operation }) {
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          // A fragment at the top could hold one of them: not kept either.
          const fields = operation.selectionSet.selections.map((s) =>
            s.kind === Kind.FIELD ? s.name.value : undefined,
          );
          if (fields.some((f) => f === undefined || NEVER_KEPT.has(f))) return;
          const callerId = await callerOf(contextValue.req, auth);
          if (!callerId) return;
          const outcome = await refusedWithStatus(() =>
            keys.begin(callerId, key, {
              query: request.query,
              variables: request.variables,
              operationName: request.operationName,
            }),
          );
          if (outcome.kind === 'replay') replay = outcome;
          else held = callerId;
        },
        responseForOperation() {
          if (!replay) return Promise.resolve(null);
          return Promise.resolve({
            http: {
              status: replay.statusCode,
              headers: new HeaderMap([['idempotent-replayed', 'true']]),
            },
            body: { kind: 'single' as const, singleResult: replay.response },
          });
        },
        async willSendResponse({ response }) {
          if (!held) return;
          const callerId = held;
          const body = response.body;
          const failedHere =
            body.kind !== 'single' ||
            (body.singleResult.errors ?? []).some((error) =>
              OUR_FAULT.has(String(error.extensions?.code)),
            );
          // Best effort: if Postgres is away now, the key is left in progress and a retry after
          // two minutes takes it over.
          if (failedHere) await keys.abandon(callerId, key).catch(() => undefined);
          else {
            await keys
              .finish(callerId, key, response.http.status ?? 200, body.singleResult)
              .catch(() => undefined);
          }
        },
      });
    },
  };
}
