/**
 * A closed-loop load driver: `concurrency` workers each fire one request, wait for it, and fire
 * the next, for `seconds`. The same driver measures HTTP and bare SQL, so their figures compare.
 */
export interface LoadFigures {
  requests: number;
  /** Completed requests per second. */
  throughput: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests that failed (threw, or answered with errors). */
  failures: number;
  /** Share of successful requests whose answer held at least one suggestion. */
  nonEmptyShare: number;
  firstFailure?: string;
}

/** What one request reports: how many results it found; it throws when it failed. */
export type Fire = () => Promise<number>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return Math.round(sorted[Math.max(0, index)] * 100) / 100;
}

export async function closedLoop(
  concurrency: number,
  seconds: number,
  fire: Fire,
): Promise<LoadFigures> {
  const latencies: number[] = [];
  let failures = 0;
  let nonEmpty = 0;
  let firstFailure: string | undefined;
  const started = process.hrtime.bigint();
  const until = started + BigInt(Math.round(seconds * 1e9));
  const worker = async () => {
    while (process.hrtime.bigint() < until) {
      const t0 = process.hrtime.bigint();
      try {
        const found = await fire();
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (found > 0) nonEmpty += 1;
      } catch (error) {
        failures += 1;
        firstFailure ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    throughput: Math.round((latencies.length / elapsed) * 10) / 10,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: percentile(latencies, 100),
    failures,
    nonEmptyShare: latencies.length ? Math.round((nonEmpty / latencies.length) * 1000) / 1000 : 0,
    ...(firstFailure ? { firstFailure } : {}),
  };
}
