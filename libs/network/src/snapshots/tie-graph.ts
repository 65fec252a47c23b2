/**
 * The active ties of everyone at one moment, as compact adjacency lists (CSR): a node's
 * neighbours are `neighbours[offsets[i]..offsets[i+1])`, with the tie's strength and whether it
 * is new beside each. Typed arrays, not a general graph library: a graph of a borough's members
 * costs tens of bytes an edge here, where an object per edge would cost hundreds.
 */
export class TieGraph {
  private constructor(
    readonly size: number,
    readonly offsets: Int32Array,
    readonly neighbours: Int32Array,
    readonly strengths: Float64Array,
    readonly fresh: Uint8Array,
    /** Each node's strength over all its ties: what Burt's p_qj divides by. */
    readonly totals: Float64Array,
  ) {}

  degree(i: number): number {
    return this.offsets[i + 1] - this.offsets[i];
  }

  static builder(size: number): TieGraphBuilder {
    return new TieGraphBuilder(size);
  }

  static fromEdges(
    size: number,
    a: Int32Array,
    b: Int32Array,
    strength: Float64Array,
    fresh: Uint8Array,
    count: number,
  ): TieGraph {
    const offsets = new Int32Array(size + 1);
    for (let e = 0; e < count; e += 1) {
      offsets[a[e] + 1] += 1;
      offsets[b[e] + 1] += 1;
    }
    for (let i = 0; i < size; i += 1) offsets[i + 1] += offsets[i];
    const fill = offsets.slice(0, size);
    const neighbours = new Int32Array(count * 2);
    const strengths = new Float64Array(count * 2);
    const freshOut = new Uint8Array(count * 2);
    const totals = new Float64Array(size);
    const put = (from: number, to: number, e: number) => {
      const at = fill[from]++;
      neighbours[at] = to;
      strengths[at] = strength[e];
      freshOut[at] = fresh[e];
      totals[from] += strength[e];
    };
    for (let e = 0; e < count; e += 1) {
      put(a[e], b[e], e);
      put(b[e], a[e], e);
    }
    return new TieGraph(size, offsets, neighbours, strengths, freshOut, totals);
  }
}

/** Gathers edges into growing typed arrays, then packs them once. */
export class TieGraphBuilder {
  private a = new Int32Array(1024);
  private b = new Int32Array(1024);
  private strength = new Float64Array(1024);
  private fresh = new Uint8Array(1024);
  private count = 0;

  constructor(private readonly size: number) {}

  add(a: number, b: number, strength: number, fresh: boolean): void {
    if (a === b || a < 0 || b < 0 || a >= this.size || b >= this.size) return;
    if (this.count === this.a.length) this.grow();
    this.a[this.count] = a;
    this.b[this.count] = b;
    this.strength[this.count] = strength;
    this.fresh[this.count] = fresh ? 1 : 0;
    this.count += 1;
  }

  build(): TieGraph {
    return TieGraph.fromEdges(this.size, this.a, this.b, this.strength, this.fresh, this.count);
  }

  private grow(): void {
    const next = this.a.length * 2;
    const copy = <T extends Int32Array | Float64Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.a = copy(this.a, new Int32Array(next));
    this.b = copy(this.b, new Int32Array(next));
    this.strength = copy(this.strength, new Float64Array(next));
    this.fresh = copy(this.fresh, new Uint8Array(next));
  }
}
