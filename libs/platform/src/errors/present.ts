/**
 * The value, which our own code guarantees is there (a row re-read in the transaction that wrote
 * it, a slug from our own catalogue): its absence is a bug, reported as one, not a `!` that
 * lets `undefined` travel on.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing`);
  return value;
}
