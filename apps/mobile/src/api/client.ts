import { ApiError, apiErrorFromGraphQL, isApiError } from './api-error';
import type { Tokens, TokenStorage } from './tokens';
import { RefreshSessionDocument, SignOutDocument, type TypedDocumentString } from '../gql/graphql';

/** Operations without required variables may be called without them. */
export type VariablesArg<V> = Record<string, never> extends V ? [variables?: V] : [variables: V];

export interface ApiClientOptions {
  apiUrl: string;
  storage: TokenStorage;
  fetch?: typeof globalThis.fetch;
}

export type SessionListener = (signedIn: boolean) => void;

export interface ApiClient {
  /** Sends one operation with the member's token; on UNAUTHENTICATED refreshes once and retries. */
  request<R, V>(document: TypedDocumentString<R, V>, ...variables: VariablesArg<V>): Promise<R>;
  /** Whether tokens are kept (read from storage on the first call). */
  isSignedIn(): Promise<boolean>;
  /** Keeps the tokens signIn answered with. */
  startSession(tokens: Tokens): Promise<void>;
  /** Tells the API (when it can be reached) and forgets the tokens either way. */
  signOut(): Promise<void>;
  /** Called with false when the session ends, whether signed out or refused a refresh. */
  subscribe(listener: SessionListener): () => void;
}

interface GraphQLAnswer {
  data?: unknown;
  errors?: unknown[];
}

function operationName(document: { toString(): string }): string | undefined {
  return /(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString())?.[1];
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const endpoint = `${options.apiUrl}/graphql`;
  const listeners = new Set<SessionListener>();
  /** undefined until read from storage; null when signed out. */
  let current: Tokens | null | undefined;
  /** Bumped whenever a session starts or ends, so a refresh that lands late cannot revive it. */
  let generation = 0;
  /**
   * The one refresh in flight. The server lets a refresh token be used once (with a short reuse
   * interval), so concurrent calls that meet UNAUTHENTICATED all wait on this one promise.
   */
  let refreshing: Promise<Tokens> | null = null;

  async function tokens(): Promise<Tokens | null> {
    if (current === undefined) current = await options.storage.read();
    return current;
  }

  async function post<R, V>(
    document: TypedDocumentString<R, V>,
    variables: V | undefined,
    accessToken: string | undefined,
  ): Promise<R> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
    };
    if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
    let response: Response;
    try {
      response = await fetchImpl(endpoint, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          query: document.toString(),
          variables: variables ?? {},
          operationName: operationName(document),
        }),
      });
    } catch {
      throw new ApiError('NETWORK', 'Kith could not be reached.');
    }
    let answer: GraphQLAnswer;
    try {
      answer = (await response.json()) as GraphQLAnswer;
    } catch {
      throw new ApiError(
        response.status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'UNKNOWN',
        `Kith answered ${response.status}.`,
      );
    }
    if (Array.isArray(answer.errors) && answer.errors.length > 0) {
      throw apiErrorFromGraphQL(answer.errors);
    }
    if (answer.data === undefined || answer.data === null) {
      throw new ApiError('UNKNOWN', 'Kith sent an empty answer.');
    }
    return answer.data as R;
  }

  async function setSession(next: Tokens | null): Promise<void> {
    generation += 1;
    current = next;
    if (next) await options.storage.write(next);
    else await options.storage.clear();
    for (const listener of listeners) listener(next !== null);
  }

  function refresh(stale: Tokens): Promise<Tokens> {
    // Another call refreshed after this one was sent: use the new pair, do not spend another.
    if (current && current.accessToken !== stale.accessToken) return Promise.resolve(current);
    if (refreshing) return refreshing;
    const started = generation;
    refreshing = (async () => {
      try {
        const data = await post(
          RefreshSessionDocument,
          { refreshToken: stale.refreshToken },
          undefined,
        );
        const next: Tokens = {
          accessToken: data.refreshSession.accessToken,
          refreshToken: data.refreshSession.refreshToken,
        };
        if (generation !== started) {
          throw new ApiError('UNAUTHENTICATED', 'Signed out while the session was renewed.');
        }
        generation += 1;
        current = next;
        await options.storage.write(next);
        return next;
      } catch (error) {
        // Refused (the API said the refresh token is no good): the session is over and the member
        // signs in again. Anything else (no signal, the API failing or busy) is not a refusal:
        // the member stays signed in and keeps what the app holds.
        if (isApiError(error) && error.code === 'UNAUTHENTICATED' && generation === started) {
          await setSession(null);
        }
        throw error;
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  return {
    async request(document, ...[variables]) {
      const held = await tokens();
      try {
        return await post(document, variables, held?.accessToken);
      } catch (error) {
        if (!held || !isApiError(error) || error.code !== 'UNAUTHENTICATED') throw error;
        const fresh = await refresh(held);
        return post(document, variables, fresh.accessToken);
      }
    },
    async isSignedIn() {
      return (await tokens()) !== null;
    },
    startSession(next) {
      return setSession(next);
    },
    async signOut() {
      const held = await tokens();
      if (held) {
        try {
          await post(SignOutDocument, undefined, held.accessToken);
        } catch {
          // Offline or already expired: the tokens are forgotten here all the same.
        }
      }
      await setSession(null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
