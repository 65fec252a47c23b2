import { isApiError } from './api-error';
import { createApiClient } from './client';
import { ForYouDocument, MyBookingsDocument, SignOutDocument } from '../gql/graphql';
import { fakeApi, gqlError, memoryStorage, type FakeAnswer } from '../test/fake-api';

const BOOKINGS: FakeAnswer = { data: { myBookings: [] } };
const FOR_YOU: FakeAnswer = { data: { matchingNeeds: [], recommendedSessions: [] } };

function setup(handlers: Parameters<typeof fakeApi>[0], signedIn = true) {
  const api = fakeApi(handlers);
  const storage = memoryStorage(signedIn ? { accessToken: 'a1', refreshToken: 'r1' } : null);
  const client = createApiClient({ apiUrl: 'http://kith.test', storage, fetch: api.fetch });
  return { api, storage, client };
}

/** Answers UNAUTHENTICATED to an expired token, as the API does after 15 minutes. */
function needsToken(token: string, answer: FakeAnswer) {
  return (_v: Record<string, unknown>, call: { authorization: string | undefined }) =>
    call.authorization === `Bearer ${token}` ? answer : gqlError('UNAUTHENTICATED');
}

describe('the typed fetcher', () => {
  it('posts the operation to /graphql with the bearer token', async () => {
    const { api, client } = setup({ MyBookings: () => BOOKINGS });
    await expect(client.request(MyBookingsDocument, { upcoming: true })).resolves.toEqual({
      myBookings: [],
    });
    expect(api.calls).toEqual([
      { operationName: 'MyBookings', variables: { upcoming: true }, authorization: 'Bearer a1' },
    ]);
    expect(jest.mocked(api.fetch).mock.calls[0]?.[0]).toBe('http://kith.test/graphql');
  });

  it('turns a GraphQL error into an ApiError with the code and the field messages', async () => {
    const { client } = setup({
      MyBookings: () =>
        gqlError('BAD_USER_INPUT', 'Bad input', [{ path: 'input.postcode', message: 'Unknown' }]),
    });
    const error: unknown = await client.request(MyBookingsDocument, {}).catch((e: unknown) => e);
    expect(isApiError(error) && error.code).toBe('BAD_USER_INPUT');
    expect(isApiError(error) && error.fieldMessage('postcode')).toBe('Unknown');
  });

  it('says NETWORK when no answer comes, and UNKNOWN for a code it does not know', async () => {
    const { client } = setup({
      MyBookings: () => 'network-error',
      ForYou: () => gqlError('SOMETHING_NEW'),
    });
    await expect(client.request(MyBookingsDocument, {})).rejects.toMatchObject({ code: 'NETWORK' });
    await expect(client.request(ForYouDocument, {})).rejects.toMatchObject({ code: 'UNKNOWN' });
  });

  it('renews an expired token once for calls made at the same time, and keeps the new pair', async () => {
    const { api, client, storage } = setup({
      MyBookings: needsToken('a2', BOOKINGS),
      ForYou: needsToken('a2', FOR_YOU),
      RefreshSession: ({ refreshToken }) =>
        refreshToken === 'r1'
          ? { data: { refreshSession: { accessToken: 'a2', refreshToken: 'r2' } } }
          : gqlError('UNAUTHENTICATED'),
    });
    await Promise.all([
      client.request(MyBookingsDocument, {}),
      client.request(ForYouDocument, {}),
      client.request(MyBookingsDocument, { upcoming: false }),
    ]);
    expect(api.callsOf('RefreshSession')).toHaveLength(1);
    expect(api.callsOf('RefreshSession')[0]?.authorization).toBeUndefined();
    expect(storage.tokens).toEqual({ accessToken: 'a2', refreshToken: 'r2' });
    // A call that meets UNAUTHENTICATED after the renewal uses the new token, not another renewal.
    await client.request(ForYouDocument, {});
    expect(api.callsOf('RefreshSession')).toHaveLength(1);
  });

  it('ends the session when the refresh is refused, and tells who listens', async () => {
    const { client, storage } = setup({
      MyBookings: () => gqlError('UNAUTHENTICATED'),
      RefreshSession: () => gqlError('UNAUTHENTICATED'),
    });
    const listener = jest.fn();
    client.subscribe(listener);
    await expect(client.request(MyBookingsDocument, {})).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(storage.tokens).toBeNull();
    expect(listener).toHaveBeenCalledWith(false);
    await expect(client.isSignedIn()).resolves.toBe(false);
  });

  it('keeps the session when the refresh gets no answer (no signal is not a refusal)', async () => {
    const { client, storage } = setup({
      MyBookings: () => gqlError('UNAUTHENTICATED'),
      RefreshSession: () => 'network-error',
    });
    await expect(client.request(MyBookingsDocument, {})).rejects.toMatchObject({ code: 'NETWORK' });
    expect(storage.tokens).toEqual({ accessToken: 'a1', refreshToken: 'r1' });
  });

  it.each(['INTERNAL_SERVER_ERROR', 'RATE_LIMITED'])(
    'keeps the session when the refresh is answered %s (the API failing is not a refusal)',
    async (code) => {
      const { client, storage } = setup({
        MyBookings: () => gqlError('UNAUTHENTICATED'),
        RefreshSession: () => gqlError(code),
      });
      await expect(client.request(MyBookingsDocument, {})).rejects.toMatchObject({ code });
      expect(storage.tokens).toEqual({ accessToken: 'a1', refreshToken: 'r1' });
    },
  );

  it('does not renew when signed out: UNAUTHENTICATED goes to the caller', async () => {
    const { api, client } = setup({ MyBookings: () => gqlError('UNAUTHENTICATED') }, false);
    await expect(client.request(MyBookingsDocument, {})).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(api.calls.map((c) => c.operationName)).toEqual(['MyBookings']);
  });

  it('signs out at the API and forgets the tokens, even with no signal', async () => {
    const online = setup({ SignOut: () => ({ data: { signOut: true } }) });
    await online.client.signOut();
    expect(online.api.callsOf('SignOut')[0]?.authorization).toBe('Bearer a1');
    expect(online.storage.tokens).toBeNull();

    const offline = setup({ SignOut: () => 'network-error' });
    await offline.client.signOut();
    expect(offline.storage.tokens).toBeNull();
    expect(SignOutDocument.toString()).toContain('signOut');
  });
});
