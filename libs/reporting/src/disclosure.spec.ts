import fc from 'fast-check';
import { DEFAULT_RULES, exposedCells, publishFigure, suppressCounts } from './disclosure';
import type { PublishedTable } from './disclosure';
import { determined } from '../../../test/support/linear';

/** The published table laid out with its margins, as a reader sees it (null where hidden). */
function asGrid(t: PublishedTable): (number | null)[][] {
  return [
    ...t.cells.map((row, r) => [...row.map((c) => c.value), t.rowTotals[r].value]),
    [...t.columnTotals.map((c) => c.value), t.total.value],
  ];
}

/** The true table with its margins. */
function truth(cells: number[][]): number[][] {
  const grid = cells.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  return [...grid, grid[0].map((_, c) => grid.reduce((sum, row) => sum + row[c], 0))];
}

/**
 * Another table, not the true one, that every published figure also fits: the hidden cell at
 * (r, c) changed by +1 and others around a cycle of hidden cells by ∓1, every line relation
 * kept. Found by a search of its own (breadth first), not by the code under test.
 */
function alternative(published: (number | null)[][], values: number[][], r: number, c: number) {
  const rows = published.length;
  const hidden = (rr: number, cc: number) => published[rr][cc] === null;
  // Nodes: rows 0..rows-1, columns rows..; a path from column c to row r not using (r, c).
  const start = rows + c;
  const previous = new Map<number, [number, number, number]>([[start, [-1, -1, -1]]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const neighbours: [number, number, number][] = [];
    if (node >= rows) {
      const cc = node - rows;
      for (let rr = 0; rr < rows; rr += 1)
        if (hidden(rr, cc) && !(rr === r && cc === c)) neighbours.push([rr, rr, cc]);
    } else {
      for (let cc = 0; cc < published[0].length; cc += 1)
        if (hidden(node, cc) && !(node === r && cc === c)) neighbours.push([rows + cc, node, cc]);
    }
    for (const [next, er, ec] of neighbours)
      if (!previous.has(next)) {
        previous.set(next, [node, er, ec]);
        queue.push(next);
      }
  }
  if (!previous.has(r)) return undefined;
  const other = values.map((row) => [...row]);
  // A line relation: inner cells minus the margin. In the extended grid every line's cells
  // alternate with the cycle: +δ at (r, c), then -δ, +δ … along the path back.
  const sign = (rr: number, cc: number) =>
    (rr === rows - 1 ? -1 : 1) * (cc === published[0].length - 1 ? -1 : 1);
  let delta = 0.5;
  other[r][c] += delta * sign(r, c);
  for (let node = r; node !== start;) {
    const [from, er, ec] = previous.get(node)!;
    delta = -delta;
    other[er][ec] += delta * sign(er, ec);
    node = from;
  }
  return other;
}

/** Every line relation of the extended grid holds. */
function consistent(grid: number[][]): boolean {
  const rows = grid.length - 1;
  const columns = grid[0].length - 1;
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  for (let r = 0; r <= rows; r += 1)
    if (
      !near(
        grid[r].slice(0, columns).reduce((a, b) => a + b, 0),
        grid[r][columns],
      )
    )
      return false;
  for (let c = 0; c <= columns; c += 1)
    if (
      !near(
        grid.slice(0, rows).reduce((a, row) => a + row[c], 0),
        grid[rows][c],
      )
    )
      return false;
  return true;
}

const tables = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, columns]) =>
    fc.array(fc.array(fc.nat({ max: 40 }), { minLength: columns, maxLength: columns }), {
      minLength: rows,
      maxLength: rows,
    }),
  );

describe('disclosure control', () => {
  it('hides every count under the threshold (zeros too), and publishes the rest exactly', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const published = asGrid(suppressCounts(cells));
        const real = truth(cells);
        real.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v < 10) expect(published[r][c]).toBeNull();
            else if (published[r][c] !== null) expect(published[r][c]).toBe(v);
          }),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('leaves no hidden count that the published figures pin down: each fits another table', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const table = suppressCounts(cells);
        const published = asGrid(table);
        const real = truth(cells);
        published.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null) return;
            const other = alternative(published, real, r, c);
            expect(other).toBeDefined();
            // The other table fits every relation and every published figure, and differs here.
            expect(consistent(other!)).toBe(true);
            published.forEach((prow, pr) =>
              prow.forEach((pv, pc) => {
                if (pv !== null) expect(other![pr][pc]).toBe(pv);
              }),
            );
            expect(other![r][c]).not.toBe(real[r][c]);
          }),
        );
        const hidden = published.map((row) => row.map((v) => v === null));
        expect(exposedCells(hidden)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the margins another report settled, and still leaves no hidden count pinned down', () => {
    fc.assert(
      fc.property(tables, fc.boolean(), fc.boolean(), (cells, rowsAddUp, columnsAddUp) => {
        // The one-way reports of the same counts: by row, and by column.
        const real = truth(cells);
        const rows = cells.length;
        const columns = cells[0].length;
        const oneWay = (values: number[]) =>
          suppressCounts(values.map((v) => [v])).cells.map((c) => c[0].suppressed);
        const byRow = oneWay(real.slice(0, -1).map((row) => row[columns]));
        const byColumn = oneWay(real[rows].slice(0, -1));
        const table = suppressCounts(cells, DEFAULT_RULES, {
          rowsAddUp,
          columnsAddUp,
          rowTotals: byRow,
          columnTotals: byColumn,
        });
        if (rowsAddUp) table.rowTotals.forEach((t, r) => expect(t.suppressed).toBe(byRow[r]));
        if (columnsAddUp)
          table.columnTotals.forEach((t, c) => expect(t.suppressed).toBe(byColumn[c]));
        // What a reader has: each published figure, and the lines that add up.
        const figure = (r: number, c: number) =>
          (r < rows || columnsAddUp) &&
          (c < columns || rowsAddUp) &&
          !(r === rows && c === columns && !(rowsAddUp && columnsAddUp));
        const grid = asGrid(table);
        const at = (r: number, c: number) => r * (columns + 1) + c;
        const known: number[][] = [];
        const unit = (r: number, c: number) => {
          const f = new Array<number>((rows + 1) * (columns + 1)).fill(0);
          f[at(r, c)] = 1;
          return f;
        };
        grid.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== null && figure(r, c)) known.push(unit(r, c));
          }),
        );
        const line = (margin: [number, number], inner: [number, number][]) => {
          const f = new Array<number>((rows + 1) * (columns + 1)).fill(0);
          for (const [r, c] of inner) f[at(r, c)] += 1;
          f[at(...margin)] -= 1;
          known.push(f);
        };
        const span = (n: number) => Array.from({ length: n }, (_, i) => i);
        if (rowsAddUp)
          for (const r of span(rows))
            line(
              [r, columns],
              span(columns).map((c) => [r, c]),
            );
        if (columnsAddUp)
          for (const c of span(columns))
            line(
              [rows, c],
              span(rows).map((r) => [r, c]),
            );
        if (rowsAddUp && columnsAddUp) {
          line(
            [rows, columns],
            span(columns).map((c) => [rows, c]),
          );
          line(
            [rows, columns],
            span(rows).map((r) => [r, columns]),
          );
        }
        // No hidden figure is a combination of what the reader has.
        grid.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null && figure(r, c)) expect(determined(known, unit(r, c))).toBe(false);
          }),
        );
        // And nothing at or over the threshold is hidden when no line adds up.
        if (!rowsAddUp && !columnsAddUp)
          cells.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v >= DEFAULT_RULES.threshold) expect(table.cells[r][c].suppressed).toBe(false);
            }),
          );
      }),
      { numRuns: 500 },
    );
  });

  it('hides nothing more than the small counts along lines that add up to nothing published', () => {
    // Distinct participants by month: one small month alone, the rest shown.
    const byMonth = suppressCounts([[50], [40], [3], [30]], DEFAULT_RULES, {
      columnsAddUp: false,
    });
    expect(byMonth.cells.map((c) => c[0].value)).toEqual([50, 40, null, 30]);
    // Months by ward: every cell big, months settled as published: nothing hidden.
    const both = suppressCounts(
      [
        [50, 50],
        [50, 50],
      ],
      DEFAULT_RULES,
      { rowsAddUp: true, columnsAddUp: false, rowTotals: [false, false], total: false },
    );
    expect(both.cells.flat().every((c) => !c.suppressed)).toBe(true);
  });

  it('hides no more than it must beside a total another report publishes', () => {
    // Wards of a borough whose total the report by month publishes too: the small ward and the
    // smallest other, no more.
    const byWard = suppressCounts([[40], [3], [25], [30]], DEFAULT_RULES, {
      columnTotals: [false],
      total: false,
    });
    expect(byWard.cells.map((c) => c[0].value)).toEqual([40, null, null, 30]);
    expect(byWard.total).toEqual({ value: 98, suppressed: false });
  });

  it('never lets a published total tell that the hidden cells beside it add up to a small number', () => {
    fc.assert(
      fc.property(tables, (cells) => {
        const published = asGrid(suppressCounts(cells));
        const real = truth(cells);
        const lines = [
          ...real.map((row, r) => row.map((_, c) => [r, c])),
          ...real[0].map((_, c) => real.map((_, r) => [r, c])),
        ];
        for (const line of lines) {
          const [mr, mc] = line[line.length - 1];
          if (published[mr][mc] === null) continue;
          const hidden = line.slice(0, -1).filter(([r, c]) => published[r][c] === null);
          if (hidden.length === 0) continue;
          expect(hidden.reduce((sum, [r, c]) => sum + real[r][c], 0)).toBeGreaterThanOrEqual(10);
        }
      }),
      { numRuns: 500 },
    );
    // Two zeros beside a published 15 and a published total would be two zeros.
    const zeros = suppressCounts([[0, 15, 0]]);
    expect(zeros.cells[0].every((c) => c.suppressed)).toBe(true);
  });

  it('keeps a planted ward of 3 out of reach of every total and difference', () => {
    // Five wards by four months; Riverside Gardens had 3 people in all, in one month.
    const cells = [
      [25, 31, 28, 40],
      [12, 18, 22, 15],
      [0, 3, 0, 0],
      [44, 39, 51, 47],
      [16, 11, 19, 24],
    ];
    const table = suppressCounts(cells);
    expect(table.rowTotals[2]).toEqual({ value: null, suppressed: true });
    expect(table.cells[2].every((c) => c.suppressed)).toBe(true);
    // The month's total less the other wards' published counts would give 3: at least one of
    // those is hidden as well, in that month and in the ward's own line.
    const month = 1;
    const others = [0, 1, 3, 4].map((r) => table.cells[r][month]);
    expect(table.columnTotals[month].suppressed || others.some((c) => c.suppressed)).toBe(true);
    expect(exposedCells(asGrid(table).map((row) => row.map((v) => v === null)))).toEqual([]);
  });

  it('rounds what it publishes to base 5 when asked, and publishes means only from 10 people', () => {
    const table = suppressCounts([[12, 23]], { ...DEFAULT_RULES, roundTo: 5 });
    expect(table.cells[0].map((c) => c.value)).toEqual([10, 25]);
    expect(table.total.value).toBe(35);
    expect(publishFigure(1.25, 9)).toBeNull();
    expect(publishFigure(1.25, 10)).toBe(1.25);
    expect(publishFigure(Number.NaN, 50)).toBeNull();
  });

  it('refuses what is not a table of counts', () => {
    expect(() => suppressCounts([[1.5]])).toThrow(/whole number/);
    expect(() => suppressCounts([[1, 2], [3]])).toThrow(/as many cells/);
  });
});
