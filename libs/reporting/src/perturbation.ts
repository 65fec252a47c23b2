/**
 * The cell-key method (ONS Census 2021; Thompson, Broadfoot and Elazar, ABS 2013; perturbation
 * tables by maximum entropy as Giessing 2016 and the `ptable` package build them): every count a
 * report publishes is perturbed by a small amount drawn from the cell's key, and the cell key is
 * the sum of the fixed random record keys of the people in the cell. The same people always give
 * the same key and so the same noise: asking again, or asking a report that holds the same cell,
 * tells nothing new, and a difference of two cells is a difference of two noisy figures, never a
 * person. Kith perturbs the smallest cells a report is built from (a month, a ward, an interest
 * set), and every published figure is a sum of those, so however reports are set against each
 * other a reader learns at most each small cell's perturbed value.
 *
 * Each kind of count (a family: participants, first-timers, those of them who came back, …)
 * draws on its own permutation of the record keys: a family's cell of one person and another
 * family's cell of the same person (a first-timer who came back) get independent changes, so
 * that two cells being equal tells nothing of the person. Amounts (minutes, changes in a score)
 * draw on a stream of their own for each cell.
 * Pure: plain numbers in, plain numbers out.
 */

/** Record keys are whole numbers in [0, KEY_RANGE); a cell's key is their sum modulo it. */
export const KEY_RANGE = 2 ** 20;

export interface PerturbationParameters {
  /** The largest change to a count (D). */
  maxNoise: number;
  /** The variance of the change (V), the same for every count that allows it. */
  variance: number;
  /** No perturbed count is 1..smallest (js): one or two people never show as themselves. */
  smallest: number;
}

/** Kith's parameters: changes of at most 3, variance 2.25 (σ 1.5), and never a 1 or a 2. */
export const KITH_PERTURBATION: PerturbationParameters = {
  maxNoise: 3,
  variance: 2.25,
  smallest: 2,
};

/** For one true count: the changes it may get, in order, with their probabilities. */
export interface PerturbationRow {
  count: number;
  noise: number[];
  probability: number[];
  /** Running sums of `probability`: the cell key falls in one of these intervals. */
  upTo: number[];
  /**
   * The same intervals over whole-number keys in [0, KEY_RANGE): a key k takes the first change
   * whose bound is above it (k + ½ below upTo × KEY_RANGE), so SQL and TypeScript agree exactly.
   */
  bounds: number[];
}

/** Counts at or above this all share the last row (nothing stops a change there). */
function rowsNeeded(p: PerturbationParameters): number {
  return p.maxNoise + p.smallest + 1;
}

/** The changes a count may get: at most D either way, never below 0, never to 1..js. */
function allowedNoise(count: number, p: PerturbationParameters): number[] {
  const noise: number[] = [];
  for (let v = -p.maxNoise; v <= p.maxNoise; v += 1) {
    const to = count + v;
    if (to < 0 || (to >= 1 && to <= p.smallest)) continue;
    noise.push(v);
  }
  return noise;
}

/**
 * The maximum-entropy distribution over `support` with mean 0 and the given variance: the
 * probabilities are proportional to exp(a·v + b·v²), a and b found by Newton's method on the
 * two moment conditions (their Jacobian is the covariance of v and v²), with backtracking.
 */
function maximumEntropy(support: readonly number[], variance: number): number[] {
  let a = 0;
  let b = 0;
  const at = (x: number, y: number) => {
    const weights = support.map((v) => Math.exp(x * v + y * v * v));
    const total = weights.reduce((s, w) => s + w, 0);
    const p = weights.map((w) => w / total);
    const m1 = p.reduce((s, q, i) => s + q * support[i], 0);
    const m2 = p.reduce((s, q, i) => s + q * support[i] ** 2, 0);
    const m3 = p.reduce((s, q, i) => s + q * support[i] ** 3, 0);
    const m4 = p.reduce((s, q, i) => s + q * support[i] ** 4, 0);
    return { p, m1, m2, m3, m4, error: Math.hypot(m1, m2 - variance) };
  };
  let state = at(a, b);
  for (let step = 0; step < 500 && state.error > 1e-13; step += 1) {
    const { m1, m2, m3, m4 } = state;
    // d(m1, m2)/d(a, b) = [[Var v, Cov(v, v²)], [Cov(v, v²), Var v²]]
    const j11 = m2 - m1 * m1;
    const j12 = m3 - m1 * m2;
    const j22 = m4 - m2 * m2;
    const det = j11 * j22 - j12 * j12;
    if (!(Math.abs(det) > 1e-300)) break;
    const r1 = m1;
    const r2 = m2 - variance;
    const da = (j22 * r1 - j12 * r2) / det;
    const db = (j11 * r2 - j12 * r1) / det;
    let scale = 1;
    let next = at(a - da, b - db);
    while (next.error > state.error && scale > 1e-6) {
      scale /= 2;
      next = at(a - scale * da, b - scale * db);
    }
    a -= scale * da;
    b -= scale * db;
    state = next;
  }
  if (state.error > 1e-9)
    throw new Error(
      `no distribution over [${support.join(', ')}] has mean 0 and variance ${variance}`,
    );
  return state.p;
}

/**
 * The perturbation table: a row per true count from 1 up to where nothing constrains a change
 * any more (the last row then holds for every larger count). A zero stays zero (an empty cell has
 * no people and no key). Throws for parameters no distribution can meet.
 */
export function perturbationTable(p: PerturbationParameters): PerturbationRow[] {
  const rows: PerturbationRow[] = [];
  for (let count = 1; count <= rowsNeeded(p); count += 1) {
    const noise = allowedNoise(count, p);
    const probability = maximumEntropy(noise, p.variance);
    let sum = 0;
    const upTo = probability.map((q) => (sum += q));
    upTo[upTo.length - 1] = 1;
    const bounds = upTo.map((q) => Math.ceil(q * KEY_RANGE - 0.5));
    rows.push({ count, noise, probability, upTo, bounds });
  }
  return rows;
}

const TABLE = perturbationTable(KITH_PERTURBATION);

/** A 32-bit FNV-1a hash of a name: how a family or a cell gets constants of its own. */
function hashName(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i += 1) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A family's permutation of record keys, c + o·x + 2·x² modulo 2^20 with o odd (a permutation
 * of the keys by Rivest's criterion, so still uniform), c and o from the family's name; not
 * linear, so sums of one family's keys tell nothing of another's.
 */
function familyConstants(family: string): { c: number; o: number } {
  const h = hashName(family);
  return { c: h % KEY_RANGE, o: (Math.floor(h / 4096) % KEY_RANGE) | 1 };
}

/**
 * The families of counts the reports publish, each drawing on its own permutation of the keys.
 * One definition, one family: a month's participants and a period's (from the reach) are one.
 */
export const FAMILY = {
  attendances: 'attendances',
  participants: 'participants',
  interestParticipants: 'participants-by-interest',
  firstTimers: 'first-timers',
  interestFirstTimers: 'first-timers-by-interest',
  returned: 'returned-within-30-days',
  interestReturned: 'returned-within-30-days-by-interest',
  daysToFirst: 'days-to-first-activity',
  newMembers: 'new-members',
  interestNewMembers: 'new-members-by-interest',
  active3: 'active-at-3-months',
  interestActive3: 'active-at-3-months-by-interest',
  active6: 'active-at-6-months',
  interestActive6: 'active-at-6-months-by-interest',
  helpFulfilled: 'help-fulfilled',
  hoursToHelper: 'hours-to-helper',
  snapshotted: 'members-snapshotted',
  isolated: 'isolated',
} as const;

/** A person's record key as a family draws on it (what a cell of that family sums). */
export function familyKey(recordKey: number, family: string): number {
  const { c, o } = familyConstants(family);
  const x = keyIndex(recordKey);
  return (c + ((x * ((2 * x + o) % KEY_RANGE)) % KEY_RANGE)) % KEY_RANGE;
}

/** The same in SQL, over an integer record-key column. */
export function familyKeySql(recordKey: string, family: string): string {
  const { c, o } = familyConstants(family);
  return `((${c} + (${recordKey})::bigint * (2 * (${recordKey})::bigint + ${o})) % ${KEY_RANGE})`;
}

/** A cell's key as a whole number in [0, KEY_RANGE), from the sum of its records' keys. */
export function keyIndex(keySum: number): number {
  return ((keySum % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;
}

/** A cell's key in [0, 1) from the sum of its records' keys (any whole number, even negative). */
export function cellKey(keySum: number): number {
  return (keyIndex(keySum) + 0.5) / KEY_RANGE;
}

/** The change a count gets for its cell key: where the key falls in its row's intervals. */
export function noiseFor(
  count: number,
  keySum: number,
  table: readonly PerturbationRow[] = TABLE,
): number {
  if (count <= 0) return 0;
  const row = table[Math.min(count, table.length) - 1];
  const k = keyIndex(keySum);
  const at = row.bounds.findIndex((bound) => k < bound);
  return row.noise[at === -1 ? row.noise.length - 1 : at];
}

/**
 * The same change as a SQL expression over a count and a key-sum column (bigint), so reports
 * can add up perturbed cells where they are read: a CASE by count, then by the key's bounds.
 */
export function noiseSql(
  count: string,
  keySum: string,
  table: readonly PerturbationRow[] = TABLE,
): string {
  const k = `((${keySum}) % ${KEY_RANGE} + ${KEY_RANGE}) % ${KEY_RANGE}`;
  const byKey = (row: PerturbationRow) =>
    `CASE ${row.bounds
      .slice(0, -1)
      .map((bound, i) => `WHEN ${k} < ${bound} THEN ${row.noise[i]}`)
      .join(' ')} ELSE ${row.noise[row.noise.length - 1]} END`;
  const last = table[table.length - 1];
  return `(CASE WHEN (${count}) <= 0 THEN 0 ${table
    .slice(0, -1)
    .map((row) => `WHEN (${count}) = ${row.count} THEN ${byKey(row)}`)
    .join(' ')} ELSE ${byKey(last)} END)`;
}

/** A count as published: the true count plus its cell's noise (0 stays 0). */
export function perturbCount(
  count: number,
  keySum: number,
  table: readonly PerturbationRow[] = TABLE,
): number {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`a count must be a whole number ≥ 0 (got ${count})`);
  return count + noiseFor(count, keySum, table);
}

/**
 * An independent uniform number from a cell key for one cell (named: its family, month and
 * area), by a 32-bit mix: the same cell always draws the same, another cell of the same people
 * (another month, measure or moment) draws anew.
 */
export function keyStream(keySum: number, cell: string): number {
  let h = (keyIndex(keySum) ^ hashName(cell)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return (h + 0.5) / 2 ** 32;
}

/** The symmetric triangular distribution on [-√6, √6] (mean 0, variance 1), by its inverse. */
export function triangular(u: number): number {
  const c = Math.sqrt(6);
  return u <= 0.5 ? -c + c * Math.sqrt(2 * u) : c - c * Math.sqrt(2 * (1 - u));
}

/**
 * A sum of amounts (minutes of help, changes in a score) as published: perturbed by its scale
 * (the largest single contribution to it, so that one contributor is hidden in noise of their
 * own size) times a draw of mean 0 and variance 1 for the named cell. Nothing is added to an
 * empty cell.
 */
export function perturbAmount(amount: number, scale: number, keySum: number, cell: string): number {
  if (scale === 0) return amount;
  return amount + scale * triangular(keyStream(keySum, cell));
}
