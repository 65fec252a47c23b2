import type { Tokens, TokenStorage } from '../api/tokens';

export interface FakeCall {
  operationName: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
  language: string | undefined;
}

/** What a handler answers: data, GraphQL errors, or no answer at all (no signal). */
export type FakeAnswer =
  | { data: unknown }
  | { errors: { message: string; extensions: Record<string, unknown> }[] }
  | 'network-error';

export type FakeHandler = (
  variables: Record<string, unknown>,
  call: FakeCall,
) => FakeAnswer | Promise<FakeAnswer>;

export function gqlError(
  code: string,
  message = code,
  fields?: { path: string; message: string }[],
): FakeAnswer {
  return { errors: [{ message, extensions: fields ? { code, fields } : { code } }] };
}

/**
 * A fetch that answers the app's operations by name, as the API would, and records each call.
 * An operation without a handler fails the test loudly.
 */
export function fakeApi(handlers: Record<string, FakeHandler>) {
  const calls: FakeCall[] = [];
  const fetch = jest.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as {
      operationName: string;
      variables: Record<string, unknown>;
    };
    const headers = (init?.headers ?? {}) as Record<string, string>;
    const call: FakeCall = {
      operationName: body.operationName,
      variables: body.variables,
      authorization: headers.Authorization,
      language: headers['Accept-Language'],
    };
    calls.push(call);
    const handler = handlers[body.operationName];
    if (!handler) throw new Error(`No fake answer for ${body.operationName}`);
    const answer = await handler(body.variables, call);
    if (answer === 'network-error') throw new TypeError('Network request failed');
    return new Response(JSON.stringify(answer), {
      status: 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return {
    fetch: fetch as unknown as typeof globalThis.fetch,
    calls,
    callsOf: (name: string) => calls.filter((c) => c.operationName === name),
  };
}

export function memoryStorage(initial: Tokens | null = null): TokenStorage & {
  tokens: Tokens | null;
} {
  const storage = {
    tokens: initial,
    read: () => Promise.resolve(storage.tokens),
    write: (tokens: Tokens) => {
      storage.tokens = tokens;
      return Promise.resolve();
    },
    clear: () => {
      storage.tokens = null;
      return Promise.resolve();
    },
  };
  return storage;
}
