import fc from 'fast-check';
import { differenceInterval, wilsonInterval } from './variant-interval';

describe('the interval for a difference in attended shares', () => {
  it("matches Newcombe's worked examples (1998, method 10)", () => {
    // 56/70 against 48/80: 0.0524 to 0.3339.
    const a = differenceInterval(56, 70, 48, 80)!;
    expect(a.low).toBeCloseTo(0.0524, 4);
    expect(a.high).toBeCloseTo(0.3339, 4);
    // 9/10 against 3/10: 0.1705 to 0.8090.
    const b = differenceInterval(9, 10, 3, 10)!;
    expect(b.low).toBeCloseTo(0.1705, 4);
    expect(b.high).toBeCloseTo(0.809, 3);
  });

  it('gives Wilson intervals as published (81/263: 0.2553 to 0.3662)', () => {
    const w = wilsonInterval(81, 263);
    expect(w.low).toBeCloseTo(0.2553, 4);
    expect(w.high).toBeCloseTo(0.3662, 4);
  });

  it('holds the difference, stays within [-1, 1], and has none without a count', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (n1, n2, s1, s2) => {
          const x1 = Math.round(s1 * n1);
          const x2 = Math.round(s2 * n2);
          const ci = differenceInterval(x1, n1, x2, n2)!;
          const d = x1 / n1 - x2 / n2;
          expect(ci.low).toBeLessThanOrEqual(d + 1e-12);
          expect(ci.high).toBeGreaterThanOrEqual(d - 1e-12);
          expect(ci.low).toBeGreaterThanOrEqual(-1 - 1e-12);
          expect(ci.high).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
    expect(differenceInterval(0, 0, 3, 10)).toBeNull();
  });
});
