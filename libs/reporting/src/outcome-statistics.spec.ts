import { figuresFromMoments, outcomeFigures } from './outcome-statistics';

// Ten completers' UCLA-3 scores (3 to 9, lower is better), baseline then review.
const ucla = [
  [6, 4],
  [7, 5],
  [5, 5],
  [8, 4],
  [6, 6],
  [9, 6],
  [7, 7],
  [6, 3],
  [8, 8],
  [5, 4],
].map(([before, after]) => ({ before, after }));

describe('outcome statistics', () => {
  it('works out the mean change, its 95% interval, d_z and reliable change as by hand', () => {
    const f = outcomeFigures(ucla, { higherIsBetter: false, reliability: 0.72 })!;
    // Changes -2 -2 0 -4 0 -3 0 -3 0 -1: mean -1.5, sd √(20.5/9) = 1.509231.
    expect(f.meanChange).toBeCloseTo(-1.5, 12);
    // t(0.975, 9) = 2.262157; half width 2.262157 × 1.509231 / √10 = 1.079638.
    expect(f.ciLow).toBeCloseTo(-2.579638, 5);
    expect(f.ciHigh).toBeCloseTo(-0.420362, 5);
    expect(f.effectSize).toBeCloseTo(-0.993884, 5);
    // SD at baseline √(16.1/9) = 1.337494; S_diff = √2 × 1.337494 × √0.28 = 1.000890; a change
    // is reliable beyond 1.96 × 1.000890 = 1.9617: the five of 2 or more, all for the better.
    expect(f).toMatchObject({ completers: 10, improved: 5, unchanged: 5, worse: 0 });
    expect(f.reliabilitySource).toBe('measure');
  });

  it('counts reliable change in the worse direction, and for a measure where higher is better', () => {
    const worse = outcomeFigures(
      ucla.map(({ before, after }) => ({ before: after, after: before })),
      { higherIsBetter: false, reliability: 0.72 },
    )!;
    // Baseline now the old review (SD √(21.6/9) = 1.549193): S_diff = 1.159262, beyond 2.2722
    // only the changes of 3 and 4, three of them, all for the worse.
    expect(worse).toMatchObject({ improved: 0, unchanged: 7, worse: 3 });
    const resources = outcomeFigures(
      ucla.map(({ before, after }) => ({ before: after, after: before })),
      { higherIsBetter: true, reliability: 0.72 },
    )!;
    expect(resources).toMatchObject({ improved: 3, worse: 0 });
  });

  it('stands in the sample correlation where the measure has no published reliability', () => {
    const f = outcomeFigures(ucla, { higherIsBetter: false, reliability: null })!;
    expect(f.reliabilitySource).toBe('sample');
    expect(f.reliability).toBeGreaterThanOrEqual(0);
    expect(f.reliability).toBeLessThanOrEqual(1);
  });

  it('says nothing of fewer than two people, and no effect size without spread', () => {
    expect(
      outcomeFigures([{ before: 5, after: 3 }], { higherIsBetter: false, reliability: 0.7 }),
    ).toBeUndefined();
    const same = outcomeFigures(
      [
        { before: 5, after: 4 },
        { before: 6, after: 5 },
      ],
      { higherIsBetter: false, reliability: 0.7 },
    )!;
    expect(same.effectSize).toBeNull();
    expect(same.ciLow).toBe(-1);
  });

  it('gives the same mean, interval and d_z from the moments alone', () => {
    const changes = ucla.map((p) => p.after - p.before);
    const f = outcomeFigures(ucla, { higherIsBetter: false, reliability: 0.72 })!;
    const m = figuresFromMoments({
      n: changes.length,
      sum: changes.reduce((s, d) => s + d, 0),
      sumOfSquares: changes.reduce((s, d) => s + d * d, 0),
    })!;
    expect(m.meanChange).toBeCloseTo(f.meanChange, 12);
    expect(m.ciLow).toBeCloseTo(f.ciLow, 12);
    expect(m.ciHigh).toBeCloseTo(f.ciHigh, 12);
    expect(m.effectSize!).toBeCloseTo(f.effectSize!, 12);
    // Noise that took the sum of squares to what the sum needs, or below: the spread is not
    // known, so no interval and no d_z.
    for (const sumOfSquares of [10, 22.5])
      expect(figuresFromMoments({ n: 10, sum: -15, sumOfSquares })).toEqual({
        meanChange: -1.5,
        ciLow: null,
        ciHigh: null,
        effectSize: null,
      });
    expect(figuresFromMoments({ n: 1, sum: 2, sumOfSquares: 4 })).toBeUndefined();
  });
});
