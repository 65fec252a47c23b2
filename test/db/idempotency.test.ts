import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { Db, IdempotencyModule, IdempotencyService } from '@kith/platform';
import { createContext } from '../support/context';

describe('Idempotency-Key records', () => {
  let context: TestingModule;
  let keys: IdempotencyService;
  let db: Db;
  const request = (variables: unknown) => ({
    query: 'mutation { x }',
    variables,
    operationName: undefined,
  });

  beforeAll(async () => {
    context = await createContext([IdempotencyModule]);
    keys = context.get(IdempotencyService);
    db = context.get(Db);
  });

  afterAll(() => context.close());

  it('runs the first request, refuses a second while it runs, and replays it once finished', async () => {
    const caller = randomUUID();
    expect(await keys.begin(caller, 'k1', request({ a: 1 }))).toEqual({ kind: 'run' });
    await expect(keys.begin(caller, 'k1', request({ a: 1 }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/still in progress/) as string,
    });
    await keys.finish(caller, 'k1', 200, { data: { x: true } });
    expect(await keys.begin(caller, 'k1', request({ a: 1 }))).toEqual({
      kind: 'replay',
      statusCode: 200,
      response: { data: { x: true } },
    });
  });

  it('lets the same request take over a key abandoned in progress, but not another request', async () => {
    const caller = randomUUID();
    await keys.begin(caller, 'k2', request({ a: 1 }));
    await db.query(
      `UPDATE idempotency_key SET created_at = now() - interval '3 minutes' WHERE caller_id = $1`,
      [caller],
    );
    await expect(keys.begin(caller, 'k2', request({ a: 2 }))).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/another request/) as string,
    });
    expect(await keys.begin(caller, 'k2', request({ a: 1 }))).toEqual({ kind: 'run' });
  });

  it('runs a request again once its first try failed on our side', async () => {
    const caller = randomUUID();
    await keys.begin(caller, 'k3', request({ a: 1 }));
    await keys.abandon(caller, 'k3');
    expect(await keys.begin(caller, 'k3', request({ a: 1 }))).toEqual({ kind: 'run' });
  });
});
