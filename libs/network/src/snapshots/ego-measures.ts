import type { TieGraph } from './tie-graph';

/**
 * What is known of each person that diversity and bridging are measured over, by node index:
 * -1 where unknown. Codes are small integers standing for a ward, an age band or an interest
 * group.
 */
export interface NodeAttributes {
  ward: Int32Array;
  ageBand: Int32Array;
  /** The interest group a person goes to most. */
  group: Int32Array;
  /** 1 for a helper, 0 for a peer. */
  helper: Uint8Array;
}

export interface EgoMeasures {
  activeTies: number;
  /** The sum of the active ties' faded weights. */
  strength: number;
  newTies: number;
  /** Burt's effective size as Borgatti simplifies it: n - 2t/n (t ties among the alters). */
  effectiveSize: number;
  /** Burt's constraint, from proportional tie strengths; null without ties. */
  constraint: number | null;
  /** Blau's index (1 - sum of squared shares), averaged over ward, age band, group, peer/helper. */
  diversity: number;
  /** Share of contacts outside the member's ward or usual interest groups. */
  bridgingShare: number;
}

/** Someone without an active tie: nothing to measure, and no constraint. */
export const NO_TIES: Readonly<EgoMeasures> = {
  activeTies: 0,
  strength: 0,
  newTies: 0,
  effectiveSize: 0,
  constraint: null,
  diversity: 0,
  bridgingShare: 0,
};

/** Reused between egos so a night's run allocates per graph, not per member. */
export class EgoScratch {
  /** p_iq for the current ego's alters (0 elsewhere). */
  readonly share: Float64Array;
  constructor(size: number) {
    this.share = new Float64Array(size);
  }
}

/** 1 - sum of squared shares over the known values (null when none is known). */
export function blau(values: readonly number[]): number | null {
  const known = values.filter((v) => v >= 0);
  if (known.length === 0) return null;
  const counts = new Map<number, number>();
  for (const v of known) counts.set(v, (counts.get(v) ?? 0) + 1);
  let sum = 0;
  for (const c of counts.values()) sum += (c / known.length) ** 2;
  return 1 - sum;
}

/**
 * The ego network measures of node `i`. `usualGroups` are the member's own interest groups
 * (chosen, or attended lately): a contact whose group is outside them, or whose ward is not the
 * member's, bridges.
 */
export function egoMeasures(
  graph: TieGraph,
  i: number,
  attributes: NodeAttributes,
  usualGroups: ReadonlySet<number>,
  scratch: EgoScratch,
): EgoMeasures {
  const start = graph.offsets[i];
  const end = graph.offsets[i + 1];
  const n = end - start;
  if (n === 0) return NO_TIES;
  const total = graph.totals[i];
  let newTies = 0;
  for (let e = start; e < end; e += 1) {
    scratch.share[graph.neighbours[e]] = total > 0 ? graph.strengths[e] / total : 1 / n;
    newTies += graph.fresh[e];
  }
  // Ties among alters (each counted from both ends) and Burt's indirect shares.
  let alterTieEnds = 0;
  let constraint = 0;
  for (let e = start; e < end; e += 1) {
    const j = graph.neighbours[e];
    let indirect = 0;
    for (let f = graph.offsets[j]; f < graph.offsets[j + 1]; f += 1) {
      const q = graph.neighbours[f];
      if (q === i) continue;
      const piq = scratch.share[q];
      if (piq === 0) continue;
      alterTieEnds += 1;
      // p_qj: q's tie to j as a share of all q's ties (the same weight seen from q).
      const qTotal = graph.totals[q];
      if (qTotal > 0) indirect += piq * (graph.strengths[f] / qTotal);
    }
    constraint += (scratch.share[j] + indirect) ** 2;
  }
  const alterTies = alterTieEnds / 2;
  const wards: number[] = [];
  const ages: number[] = [];
  const groups: number[] = [];
  const helpers: number[] = [];
  let bridging = 0;
  const ownWard = attributes.ward[i];
  for (let e = start; e < end; e += 1) {
    const j = graph.neighbours[e];
    scratch.share[j] = 0;
    wards.push(attributes.ward[j]);
    ages.push(attributes.ageBand[j]);
    groups.push(attributes.group[j]);
    helpers.push(attributes.helper[j]);
    const otherWard = ownWard >= 0 && attributes.ward[j] >= 0 && attributes.ward[j] !== ownWard;
    const otherGroup = attributes.group[j] >= 0 && !usualGroups.has(attributes.group[j]);
    if (otherWard || otherGroup) bridging += 1;
  }
  const indexes = [blau(wards), blau(ages), blau(groups), blau(helpers)].filter(
    (v): v is number => v !== null,
  );
  return {
    activeTies: n,
    strength: total,
    newTies,
    effectiveSize: n - (2 * alterTies) / n,
    constraint,
    diversity: indexes.reduce((sum, v) => sum + v, 0) / indexes.length,
    bridgingShare: bridging / n,
  };
}
