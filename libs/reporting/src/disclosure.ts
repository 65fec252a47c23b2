/**
 * Statistical disclosure control for the tables a commissioner reads: counts of people, by row
 * (a month, a ward, an interest group) and column (a measure), with row and column totals.
 * Pure: plain numbers in, published cells out; nothing here reads or stores.
 */

export interface DisclosureRules {
  /** Counts below this are not published (primary suppression). */
  threshold: number;
  /** Whether a zero is suppressed too (it tells that nobody of a kind took part). */
  zerosReveal: boolean;
  /** Published counts rounded to a multiple of this (5), or left exact (null). */
  roundTo: number | null;
}

export const DEFAULT_RULES: DisclosureRules = { threshold: 10, zerosReveal: true, roundTo: null };

/** A published count: its value, or null when suppressed. */
export interface PublishedCount {
  value: number | null;
  suppressed: boolean;
}

/**
 * The margins another table has already settled, when this table's totals are published in
 * another report too (a ward's total in the report by ward, a month's in the report by month):
 * true, hidden there; false, published there (so never hidden here, and no reason to); absent,
 * left to this table. A margin that is no sum of its line (distinct people over months) is
 * given as hidden: it tells nothing about the line.
 */
export interface SettledMargins {
  rowTotals?: readonly (boolean | undefined)[];
  columnTotals?: readonly (boolean | undefined)[];
  total?: boolean;
}

export interface PublishedTable {
  cells: PublishedCount[][];
  rowTotals: PublishedCount[];
  columnTotals: PublishedCount[];
  total: PublishedCount;
}

/**
 * The table extended with its margins: rows 0..R-1 and the column-totals row R; columns 0..C-1
 * and the row-totals column C; (R, C) the grand total. Every line of it (a row with its total,
 * a column with its total) is one linear relation a reader can use.
 */
function extend(cells: readonly (readonly number[])[]): number[][] {
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0].length;
  const grid = cells.map((row) => [...row, row.reduce((sum, v) => sum + v, 0)]);
  const totals = Array.from({ length: columns + 1 }, (_, c) =>
    grid.reduce((sum, row) => sum + row[c], 0),
  );
  return [...grid, totals];
}

function isSmall(value: number, rules: DisclosureRules): boolean {
  return value < rules.threshold && (value > 0 || rules.zerosReveal);
}

/**
 * The cells to choose from to hide one more, for the first line (a row or column of the
 * extended grid) whose total is published and whose hidden cells add up to a small number;
 * its published cells, or its total when none is left.
 */
function weakLine(
  grid: readonly (readonly number[])[],
  hidden: readonly (readonly boolean[])[],
  rules: DisclosureRules,
  fixed: (r: number, c: number) => boolean,
): [number, number][] | undefined {
  const lines: [number, number][][] = [
    ...grid.map((row, r) => row.map((_, c) => [r, c] as [number, number])),
    ...grid[0].map((_, c) => grid.map((_, r) => [r, c] as [number, number])),
  ];
  for (const line of lines) {
    const margin = line[line.length - 1];
    const inner = line.slice(0, -1);
    if (hidden[margin[0]][margin[1]]) continue;
    const hiddenInner = inner.filter(([r, c]) => hidden[r][c]);
    if (hiddenInner.length === 0) continue;
    const sum = hiddenInner.reduce((total, [r, c]) => total + grid[r][c], 0);
    if (!isSmall(sum, rules)) continue;
    const open = inner.filter(([r, c]) => !hidden[r][c]);
    return open.length > 0 || fixed(margin[0], margin[1]) ? open : [margin];
  }
  return undefined;
}

/**
 * The suppressed cells that a reader could still work out exactly. The published figures fix
 * every linear combination of the hidden ones that the line relations allow; a hidden cell is
 * safe only when it can change (with others) while every published figure stays the same: when
 * it lies on a cycle of hidden cells, alternating between rows and columns. A hidden cell on no
 * cycle (a bridge of the bipartite graph of rows and columns it joins) is exposed. Tarjan's
 * bridge finding over that graph, rows as nodes 0..R and columns as R+1..R+C+1.
 */
export function exposedCells(hidden: readonly (readonly boolean[])[]): [number, number][] {
  const rows = hidden.length;
  const columns = rows === 0 ? 0 : hidden[0].length;
  const nodes = rows + columns;
  const edges: { r: number; c: number }[] = [];
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: nodes }, () => []);
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < columns; c += 1)
      if (hidden[r][c]) {
        const edge = edges.push({ r, c }) - 1;
        adjacency[r].push({ to: rows + c, edge });
        adjacency[rows + c].push({ to: r, edge });
      }
  const order = new Array<number>(nodes).fill(-1);
  const low = new Array<number>(nodes).fill(0);
  const bridges: [number, number][] = [];
  let time = 0;
  const visit = (node: number, viaEdge: number) => {
    order[node] = low[node] = time++;
    for (const { to, edge } of adjacency[node]) {
      if (edge === viaEdge) continue;
      if (order[to] === -1) {
        visit(to, edge);
        low[node] = Math.min(low[node], low[to]);
        if (low[to] > order[node]) bridges.push([edges[edge].r, edges[edge].c]);
      } else low[node] = Math.min(low[node], order[to]);
    }
  };
  for (let node = 0; node < nodes; node += 1) if (order[node] === -1) visit(node, -1);
  return bridges;
}

/**
 * Primary suppression of every small count (margins included), then secondary suppression until
 * no hidden cell can be worked out from the published ones: while a hidden cell is exposed, the
 * smallest published cell in its row (else its column) is hidden too, so the two lie on a cycle;
 * margins are hidden only when a line has nothing else left, and margins another report
 * settled (`settled`) stay as they are there. Then, if asked, rounding.
 */
export function suppressCounts(
  cells: readonly (readonly number[])[],
  rules: DisclosureRules = DEFAULT_RULES,
  settled: SettledMargins = {},
): PublishedTable {
  for (const row of cells)
    for (const v of row)
      if (!Number.isInteger(v) || v < 0)
        throw new Error(`a count must be a whole number ≥ 0 (got ${v})`);
  const rows = cells.length;
  const columns = rows === 0 ? 0 : cells[0].length;
  if (cells.some((row) => row.length !== columns)) throw new Error('every row needs as many cells');
  const grid = extend(cells);
  const settledAt = (r: number, c: number): boolean | undefined =>
    r === rows && c === columns
      ? settled.total
      : c === columns
        ? settled.rowTotals?.[r]
        : r === rows
          ? settled.columnTotals?.[c]
          : undefined;
  /** Published in another report: stays published here. */
  const fixed = (r: number, c: number) => settledAt(r, c) === false;
  const hidden = grid.map((row, r) => row.map((v, c) => settledAt(r, c) ?? isSmall(v, rules)));
  // Cheapest first: an inner cell before a total, a small one before a big one.
  const cost = (r: number, c: number) => grid[r][c] + (r === rows || c === columns ? 1e9 : 0);
  const hide = (candidates: [number, number][]) => {
    candidates.sort((a, b) => cost(a[0], a[1]) - cost(b[0], b[1]));
    const [hr, hc] = candidates[0];
    hidden[hr][hc] = true;
  };
  const hideAll = () =>
    grid.forEach((row, rr) => row.forEach((_, cc) => (hidden[rr][cc] ||= !fixed(rr, cc))));
  for (;;) {
    const exposed = exposedCells(hidden);
    if (exposed.length > 0) {
      const [r, c] = exposed[0];
      const inRow = grid[r]
        .map((_, cc) => [r, cc] as [number, number])
        .filter(([, cc]) => cc !== c && !hidden[r][cc] && !fixed(r, cc));
      const inColumn = grid
        .map((_, rr) => [rr, c] as [number, number])
        .filter(([rr]) => rr !== r && !hidden[rr][c] && !fixed(rr, c));
      // From its row, else its column; for a column's total, from that column (its row is
      // the other totals).
      const columnFirst = r === rows && c !== columns;
      const [first, second] = columnFirst ? [inColumn, inRow] : [inRow, inColumn];
      const candidates = first.length > 0 ? first : second;
      if (candidates.length === 0) {
        // Nothing left to hide beside it in its lines: hide the rest of the table.
        hideAll();
        break;
      }
      hide(candidates);
      continue;
    }
    // A line whose total is published tells the sum of its hidden cells: that sum must not be
    // a small number itself (two hidden zeros beside a published total are two zeros).
    const weak = weakLine(grid, hidden, rules, fixed);
    if (!weak) break;
    if (weak.length === 0) {
      hideAll();
      break;
    }
    hide(weak);
  }
  // Hidden here but fixed by what another report publishes (a month's only ward, whose total is
  // published there): it tells nothing new, so it is published, unless it is small.
  for (let again = true; again;) {
    again = false;
    for (const [r, c] of exposedCells(hidden))
      if (!isSmall(grid[r][c], rules) && settledAt(r, c) !== true) {
        hidden[r][c] = false;
        again = true;
        break;
      }
  }
  const publish = (r: number, c: number): PublishedCount =>
    hidden[r][c]
      ? { value: null, suppressed: true }
      : { value: roundTo(grid[r][c], rules.roundTo), suppressed: false };
  return {
    cells: cells.map((row, r) => row.map((_, c) => publish(r, c))),
    rowTotals: cells.map((_, r) => publish(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => publish(rows, c)),
    total: publish(rows, columns),
  };
}

function roundTo(value: number, base: number | null): number {
  return base ? Math.round(value / base) * base : value;
}

/** A mean or other figure about people: published only from at least `threshold` of them. */
export function publishFigure(
  figure: number | null,
  people: number,
  rules: DisclosureRules = DEFAULT_RULES,
): number | null {
  return people >= rules.threshold && figure !== null && Number.isFinite(figure) ? figure : null;
}
