import type { TestingModule } from '@nestjs/testing';
import { Db } from '@kith/platform';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';

describe('Db.query with prepare', () => {
  let context: TestingModule;
  let db: Db;

  beforeAll(async () => {
    context = await createContext([], testConfig());
    db = context.get(Db);
  });

  afterAll(() => context.close());

  it('answers like an unprepared query, call after call, with fresh parameters each time', async () => {
    const sql = 'SELECT $1::int * 2 AS doubled, $2::text AS label';
    for (let n = 0; n < 12; n += 1) {
      const prepared = await db.query<{ doubled: number; label: string }>(sql, [n, `n${n}`], {
        prepare: true,
      });
      expect(prepared).toEqual(await db.query(sql, [n, `n${n}`]));
      expect(prepared).toEqual([{ doubled: n * 2, label: `n${n}` }]);
    }
  });

  it('keeps statements with different text apart on one connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        db.query<{ v: string }>(
          n % 2 ? 'SELECT $1::text AS v' : "SELECT $1::text || '!' AS v",
          [`${n}`],
          {
            prepare: true,
          },
        ),
      ),
    );
    expect(results.map(([row]) => row.v)).toEqual(
      Array.from({ length: 20 }, (_, n) => (n % 2 ? `${n}` : `${n}!`)),
    );
  });

  it('runs inside the current transaction, seeing what it wrote', async () => {
    await db.query('CREATE TABLE prepared_probe (n int)');
    const seen = await db
      .transaction(async () => {
        await db.query('INSERT INTO prepared_probe (n) VALUES (42)');
        const rows = await db.query<{ n: number }>(
          'SELECT n FROM prepared_probe WHERE n = $1',
          [42],
          {
            prepare: true,
          },
        );
        throw Object.assign(new Error('roll back'), { rows });
      })
      .catch((error: { rows?: unknown }) => error.rows);
    expect(seen).toEqual([{ n: 42 }]);
    expect(await db.query('SELECT n FROM prepared_probe WHERE n = $1', [42])).toEqual([]);
    await db.query('DROP TABLE prepared_probe');
  });
});
