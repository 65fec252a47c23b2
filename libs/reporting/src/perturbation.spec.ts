import fc from 'fast-check';
import {
  cellKey,
  familyKey,
  KEY_RANGE,
  KITH_PERTURBATION,
  keyStream,
  noiseFor,
  perturbAmount,
  perturbationTable,
  perturbCount,
  triangular,
} from './perturbation';

/** Uniform whole numbers in [0, n) from a seeded generator (fast-check leans towards edges). */
function uniform(n: number, count: number, seed: number): number[] {
  let a = seed >>> 0;
  return Array.from({ length: count }, () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  });
}

const moments = (noise: number[], probability: number[]) => ({
  mean: probability.reduce((s, q, i) => s + q * noise[i], 0),
  variance: probability.reduce((s, q, i) => s + q * noise[i] ** 2, 0),
});

describe('the perturbation table', () => {
  const table = perturbationTable(KITH_PERTURBATION);

  it('is unbiased with the same variance for every count, within its bounds', () => {
    expect(table).toHaveLength(6);
    for (const row of table) {
      const { mean, variance } = moments(row.noise, row.probability);
      expect(Math.abs(mean)).toBeLessThan(1e-9);
      expect(variance).toBeCloseTo(KITH_PERTURBATION.variance, 9);
      expect(row.probability.every((q) => q > 0 && q < 1)).toBe(true);
      expect(row.upTo[row.upTo.length - 1]).toBe(1);
      for (const v of row.noise) {
        expect(Math.abs(v)).toBeLessThanOrEqual(KITH_PERTURBATION.maxNoise);
        const to = row.count + v;
        // Never negative, never shown as one or two people.
        expect(to === 0 || to > KITH_PERTURBATION.smallest).toBe(true);
      }
    }
    // One person shows as nobody most of the time, else as three or four.
    expect(table[0].noise.map((v) => 1 + v)).toEqual([0, 3, 4]);
    expect(table[0].probability[0]).toBeGreaterThan(0.6);
  });

  it('refuses parameters no distribution meets', () => {
    // One person can only become 0 or 3 (changes -1, +2): the variance is at least 2.
    expect(() => perturbationTable({ maxNoise: 2, variance: 1, smallest: 2 })).toThrow();
    expect(() => perturbationTable({ maxNoise: 3, variance: 1, smallest: 0 })).not.toThrow();
  });
});

describe('perturbing a count by its cell key', () => {
  it('keeps zero at zero, and gives the same count and key the same value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer(), (count, key) => {
        const once = perturbCount(count, key);
        expect(perturbCount(count, key)).toBe(once);
        // A key is only ever used modulo the range: the same people, however summed.
        expect(perturbCount(count, key + 3 * KEY_RANGE)).toBe(once);
        if (count === 0) expect(once).toBe(0);
        expect(Math.abs(once - count)).toBeLessThanOrEqual(3);
        expect(once === 0 || once > 2).toBe(true);
      }),
    );
  });

  it('draws noise with the table’s mean and variance when record keys are random', () => {
    // Cells of random people: each person's key uniform, the cell key their sum.
    const rng = uniform(KEY_RANGE, 60_000, 7);
    for (const count of [1, 2, 4, 25]) {
      const noise: number[] = [];
      for (let i = 0; i + count <= rng.length && noise.length < 12_000; i += count) {
        const key = rng.slice(i, i + count).reduce((s, k) => s + k, 0);
        noise.push(noiseFor(count, key));
      }
      const mean = noise.reduce((s, v) => s + v, 0) / noise.length;
      const variance = noise.reduce((s, v) => s + (v - mean) ** 2, 0) / noise.length;
      // Standard errors: mean about 0.013 to 0.03, variance about 0.03 to 0.05.
      expect(Math.abs(mean)).toBeLessThan(0.1);
      expect(Math.abs(variance - KITH_PERTURBATION.variance)).toBeLessThan(0.2);
    }
  });

  it('gives a difference of two cells one person apart noise, not the person', () => {
    // The attack: the same cell with and without one person, each perturbed by its own key.
    const keys = uniform(KEY_RANGE, 8000, 3);
    const errors: number[] = [];
    for (let i = 0; i + 1 < keys.length; i += 2) {
      const others = { count: 6, key: keys[i] };
      const person = { count: 1, key: keys[i + 1] };
      const withThem = { count: others.count + person.count, key: others.key + person.key };
      const told =
        perturbCount(withThem.count, withThem.key) - perturbCount(others.count, others.key);
      errors.push(told - 1);
    }
    const exact = errors.filter((e) => e === 0).length / errors.length;
    const spread = Math.sqrt(errors.reduce((s, e) => s + e * e, 0) / errors.length);
    expect(exact).toBeLessThan(0.35);
    // Two independent draws: the spread of the difference is about √2 × 1.5.
    expect(spread).toBeGreaterThan(Math.sqrt(KITH_PERTURBATION.variance));
  });

  it('takes a cell key uniformly from the sum of uniform record keys', () => {
    const keys = uniform(KEY_RANGE, 20_000, 1);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i + 3 <= keys.length; i += 3)
      buckets[Math.floor(cellKey(keys[i] + keys[i + 1] + keys[i + 2]) * 10)] += 1;
    const expected = Math.floor(keys.length / 3) / 10;
    for (const b of buckets) expect(Math.abs(b - expected) / expected).toBeLessThan(0.1);
  });
});

describe('perturbing an amount', () => {
  it('draws from a triangular distribution of variance 1 on its own stream', () => {
    const us = Array.from({ length: 20_000 }, (_, i) => (i + 0.5) / 20_000);
    const draws = us.map(triangular);
    const mean = draws.reduce((s, v) => s + v, 0) / draws.length;
    const variance = draws.reduce((s, v) => s + v * v, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(1e-9);
    expect(variance).toBeCloseTo(1, 3);
    expect(Math.max(...draws)).toBeLessThanOrEqual(Math.sqrt(6));
    // The stream an amount uses is not the count's: knowing one tells nothing of the other.
    const keys = uniform(KEY_RANGE * 8, 5000, 9);
    const a = keys.map((k) => keyStream(k, 'minutes|2026-11|ward'));
    const b = keys.map((k) => cellKey(k));
    const ma = a.reduce((s, v) => s + v, 0) / a.length;
    const mb = b.reduce((s, v) => s + v, 0) / b.length;
    const cov = a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0) / a.length;
    expect(Math.abs(cov / (1 / 12))).toBeLessThan(0.05);
  });

  it('is bounded by its scale, nothing for an empty cell, and draws anew for another cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer(), (minutes, key) => {
        const cell = 'minutes|2026-11|ward-a';
        expect(Math.abs(perturbAmount(minutes, 60, key, cell) - minutes)).toBeLessThanOrEqual(
          60 * Math.sqrt(6),
        );
        expect(perturbAmount(minutes, 0, key, cell)).toBe(minutes);
      }),
    );
    // One person alone in two cells (two months, two measures) gets two independent draws: a
    // ratio of the two published amounts tells nothing exact (no draw shared to divide out).
    const keys = uniform(KEY_RANGE, 4000, 5);
    const a = keys.map((k) => keyStream(k, 'ucla-3|24300|ward-a|sum'));
    const b = keys.map((k) => keyStream(k, 'ucla-3|24301|ward-a|sum'));
    const ma = a.reduce((s, v) => s + v, 0) / a.length;
    const mb = b.reduce((s, v) => s + v, 0) / b.length;
    const cov = a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0) / a.length;
    expect(Math.abs(cov / (1 / 12))).toBeLessThan(0.05);
    expect(a.filter((v, i) => v === b[i])).toEqual([]);
  });
});

describe('families of counts', () => {
  it('each permutes the record keys (so a family’s keys stay uniform)', () => {
    for (const family of ['participants', 'returned-within-30-days', 'isolated']) {
      const seen = new Uint8Array(KEY_RANGE);
      for (let k = 0; k < KEY_RANGE; k += 1) seen[familyKey(k, family)] = 1;
      expect(seen.every((v) => v === 1)).toBe(true);
    }
  });

  it('gives one person’s cells in two families independent changes', () => {
    // A first-timer alone in a cell, who came back: the same count and person in both cells.
    // Were they one family, the two published values would always be equal and tell that they
    // came back; as two, they are equal only as often as two independent draws are.
    const keys = uniform(KEY_RANGE, 20_000, 11);
    const equal =
      keys.filter(
        (k) =>
          perturbCount(1, familyKey(k, 'first-timers')) ===
          perturbCount(1, familyKey(k, 'returned-within-30-days')),
      ).length / keys.length;
    // P(0)² + P(3)² + P(4)² for one person: 0.687², 0.250², 0.063².
    expect(Math.abs(equal - (0.687 ** 2 + 0.25 ** 2 + 0.063 ** 2))).toBeLessThan(0.02);
  });
});
