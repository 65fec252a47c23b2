import { Test } from '@nestjs/testing';
import type { TestingModule } from '@nestjs/testing';
import { Db, PlatformModule, PoolShare } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { testConfig } from '../support/config';

describe('what one request may take from the database', () => {
  let context: TestingModule;
  let db: Db;

  beforeAll(async () => {
    const config = testConfig({ DATABASE_STATEMENT_TIMEOUT_MS: '300', DATABASE_POOL_SIZE: '10' });
    context = await Test.createTestingModule({
      imports: [PlatformModule.forRoot(config, 'api', KITH_SCHEMA)],
    }).compile();
    await context.init();
    db = context.get(Db);
  });

  afterAll(() => context.close());

  const sleeps = (n: number) =>
    Promise.all(Array.from({ length: n }, () => db.query(`SELECT pg_sleep(0.03)`)));

  it('holds at most its share of connections at once, and still does all its work', async () => {
    const share = new PoolShare(3);
    await db.withShare(share, () => sleeps(12));
    expect(share.peak).toBe(3);
    // The same work in a larger share spreads wider: the bound above is the share's doing.
    const wide = new PoolShare(100);
    await db.withShare(wide, () => sleeps(12));
    expect(wide.peak).toBeGreaterThan(3);
  });

  it('counts a transaction as one of its connections', async () => {
    const share = new PoolShare(2);
    await db.withShare(share, () =>
      Promise.all(
        Array.from({ length: 6 }, () =>
          db.transaction(async () => {
            await db.query(`SELECT pg_sleep(0.02)`);
            await db.query(`SELECT 1`);
          }),
        ),
      ),
    );
    expect(share.peak).toBe(2);
  });

  it('stops a statement over its time, as "took too long" and not "the database is unavailable"', async () => {
    await expect(db.query(`SELECT pg_sleep(2)`)).rejects.toMatchObject({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'That took too long and was stopped; please try again, or ask for less',
      details: { retryable: true },
    });
  });

  it('says "busy", not "unavailable", when every connection stays in use past the wait', async () => {
    const small = await Test.createTestingModule({
      imports: [
        PlatformModule.forRoot(testConfig({ DATABASE_POOL_SIZE: '1' }), 'api', KITH_SCHEMA),
      ],
    }).compile();
    await small.init();
    try {
      const one = small.get(Db);
      // The only connection is held longer than a request waits for one (3 s).
      const hold = one.query(`SELECT pg_sleep(3.5)`);
      await expect(one.query(`SELECT 1`)).rejects.toMatchObject({
        code: 'INTERNAL_SERVER_ERROR',
        message: 'Kith is busy; please try again shortly',
      });
      await hold;
    } finally {
      await small.close();
    }
  });
});
