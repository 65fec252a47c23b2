import { stringify } from 'csv-stringify/sync';
import { londonDate } from '@kith/platform';
import type { PublishedCount } from '../disclosure';
import type { OutcomesView } from '../outcomes.service';

/** How a suppressed cell reads in a published table (the ONS's mark for "confidential"). */
export const SUPPRESSED_MARK = '[c]';

const count = (c: PublishedCount) => (c.suppressed ? SUPPRESSED_MARK : String(c.value));
const figure = (v: number | null) => (v === null ? SUPPRESSED_MARK : String(Number(v.toFixed(4))));

/**
 * The outcomes report as CSV (RFC 4180: CRLF line ends, quoted where needed, through
 * csv-stringify): a line per measure, then the isolation rate by month; suppressed cells "[c]".
 */
export function outcomesCsv(view: OutcomesView): string {
  const rows: string[][] = [
    [
      'measure',
      'baselines',
      'completers',
      'completion_rate',
      'mean_change',
      'ci_low',
      'ci_high',
      'effect_size_dz',
      'improved',
      'unchanged',
      'worse',
    ],
    ...view.rows.map((r) => [
      r.measure,
      count(r.baselines),
      count(r.completers),
      figure(r.completionRate),
      figure(r.meanChange),
      figure(r.ciLow),
      figure(r.ciHigh),
      figure(r.effectSize),
      count(r.improved),
      count(r.unchanged),
      count(r.worse),
    ]),
    [],
    ['month', 'members', 'isolated', 'isolated_share'],
    ...view.isolation.map((m) => [
      m.month,
      count(m.members),
      count(m.isolated),
      figure(m.isolatedShare),
    ]),
  ];
  const title = `Kith outcomes, ${view.area.name} (${view.area.code}), ${londonDate(view.from)} to ${londonDate(view.to)}; counts perturbed (cell-key method), under ${view.threshold} suppressed (${SUPPRESSED_MARK})`;
  return stringify([[title], ...rows], { record_delimiter: 'windows' });
}
