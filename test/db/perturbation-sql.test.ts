import { queryDatabase } from '../support/databases';
import { testConfig } from '../support/config';
import { familyKey, familyKeySql, KEY_RANGE, noiseFor, noiseSql } from '@kith/reporting';

/**
 * Reports add perturbed cells up in SQL: the SQL form of the perturbation must give exactly
 * the change the TypeScript one does, for every count and key (negative sums and the bounds'
 * edges too), and a family's permutation of record keys in SQL must be TypeScript's.
 */
describe('the perturbation in SQL', () => {
  it('gives every cell the change TypeScript gives it', async () => {
    const counts: number[] = [];
    const keys: number[] = [];
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 20_000; i += 1) {
      counts.push((i % 43) - 2);
      // Sums of many keys, some taken back (negative), and the edges of the range.
      keys.push(
        i % 97 === 0 ? KEY_RANGE * (i % 3) - (i % 2) : (next() % (KEY_RANGE * 50)) - KEY_RANGE * 5,
      );
    }
    const rows = await queryDatabase<{ noise: number }>(
      testConfig().database.url,
      `SELECT ${noiseSql('c', 'k')} AS noise FROM unnest($1::int[], $2::bigint[]) WITH ORDINALITY AS x(c, k, o) ORDER BY o`,
      [counts, keys],
    );
    expect(rows.map((r) => r.noise)).toEqual(counts.map((c, i) => noiseFor(c, keys[i])));
  });

  it('permutes record keys for a family as TypeScript does', async () => {
    const keys = Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i % 7) * 104_729) % KEY_RANGE);
    keys.push(0, KEY_RANGE - 1);
    for (const family of ['participants', 'returned-within-30-days']) {
      const rows = await queryDatabase<{ k: string }>(
        testConfig().database.url,
        `SELECT ${familyKeySql('x.r', family)} AS k FROM unnest($1::int[]) WITH ORDINALITY AS x(r, o) ORDER BY o`,
        [keys],
      );
      expect(rows.map((r) => Number(r.k))).toEqual(keys.map((k) => familyKey(k, family)));
    }
  });
});
