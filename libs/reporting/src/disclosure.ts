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
 * left to this table. `rowsAddUp` / `columnsAddUp` false: a row's (a column's) cells do not add
 * up to anything published (distinct people over months), so that line is no relation at all.
 */
export interface SettledMargins {
  rowTotals?: readonly (boolean | undefined)[];
  columnTotals?: readonly (boolean | undefined)[];
  total?: boolean;
  rowsAddUp?: boolean;
  columnsAddUp?: boolean;
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
 * a column with its total) that adds up is one linear relation a reader can use.
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
 * Which lines of the extended grid are relations, and which of its cells are figures at all:
 * a row total only where rows add up, a column total only where columns do, the grand total
 * only where both do.
 */
export interface Relations {
  rowsAddUp: boolean;
  columnsAddUp: boolean;
}

const ALL_ADD_UP: Relations = { rowsAddUp: true, columnsAddUp: true };

function lineIsRelation(kind: 'row' | 'column', index: number, size: number, rel: Relations) {
  const both = rel.rowsAddUp && rel.columnsAddUp;
  return kind === 'row'
    ? index < size
      ? rel.rowsAddUp
      : both
    : index < size
      ? rel.columnsAddUp
      : both;
}

function isFigure(r: number, c: number, rows: number, columns: number, rel: Relations): boolean {
  if (r < rows && c < columns) return true;
  if (r < rows) return rel.rowsAddUp;
  if (c < columns) return rel.columnsAddUp;
  return rel.rowsAddUp && rel.columnsAddUp;
}

/**
 * The cells to choose from to hide one more, for the first relation line whose total is
 * published and whose hidden cells add up to a small number; its published cells, or its total
 * when none is left (nothing, when its total is settled published elsewhere).
 */
function weakLine(
  grid: readonly (readonly number[])[],
  hidden: readonly (readonly boolean[])[],
  rules: DisclosureRules,
  fixed: (r: number, c: number) => boolean,
  rel: Relations,
): [number, number][] | undefined {
  const rows = grid.length - 1;
  const columns = grid[0].length - 1;
  const lines: [number, number][][] = [
    ...grid
      .map((row, r) => row.map((_, c) => [r, c] as [number, number]))
      .filter((_, r) => lineIsRelation('row', r, rows, rel)),
    ...grid[0]
      .map((_, c) => grid.map((_, r) => [r, c] as [number, number]))
      .filter((_, c) => lineIsRelation('column', c, columns, rel)),
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
 * cycle (a bridge of the bipartite graph of rows and columns it joins) is exposed. Lines that
 * are no relation (`relations`) take up any change: they are one node, so a cell joining one to
 * a line that is forms a cycle with any other such cell. Tarjan's bridge finding over that
 * graph, rows as nodes 0..R and columns as R+1..R+C+1 (the free node last).
 */
export function exposedCells(
  hidden: readonly (readonly boolean[])[],
  relations: Relations = ALL_ADD_UP,
): [number, number][] {
  const rows = hidden.length;
  const columns = rows === 0 ? 0 : hidden[0].length;
  const nodes = rows + columns + 1;
  const free = nodes - 1;
  const rowNode = (r: number) => (lineIsRelation('row', r, rows - 1, relations) ? r : free);
  const columnNode = (c: number) =>
    lineIsRelation('column', c, columns - 1, relations) ? rows + c : free;
  const edges: { r: number; c: number }[] = [];
  const adjacency: { to: number; edge: number }[][] = Array.from({ length: nodes }, () => []);
  for (let r = 0; r < rows; r += 1)
    for (let c = 0; c < columns; c += 1) {
      if (!hidden[r][c] || !isFigure(r, c, rows - 1, columns - 1, relations)) continue;
      const a = rowNode(r);
      const b = columnNode(c);
      if (a === b) continue; // on no relation at all: nothing tells it
      const edge = edges.push({ r, c }) - 1;
      adjacency[a].push({ to: b, edge });
      adjacency[b].push({ to: a, edge });
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
  const rel: Relations = {
    rowsAddUp: settled.rowsAddUp ?? true,
    columnsAddUp: settled.columnsAddUp ?? true,
  };
  const grid = extend(cells);
  const figure = (r: number, c: number) => isFigure(r, c, rows, columns, rel);
  const settledAt = (r: number, c: number): boolean | undefined =>
    r === rows && c === columns
      ? settled.total
      : c === columns
        ? settled.rowTotals?.[r]
        : r === rows
          ? settled.columnTotals?.[c]
          : undefined;
  /** Published in another report (or no figure at all): not hidden here. */
  const fixed = (r: number, c: number) => settledAt(r, c) === false || !figure(r, c);
  // A total that is no figure is never published: hidden, but on no relation.
  const hidden = grid.map((row, r) =>
    row.map((v, c) => (figure(r, c) ? (settledAt(r, c) ?? isSmall(v, rules)) : true)),
  );
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
    const exposed = exposedCells(hidden, rel);
    if (exposed.length > 0) {
      const [r, c] = exposed[0];
      const inRow = grid[r]
        .map((_, cc) => [r, cc] as [number, number])
        .filter(([, cc]) => cc !== c && !hidden[r][cc] && !fixed(r, cc));
      const inColumn = grid
        .map((_, rr) => [rr, c] as [number, number])
        .filter(([rr]) => rr !== r && !hidden[rr][c] && !fixed(rr, c));
      // From its row, else its column; for a column's total, from that column (its row is
      // the other totals); never along a line that is no relation (that protects nothing).
      const rowUseful = lineIsRelation('row', r, rows, rel);
      const columnUseful = lineIsRelation('column', c, columns, rel);
      const columnFirst = (r === rows && c !== columns) || !rowUseful;
      const [first, second] = columnFirst ? [inColumn, inRow] : [inRow, inColumn];
      const usable = (line: [number, number][], useful: boolean) => (useful ? line : []);
      const candidates =
        usable(first, columnFirst ? columnUseful : rowUseful).length > 0
          ? first
          : usable(second, columnFirst ? rowUseful : columnUseful);
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
    const weak = weakLine(grid, hidden, rules, fixed, rel);
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
    for (const [r, c] of exposedCells(hidden, rel))
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

/** A published count rounded to a multiple of `base` (5 or 10), or left as it is (null). */
export function roundTo(value: number, base: number | null): number {
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
