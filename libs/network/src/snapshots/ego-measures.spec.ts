import { blau, EgoScratch, egoMeasures } from './ego-measures';
import type { NodeAttributes } from './ego-measures';
import { TieGraph } from './tie-graph';

const attrs = (ward: number[], ageBand: number[], group: number[], helper: number[]) =>
  ({
    ward: Int32Array.from(ward),
    ageBand: Int32Array.from(ageBand),
    group: Int32Array.from(group),
    helper: Uint8Array.from(helper),
  }) satisfies NodeAttributes;

function graph(size: number, edges: [number, number, number, boolean?][]): TieGraph {
  const builder = TieGraph.builder(size);
  for (const [a, b, w, fresh] of edges) builder.add(a, b, w, fresh ?? false);
  return builder.build();
}

describe('ego network measures', () => {
  it('works out a small network as by hand (effective size, constraint, diversity, bridging)', () => {
    // Ego 0 knows 1, 2 and 3; 1 and 2 know each other. All ties weigh 1; 3 is new.
    const g = graph(4, [
      [0, 1, 1],
      [0, 2, 1],
      [0, 3, 1, true],
      [1, 2, 1],
    ]);
    const m = egoMeasures(
      g,
      0,
      attrs([0, 0, 0, 1], [-1, -1, -1, -1], [5, 5, 5, 5], [0, 0, 0, 1]),
      new Set([5]),
      new EgoScratch(4),
    );
    // n = 3, t = 1: 3 - 2/3.
    expect(m.effectiveSize).toBeCloseTo(7 / 3, 12);
    // p_0j = 1/3 each; p_21 = p_12 = 1/2 (1 and 2 have two ties each):
    // c_01 = c_02 = (1/3 + 1/3 * 1/2)^2 = 1/4, c_03 = (1/3)^2 = 1/9.
    expect(m.constraint).toBeCloseTo(1 / 4 + 1 / 4 + 1 / 9, 12);
    expect(m).toMatchObject({ activeTies: 3, strength: 3, newTies: 1 });
    // Wards 0,0,1: 1 - (4/9 + 1/9) = 4/9; ages unknown (left out); groups all 5: 0;
    // peer, peer, helper: 4/9. Mean of three: 8/27.
    expect(m.diversity).toBeCloseTo(8 / 27, 12);
    // Only 3 lives in another ward; everyone goes to the member's own group.
    expect(m.bridgingShare).toBeCloseTo(1 / 3, 12);
  });

  it('weighs constraint by tie strength, and gives nothing for someone without ties', () => {
    // A star of two alters, one tie twice the other: p = 2/3 and 1/3, no indirect paths.
    const g = graph(4, [
      [0, 1, 2],
      [0, 2, 1],
    ]);
    const a = attrs([-1, -1, -1, -1], [-1, -1, -1, -1], [-1, -1, -1, -1], [0, 0, 0, 0]);
    const scratch = new EgoScratch(4);
    const star = egoMeasures(g, 0, a, new Set(), scratch);
    expect(star.constraint).toBeCloseTo(4 / 9 + 1 / 9, 12);
    expect(star.effectiveSize).toBe(2);
    expect(star.bridgingShare).toBe(0);
    expect(egoMeasures(g, 3, a, new Set(), scratch)).toMatchObject({
      activeTies: 0,
      effectiveSize: 0,
      constraint: null,
      diversity: 0,
    });
    // The scratch is left clean for the next ego: the same answer twice.
    expect(egoMeasures(g, 0, a, new Set(), scratch)).toEqual(star);
  });

  it("Blau's index: none known is null, one kind is 0, even split of k kinds is 1 - 1/k", () => {
    expect(blau([-1, -1])).toBeNull();
    expect(blau([3, 3, 3])).toBe(0);
    expect(blau([1, 2, 3, 4])).toBeCloseTo(0.75, 12);
    expect(blau([1, 2, -1])).toBeCloseTo(0.5, 12);
  });
});
