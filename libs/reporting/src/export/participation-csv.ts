import { stringify } from 'csv-stringify/sync';
import { londonDate } from '@kith/platform';
import type { PublishedCount } from '../disclosure';
import { PARTICIPATION_COUNTS } from '../participation/participation.service';
import type {
  ParticipationRowView,
  ParticipationView,
} from '../participation/participation.service';
import { SUPPRESSED_MARK } from './outcomes-csv';

const count = (c: PublishedCount) =>
  c.suppressed ? SUPPRESSED_MARK : c.value === null ? '' : String(c.value);
const figure = (v: number | null) => (v === null ? SUPPRESSED_MARK : String(Number(v.toFixed(2))));
const snake = (name: string) => name.replace(/[0-9]+|[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/** A name a spreadsheet would run as a formula (=, +, -, @, tab, return) is kept as text. */
const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

function line(label: string, r: ParticipationRowView): string[] {
  return [
    label,
    r.month ?? '',
    r.ward?.code ?? (r.outsideWards ? 'outside wards' : ''),
    text(r.ward?.name ?? ''),
    text(r.interest?.slug ?? ''),
    count(r.sessionsHeld),
    ...PARTICIPATION_COUNTS.map((c) => count(r[c])),
    count(r.helperMinutes),
    figure(r.medianDaysToFirstActivity),
    figure(r.medianHoursToHelper),
  ];
}

/**
 * The participation report as CSV (RFC 4180 through csv-stringify): a line per row of the
 * grouping and one for the period's totals, then participants by age band, by deprivation
 * decile and by each equality monitoring question. Suppressed cells "[c]"; a figure that does not apply (help by interest) is empty.
 */
export function participationCsv(view: ParticipationView): string {
  const header = [
    'row',
    'month',
    'ward_code',
    'ward_name',
    'interest',
    'sessions_held',
    ...PARTICIPATION_COUNTS.map(snake),
    'helper_minutes',
    'median_days_to_first_activity',
    'median_hours_to_helper',
  ];
  const rows: string[][] = [
    header,
    ...view.rows.map((r) => line('row', r)),
    line('total', view.totals),
    [],
    view.whoTakesPart
      ? [
          'who_takes_part',
          londonDate(view.whoTakesPart.from),
          // The quarter's last day (its end is the next day's first instant).
          londonDate(new Date(view.whoTakesPart.to.getTime() - 12 * 3600_000)),
        ]
      : ['who_takes_part', 'the period holds no whole quarter'],
    ['age_band', 'participants'],
    ...view.ageBands.map((a) => [a.category, count(a.people)]),
  ];
  if (view.deprivation)
    rows.push(
      [],
      [`imd_decile (${view.deprivation.version})`, 'participants'],
      ...view.deprivation.deciles.map((d) => [d.category, count(d.people)]),
    );
  for (const reach of view.equality)
    rows.push(
      [],
      [snake(reach.key), 'participants'],
      ...reach.categories.map((c) => [c.category, count(c.people)]),
    );
  const title = `Kith participation, ${view.area.name} (${view.area.code}), ${londonDate(view.from)} to ${londonDate(view.to)}, by ${view.groupBy.join(' and ').toLowerCase() || 'nothing'}; counts perturbed (cell-key method), under ${view.threshold} suppressed (${SUPPRESSED_MARK})`;
  return stringify([[title], ...rows], { record_delimiter: 'windows' });
}
