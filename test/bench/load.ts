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

/** Every request of one kind, over one or more stretches of load. */
export class Samples {
  private readonly latencies: number[] = [];
  private seconds = 0;
  private failures = 0;
  private nonEmpty = 0;
  private firstFailure: string | undefined;

  /** Drives `fire` from `concurrency` workers for `seconds`, adding what it saw. */
  async run(concurrency: number, seconds: number, fire: Fire): Promise<this> {
    const started = process.hrtime.bigint();
    const until = started + BigInt(Math.round(seconds * 1e9));
    const worker = async () => {
      while (process.hrtime.bigint() < until) {
        const t0 = process.hrtime.bigint();
        try {
          const found = await fire();
          this.latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
          if (found > 0) this.nonEmpty += 1;
        } catch (error) {
          this.failures += 1;
          this.firstFailure ??= error instanceof Error ? error.message : String(error);
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    this.seconds += Number(process.hrtime.bigint() - started) / 1e9;
    return this;
  }

  figures(): LoadFigures {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return {
      requests: sorted.length,
      throughput: Math.round((sorted.length / this.seconds) * 10) / 10,
      p50Ms: percentile(sorted, 50),
      p95Ms: percentile(sorted, 95),
      p99Ms: percentile(sorted, 99),
      maxMs: percentile(sorted, 100),
      failures: this.failures,
      nonEmptyShare: sorted.length ? Math.round((this.nonEmpty / sorted.length) * 1000) / 1000 : 0,
      ...(this.firstFailure ? { firstFailure: this.firstFailure } : {}),
    };
  }
}

export async function closedLoop(
  concurrency: number,
  seconds: number,
  fire: Fire,
): Promise<LoadFigures> {
  return (await new Samples().run(concurrency, seconds, fire)).figures();
}

/**
 * Measures several kinds of request that are to be compared, taking turns in short slices
 * (after one warm-up slice each) instead of one after the other: the machines are shared, and
 * their speed drifts by a fifth over minutes, which would otherwise land on one side of a ratio.
 */
export async function interleaved<K extends string>(
  concurrency: number,
  seconds: number,
  fires: Record<K, Fire>,
  slice = 5,
): Promise<Record<K, LoadFigures>> {
  const kinds = Object.keys(fires) as K[];
  for (const kind of kinds) await closedLoop(concurrency, Math.min(slice, seconds), fires[kind]);
  const samples = new Map(kinds.map((kind) => [kind, new Samples()]));
  const rounds = Math.max(1, Math.round(seconds / slice));
  for (let round = 0; round < rounds; round += 1) {
    // Each round starts one further along, so no measure always follows the same one (the
    // API's leftover work after its slice fell on whatever came next, every round).
    for (let i = 0; i < kinds.length; i += 1) {
      const kind = kinds[(i + round) % kinds.length];
      await samples.get(kind)!.run(concurrency, seconds / rounds, fires[kind]);
    }
  }
  return Object.fromEntries(kinds.map((kind) => [kind, samples.get(kind)!.figures()])) as Record<
    K,
    LoadFigures
  >;
}
