import { jStat } from 'jstat';

/** One member's score at baseline and at a review at least three months later. */
export interface PairedScores {
  before: number;
  after: number;
}

export interface MeasureFacts {
  /** Whether a higher score is the better one (resources) or the worse (loneliness). */
  higherIsBetter: boolean;
  /**
   * The measure's reliability (internal consistency or test-retest), for the reliable change
   * index. Null where none is published: the sample's own baseline-review correlation stands in.
   */
  reliability: number | null;
}

export interface OutcomeFigures {
  completers: number;
  /** Mean of review minus baseline, in the measure's units. */
  meanChange: number;
  /** 95% confidence interval of the mean change (Student's t, n - 1 degrees of freedom). */
  ciLow: number;
  ciHigh: number;
  /** Cohen's d_z: the mean change over the standard deviation of the changes. */
  effectSize: number | null;
  /** Jacobson and Truax: |change| / S_diff > 1.96, in the better or the worse direction. */
  improved: number;
  unchanged: number;
  worse: number;
  /** The reliability the reliable change index used, and where it came from. */
  reliability: number;
  reliabilitySource: 'measure' | 'sample';
  /** S_diff: the standard error of a difference the index divides a change by. */
  sEdiff: number;
}

/**
 * Who changed reliably (Jacobson and Truax): |change| / S_diff beyond 1.96, for the better or
 * the worse. With S_diff of zero (no spread, or a perfectly reliable measure) any change counts.
 */
export function classifyChanges(
  pairs: readonly PairedScores[],
  higherIsBetter: boolean,
  sEdiff: number,
): { improved: number; unchanged: number; worse: number } {
  let improved = 0;
  let worse = 0;
  for (const { before, after } of pairs) {
    const change = after - before;
    const reliable =
      sEdiff > 0 ? Math.abs(change) / sEdiff > RELIABLE_CHANGE_Z : Math.abs(change) > 0;
    if (!reliable) continue;
    if (change > 0 === higherIsBetter) improved += 1;
    else worse += 1;
  }
  return { improved, unchanged: pairs.length - improved - worse, worse };
}

/** The 1.96 of the reliable change index: a change this unlikely (p < .05) from error alone. */
export const RELIABLE_CHANGE_Z = 1.96;

/**
 * Change from baseline to review among completers, with its 95% confidence interval, the
 * effect size d_z, and who changed reliably (Jacobson and Truax, 1991: S_E = SD_baseline ×
 * √(1 − r), S_diff = √2 × S_E). Undefined for fewer than two people (no spread to speak of).
 * Pure; distributions from jStat, not written here.
 */
export function outcomeFigures(
  pairs: readonly PairedScores[],
  measure: MeasureFacts,
): OutcomeFigures | undefined {
  const n = pairs.length;
  if (n < 2) return undefined;
  const before = pairs.map((p) => p.before);
  const after = pairs.map((p) => p.after);
  const changes = pairs.map((p) => p.after - p.before);
  const meanChange = jStat.mean(changes);
  const sd = jStat.stdev(changes, true);
  const half = jStat.studentt.inv(0.975, n - 1) * (sd / Math.sqrt(n));
  const sampleR = jStat.corrcoeff(before, after);
  const reliability =
    measure.reliability ?? (Number.isFinite(sampleR) ? Math.max(0, Math.min(1, sampleR)) : 0);
  const sEdiff = Math.sqrt(2) * jStat.stdev(before, true) * Math.sqrt(1 - reliability);
  const { improved, unchanged, worse } = classifyChanges(pairs, measure.higherIsBetter, sEdiff);
  return {
    completers: n,
    meanChange,
    ciLow: meanChange - half,
    ciHigh: meanChange + half,
    effectSize: sd > 0 ? meanChange / sd : null,
    improved,
    unchanged,
    worse,
    reliability,
    reliabilitySource: measure.reliability === null ? 'sample' : 'measure',
    sEdiff,
  };
}

/** What the change of a group adds up to: how many, the sum of the changes and of their squares. */
export interface ChangeMoments {
  n: number;
  sum: number;
  sumOfSquares: number;
}

/**
 * The mean change with its 95% interval (Student's t, n - 1 degrees of freedom) and d_z, from
 * the moments alone (as they are published: each perturbed). Where the noise took the sum of
 * squares to no spread or below, the spread is not known: no interval and no d_z (an interval
 * of no width would claim a certainty nobody has). Undefined for fewer than two people.
 */
export function figuresFromMoments(m: ChangeMoments):
  | {
      meanChange: number;
      ciLow: number | null;
      ciHigh: number | null;
      effectSize: number | null;
    }
  | undefined {
  if (!(m.n >= 2)) return undefined;
  const meanChange = m.sum / m.n;
  const variance = (m.sumOfSquares - (m.sum * m.sum) / m.n) / (m.n - 1);
  if (!(variance > 0)) return { meanChange, ciLow: null, ciHigh: null, effectSize: null };
  const sd = Math.sqrt(variance);
  const half = jStat.studentt.inv(0.975, m.n - 1) * (sd / Math.sqrt(m.n));
  return {
    meanChange,
    ciLow: meanChange - half,
    ciHigh: meanChange + half,
    effectSize: meanChange / sd,
  };
}
