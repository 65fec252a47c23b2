import { randomUUID } from 'node:crypto';
import { AreaService } from '@kith/areas';
import { Db, requestHash } from '@kith/platform';
import { startApi } from '../support/api';
import type { GraphQLResponse, RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { CREATE_ACTIVITY, interestIds, JOIN, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { ASK, COMPLETE, CREDITS, GRANT, HelpFixtures } from '../support/help';
import type { Session } from '../support/sign-in';

/** A mutation over HTTP with an Idempotency-Key, keeping the replay header. */
async function send(
  api: RunningApi,
  query: string,
  variables: Record<string, unknown>,
  token: string,
  key: string,
): Promise<GraphQLResponse & { replayed: boolean }> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': key,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
  return {
    status: response.status,
    ...body,
    replayed: response.headers.get('idempotent-replayed') === 'true',
  };
}

describe('Idempotency-Key on mutations', () => {
  let api: RunningApi;
  let db: Db;
  let fixtures: HelpFixtures;
  let coordinator: Session;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    fixtures = await HelpFixtures.create(api);
    coordinator = fixtures.coordinator;
  });

  afterAll(() => api?.close());

  const balance = async (session: Session) =>
    (await api.gql<{ myTimeCredits: { balanceMinutes: number } }>(CREDITS, {}, session.accessToken))
      .data!.myTimeCredits.balanceMinutes;

  it('replays the first answer to grantTimeCredits sent twice with one key: granted once', async () => {
    const member = await fixtures.member();
    const key = randomUUID();
    const grant = { p: member.personId, m: 60, r: 'Personal budget' };
    const first = await send(api, GRANT, grant, coordinator.accessToken, key);
    const second = await send(api, GRANT, grant, coordinator.accessToken, key);
    expect(first).toMatchObject({ data: { grantTimeCredits: true }, replayed: false });
    expect(second).toMatchObject({ data: { grantTimeCredits: true }, replayed: true });
    expect(await balance(member)).toBe(60);
  });

  it('grants once when five retries with one key arrive at the same moment', async () => {
    const member = await fixtures.member();
    const key = randomUUID();
    const grant = { p: member.personId, m: 45, r: 'Personal budget' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => send(api, GRANT, grant, coordinator.accessToken, key)),
    );
    expect(answers.filter((a) => a.data?.grantTimeCredits === true && !a.replayed)).toHaveLength(1);
    // The others were replayed, or told the first is still running (a retry then replays it).
    for (const answer of answers.filter((a) => a.replayed || a.errors)) {
      expect(answer.replayed || answer.errors?.[0].extensions.code === 'CONFLICT').toBe(true);
    }
    expect(await balance(member)).toBe(45);
    const retry = await send(api, GRANT, grant, coordinator.accessToken, key);
    expect(retry).toMatchObject({ data: { grantTimeCredits: true }, replayed: true });
    expect(await balance(member)).toBe(45);
  });

  it('refuses the key with another request as CONFLICT, and does nothing', async () => {
    const member = await fixtures.member();
    const key = randomUUID();
    await send(
      api,
      GRANT,
      { p: member.personId, m: 30, r: 'Budget' },
      coordinator.accessToken,
      key,
    );
    const other = await send(
      api,
      GRANT,
      { p: member.personId, m: 3000, r: 'Budget' },
      coordinator.accessToken,
      key,
    );
    expect(other.errors?.[0]).toMatchObject({
      message: 'This Idempotency-Key was used with another request; use a new key',
      extensions: { code: 'CONFLICT' },
    });
    expect(await balance(member)).toBe(30);
  });

  it('keeps keys apart per caller, and runs a key again after 24 hours', async () => {
    const asker = await fixtures.member();
    const neighbour = await fixtures.member();
    const key = randomUUID();
    const input = {
      input: {
        skillId: fixtures.skills.gardening,
        description: 'Weeding',
        durationMinutes: 60,
        atHome: true,
      },
    };
    const mine = await send(api, ASK, input, asker.accessToken, key);
    const theirs = await send(api, ASK, input, neighbour.accessToken, key);
    expect(theirs.replayed).toBe(false);
    const id = (answer: GraphQLResponse) =>
      (answer.data as { createHelpRequest: { id: string } }).createHelpRequest.id;
    expect(id(theirs)).not.toBe(id(mine));
    const again = await send(api, ASK, input, asker.accessToken, key);
    expect(again).toMatchObject({ replayed: true });
    expect(id(again)).toBe(id(mine));
    const requests = async () =>
      (
        await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM help_request WHERE member_id = $1`,
          [asker.personId],
        )
      )[0].n;
    expect(await requests()).toBe(1);

    await db.query(
      `UPDATE idempotency_key SET created_at = now() - interval '25 hours' WHERE key = $1`,
      [key],
    );
    const later = await send(api, ASK, input, asker.accessToken, key);
    expect(later.replayed).toBe(false);
    expect(await requests()).toBe(2);
  });

  it('replays completeAssignment and joinSession, whose second call changes nothing', async () => {
    const asker = await fixtures.member();
    const gardener = await fixtures.helper();
    const assignmentId = await fixtures.accepted(asker, gardener);
    const key = randomUUID();
    const done = await send(api, COMPLETE, { id: assignmentId, m: 60 }, gardener.accessToken, key);
    const replayed = await send(
      api,
      COMPLETE,
      { id: assignmentId, m: 60 },
      gardener.accessToken,
      key,
    );
    expect(replayed).toMatchObject({ replayed: true, data: done.data });
    expect(await balance(gardener)).toBe(60);

    const [walking] = await interestIds(api, coordinator.accessToken, 'walking');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity([walking]) },
      coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    const joinKey = randomUUID();
    const joined = await send(api, JOIN, { id: sessionId }, asker.accessToken, joinKey);
    const rejoined = await send(api, JOIN, { id: sessionId }, asker.accessToken, joinKey);
    expect(joined.data).toMatchObject({ joinSession: { status: 'BOOKED' } });
    expect(rejoined).toMatchObject({ replayed: true, data: joined.data });
  });

  it('refuses a key that is not 1 to 255 visible characters', async () => {
    const member = await fixtures.member();
    const answer = await send(
      api,
      GRANT,
      { p: member.personId, m: 10, r: 'Budget' },
      coordinator.accessToken,
      'x'.repeat(256),
    );
    expect(answer.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'Idempotency-Key' }],
    });
    expect(await balance(member)).toBe(0);
  });

  it('answers a refused key with 409 or 400, never a 5xx a client would retry', async () => {
    const member = await fixtures.member();
    const grant = (m: number) => ({ p: member.personId, m, r: 'Budget' });
    // A client that retries on 5xx, as most HTTP clients do: each retry must be told no at once.
    const key = randomUUID();
    expect((await send(api, GRANT, grant(20), coordinator.accessToken, key)).status).toBe(200);
    const reused = await send(api, GRANT, grant(2000), coordinator.accessToken, key);
    expect(reused.status).toBe(409);
    expect(reused.errors?.[0].extensions.code).toBe('CONFLICT');
    const invalid = ['x'.repeat(256), 'has space', 'ünïcode', ''];
    for (const bad of invalid) {
      const answer = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${coordinator.accessToken}`,
          // Sent as bytes: a header carries Latin-1, which fetch would refuse to encode.
          'idempotency-key': Buffer.from(bad, 'utf8').toString('latin1'),
        },
        body: JSON.stringify({ query: GRANT, variables: grant(5) }),
      });
      const body = (await answer.json()) as GraphQLResponse;
      expect({ bad, status: answer.status }).toEqual({ bad, status: 400 });
      expect(body.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'Idempotency-Key' }],
      });
    }
    // A second request while the first still holds the key: 409 as well.
    const held = randomUUID();
    await db.query(
      `INSERT INTO idempotency_key (caller_id, key, request_hash) VALUES ($1, $2, $3)`,
      [
        coordinator.personId,
        held,
        requestHash({ query: GRANT, variables: grant(7), operationName: undefined }),
      ],
    );
    const running = await send(api, GRANT, grant(7), coordinator.accessToken, held);
    expect(running.status).toBe(409);
    expect(running.errors?.[0].extensions.code).toBe('CONFLICT');
    expect(await balance(member)).toBe(20);
  });

  it('ignores the key on queries, and on mutations by callers who are not signed in', async () => {
    const key = randomUUID();
    const query = await send(api, `{ skills { slug } }`, {}, coordinator.accessToken, key);
    expect(query.replayed).toBe(false);
    const again = await send(api, `{ skills { slug } }`, {}, coordinator.accessToken, key);
    expect(again.replayed).toBe(false);
    const anonymous = await send(
      api,
      `mutation { requestSignInCode(email: "someone@example.test") }`,
      {},
      'not-a-token',
      key,
    );
    expect(anonymous).toMatchObject({ data: { requestSignInCode: true }, replayed: false });
  });
});
