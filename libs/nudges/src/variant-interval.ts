/**
 * The 95 % interval for the difference of two proportions, p1 − p2, by Newcombe's hybrid score
 * method (method 10 of Newcombe, Statistics in Medicine 1998): Wilson score intervals for each
 * share, combined. Unlike the simple Wald interval it stays inside [−1, 1] and behaves with the
 * small counts one area's reminders give.
 */
const Z95 = 1.959963984540054;

/** Wilson's score interval for a share of `x` in `n` (n > 0). */
export function wilsonInterval(x: number, n: number, z = Z95): { low: number; high: number } {
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export function differenceInterval(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
): { low: number; high: number } | null {
  if (n1 === 0 || n2 === 0) return null;
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const a = wilsonInterval(x1, n1);
  const b = wilsonInterval(x2, n2);
  const d = p1 - p2;
  return {
    low: d - Math.sqrt((p1 - a.low) ** 2 + (b.high - p2) ** 2),
    high: d + Math.sqrt((a.high - p1) ** 2 + (p2 - b.low) ** 2),
  };
}
