/**
 * Whether `target` is a combination of the rows of `known` (Gaussian elimination): whether the
 * figures those rows add up tell the figure `target` adds up. What the disclosure tests ask of
 * every hidden count: a reader who has every published figure cannot work it out.
 */
export function determined(known: number[][], target: number[]): boolean {
  const rank = (rows: number[][]) => {
    const m = rows.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < (m[0]?.length ?? 0) && r < m.length; c += 1) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
      if (pivot === -1) continue;
      [m[r], m[pivot]] = [m[pivot], m[r]];
      for (let i = 0; i < m.length; i += 1)
        if (i !== r && Math.abs(m[i][c]) > 1e-9) {
          const k = m[i][c] / m[r][c];
          m[i] = m[i].map((v, j) => v - k * m[r][j]);
        }
      r += 1;
    }
    return r;
  };
  return rank([...known, target]) === rank(known);
}
