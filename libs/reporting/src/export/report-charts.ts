import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Charts drawn on the server: a Vega-Lite spec compiled to Vega and rendered headless to SVG
 * (no canvas, no browser, no script in the page). Only published figures go in: a suppressed
 * value is left out of the data, and the caption beside the chart says how many were.
 */
export async function svgOf(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    // One image to assistive technology, named by the spec's description (the figure's
    // caption and the table beside it give the figures themselves).
    const label = (spec.description ?? 'Chart').replace(/[&<>"']/g, '');
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${label}" `);
  } finally {
    view.finalize();
  }
}

const BASE = {
  $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
  config: {
    font: 'Helvetica, Arial, sans-serif',
    axis: {
      labelFontSize: 14,
      titleFontSize: 14,
      labelColor: '#1a1a1a',
      titleColor: '#1a1a1a',
      labelLimit: 260,
    },
    legend: { labelFontSize: 14, titleFontSize: 14, labelColor: '#1a1a1a', titleColor: '#1a1a1a' },
    view: { stroke: null },
  },
} as const;

/** Attendances and participants month by month (colour-blind-safe blue and orange). */
export function overTimeSpec(
  points: { month: string; measure: string; value: number }[],
): TopLevelSpec {
  return {
    ...BASE,
    description: 'Attendances and participants by month',
    width: 560,
    height: 220,
    data: { values: points },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'month', type: 'ordinal', title: 'Month', axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: 'People / visits' },
      color: {
        field: 'measure',
        type: 'nominal',
        title: null,
        scale: { range: ['#0b5cad', '#b35900'] },
      },
    },
  };
}

/** Participants by ward, most first. */
export function reachSpec(wards: { ward: string; participants: number }[]): TopLevelSpec {
  return {
    ...BASE,
    description: 'Participants by ward',
    width: 480,
    height: { step: 22 },
    data: { values: wards },
    mark: { type: 'bar', color: '#0b5cad' },
    encoding: {
      y: { field: 'ward', type: 'nominal', sort: '-x', title: null },
      x: { field: 'participants', type: 'quantitative', title: 'Participants' },
    },
  };
}

/** Mean change with its 95% interval for each measure, against no change. */
export function changeSpec(
  measures: { measure: string; meanChange: number; ciLow: number; ciHigh: number }[],
): TopLevelSpec {
  return {
    ...BASE,
    description: 'Mean change with 95% confidence intervals by measure',
    width: 480,
    height: { step: 26 },
    data: { values: measures },
    layer: [
      {
        mark: { type: 'rule', color: '#1a1a1a', strokeWidth: 2 },
        encoding: {
          y: { field: 'measure', type: 'nominal', title: null },
          x: { field: 'ciLow', type: 'quantitative', title: 'Mean change (95% CI)' },
          x2: { field: 'ciHigh' },
        },
      },
      {
        mark: { type: 'point', filled: true, size: 70, color: '#0b5cad' },
        encoding: {
          y: { field: 'measure', type: 'nominal' },
          x: { field: 'meanChange', type: 'quantitative' },
        },
      },
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#595959' },
        encoding: { x: { field: 'zero', type: 'quantitative' } },
      },
    ],
  };
}
