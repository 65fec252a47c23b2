import { escapeHtml, londonDate } from '@kith/platform';
import type { PublishedCount } from '../disclosure';
import type { OutcomesView } from '../outcomes.service';
import type { ParticipationView } from '../participation/participation.service';
import { SUPPRESSED_MARK } from './outcomes-csv';
import { changeSpec, overTimeSpec, reachSpec, svgOf } from './report-charts';

export { escapeHtml };

const count = (c: PublishedCount) =>
  c.suppressed
    ? `<abbr title="suppressed: a small number">${SUPPRESSED_MARK}</abbr>`
    : c.value === null
      ? '–'
      : c.value.toLocaleString('en-GB');
const figure = (v: number | null, digits = 2) =>
  v === null
    ? `<abbr title="not published: from fewer people than the threshold">${SUPPRESSED_MARK}</abbr>`
    : v.toFixed(digits);
const day = londonDate;
/** A month ("2026-06") as a cell that never breaks at its hyphen. */
const monthCell = (month: string) =>
  `<time datetime="${escapeHtml(month)}">${escapeHtml(month)}</time>`;
/** A confidence interval on one line: "-0.60 to -0.11" read across, not down. */
const interval = (low: number, high: number) =>
  `<span class="together">${low.toFixed(2)} to ${high.toFixed(2)}</span>`;

function table(caption: string, head: string[], rows: string[][]): string {
  return `<table><caption>${escapeHtml(caption)}</caption>
<thead><tr>${head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>
<tbody>${rows
    .map(
      (r) =>
        `<tr><th scope="row">${r[0]}</th>${r
          .slice(1)
          .map((c) => `<td>${c}</td>`)
          .join('')}</tr>`,
    )
    .join('\n')}</tbody></table>`;
}

function figureBlock(svg: string, caption: string): string {
  return `<figure><div class="chart">${svg}</div><figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

const STYLE = `
  body { font: 16px/1.5 Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
  main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
  h1 { font-size: 1.6rem; margin: 0 0 .25rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
  p.meta { color: #404040; margin-top: 0; }
  table { border-collapse: collapse; margin: 1rem 0; font-size: .9rem; }
  caption { text-align: left; font-weight: bold; padding: .25rem 0; }
  th, td { border: 1px solid #8c8c8c; padding: .25rem .5rem; text-align: right; }
  th[scope="row"], thead th:first-child { text-align: left; }
  time, .together { white-space: nowrap; }
  thead th { background: #f0f0f0; }
  abbr { text-decoration: none; }
  figure { margin: 1rem 0; } figcaption { color: #404040; font-size: .9rem; }
  .chart svg { max-width: 100%; height: auto; }
  @media print, (max-width: 48rem) { th, td { padding: .25rem .3rem; } }
  @media print {
    main { max-width: none; padding: 0; }
    section, figure, table { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }`;

function page(title: string, meta: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(meta)}</p>
${body}
</main>
</body>
</html>
`;
}

function metaOf(v: { area: { code: string }; from: Date; to: Date; threshold: number }): string {
  return `Area ${v.area.code}, ${day(v.from)} to ${day(v.to)} (whole months, London time). Every count is a sum of small cells, each changed by a few so that no report, set against another, tells about a person (the ONS's cell-key method); counts under ${v.threshold} are suppressed (${SUPPRESSED_MARK}); averages come from at least ${v.threshold} people. Members are counted where they lived at the start of each month. No person can be seen here.`;
}

/**
 * The participation report as a page a commissioner can read or print: participation over
 * time and reach by ward as charts (SVG drawn on the server), with the tables they come from.
 */
export async function participationHtml(
  byMonth: ParticipationView,
  byWard: ParticipationView,
): Promise<string> {
  const points = byMonth.rows.flatMap((r) =>
    [
      { measure: 'Attendances', c: r.attendances },
      { measure: 'Participants', c: r.participants },
    ].flatMap(({ measure, c }) =>
      c.value === null ? [] : [{ month: r.month ?? '', measure, value: c.value }],
    ),
  );
  const wards = byWard.rows.flatMap((r) =>
    r.participants.value === null
      ? []
      : [{ ward: r.ward?.name ?? 'Outside the wards', participants: r.participants.value }],
  );
  const hidden = byWard.rows.filter((r) => r.participants.suppressed);
  const hiddenWards = hidden.filter((r) => r.ward).length;
  const hiddenParts = [
    ...(hiddenWards > 0 ? [`${hiddenWards} ward${hiddenWards === 1 ? '' : 's'}`] : []),
    ...(hidden.some((r) => !r.ward) ? ['people living outside the wards'] : []),
  ];
  const [overTime, reach] = await Promise.all([
    svgOf(overTimeSpec(points)),
    svgOf(reachSpec(wards)),
  ]);
  const t = byMonth.totals;
  const head = [
    '',
    'Sessions held',
    'Attendances',
    'Participants',
    'New members',
    'First-timers',
    'Came back within 30 days',
    'Active in month 3',
    'Help fulfilled',
  ];
  const cells = (r: typeof t) => [
    count(r.sessionsHeld),
    count(r.attendances),
    count(r.participants),
    count(r.newMembers),
    count(r.firstTimers),
    count(r.returnedWithin30Days),
    count(r.activeAt3Months),
    count(r.helpFulfilled),
  ];
  const body = `
<section aria-labelledby="totals">
<h2 id="totals">The period</h2>
${table(
  'The whole period (each person counted once)',
  ['Measure', 'Value'],
  [
    ['Sessions held', count(t.sessionsHeld)],
    ['Attendances', count(t.attendances)],
    ['Participants', count(t.participants)],
    ['New members', count(t.newMembers)],
    [
      'First-timers who came back within 30 days',
      `${count(t.returnedWithin30Days)} of ${count(t.firstTimers)}`,
    ],
    [
      'New members still coming in their third month',
      `${count(t.activeAt3Months)} of ${count(t.reached3Months)}`,
    ],
    [
      'New members still coming in their sixth month',
      `${count(t.activeAt6Months)} of ${count(t.reached6Months)}`,
    ],
    ['Median days from joining to a first activity', figure(t.medianDaysToFirstActivity, 1)],
    ['Help requests fulfilled', count(t.helpFulfilled)],
    ['Minutes of help given', count(t.helperMinutes)],
    ['Median hours to a helper', figure(t.medianHoursToHelper, 1)],
  ],
)}
</section>
<section aria-labelledby="over-time">
<h2 id="over-time">Participation over time</h2>
${figureBlock(overTime, 'Attendances and distinct participants each month; a suppressed month is left out of the line.')}
${table(
  'By month',
  ['Month', ...head.slice(1)],
  byMonth.rows.map((r) => [monthCell(r.month ?? ''), ...cells(r)]),
)}
</section>
<section aria-labelledby="reach">
<h2 id="reach">Reach by ward</h2>
${figureBlock(reach, `Distinct participants by the ward they live in${hiddenParts.length > 0 ? `; ${hiddenParts.join(' and ')} not shown (too few people to show safely)` : ''}.`)}
${table(
  'By ward',
  ['Ward', ...head.slice(1)],
  byWard.rows.map((r) => [escapeHtml(r.ward?.name ?? 'Outside the wards'), ...cells(r)]),
)}
</section>
<section aria-labelledby="who">
<h2 id="who">Who takes part</h2>
${whoTakesPart(byMonth)}
</section>`;
  return page(`Kith participation: ${byMonth.area.name}`, metaOf(byMonth), body);
}

/**
 * Who takes part, for the one quarter the report tells it for (the same in every report): age
 * bands, deciles and each equality monitoring question.
 */
function whoTakesPart(view: ParticipationView): string {
  const quarter = view.whoTakesPart;
  if (!quarter)
    return '<p>Who takes part is told for whole calendar quarters, and this period holds none.</p>';
  const month = (at: Date) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      month: 'long',
      year: 'numeric',
    }).format(at);
  const last = new Date(quarter.to.getTime() - 24 * 3600_000);
  return `<p>For ${escapeHtml(month(quarter.from))} to ${escapeHtml(month(last))}: the last whole quarter of the period, told the same in every report, so that no two reports can be set against each other to tell one person's answers.</p>
${table(
  'Participants by the age band they chose to give',
  ['Age band', 'Participants'],
  view.ageBands.map((a) => [escapeHtml(a.label), count(a.people)]),
)}
${
  view.deprivation
    ? table(
        `Participants by deprivation decile of where they live (${view.deprivation.version}; 1 is the most deprived tenth)`,
        ['Decile', 'Participants'],
        view.deprivation.deciles.map((d) => [escapeHtml(d.label), count(d.people)]),
      )
    : '<p>No release of the Indices of Deprivation has been imported, so reach by deprivation is not shown.</p>'
}
<p>Equality monitoring: each question is optional, and "Not given" counts those who have not answered it.</p>
${view.equality
  .map((reach) =>
    table(
      `Participants by ${reach.characteristic.toLowerCase()}`,
      [reach.characteristic, 'Participants'],
      reach.categories.map((c) => [escapeHtml(c.label), count(c.people)]),
    ),
  )
  .join('\n')}`;
}

/** What the change chart leaves out, said only when it leaves something out. */
function notCharted(n: number): string {
  if (n === 0) return '';
  return ` ${n === 1 ? 'One measure has' : `${n} measures have`} too few completers to show.`;
}

/** The outcomes report as a page: change with its confidence interval as a chart, and the table. */
export async function outcomesHtml(view: OutcomesView): Promise<string> {
  const shown = view.rows.flatMap((r) =>
    r.meanChange === null || r.ciLow === null || r.ciHigh === null
      ? []
      : [{ measure: r.measure, meanChange: r.meanChange, ciLow: r.ciLow, ciHigh: r.ciHigh }],
  );
  const change = await svgOf(changeSpec(shown));
  const body = `
<section aria-labelledby="change">
<h2 id="change">Change among members with a baseline and a review three months on</h2>
${figureBlock(change, `Mean change with its 95% confidence interval.${notCharted(view.rows.length - shown.length)} For UCLA-3, lower is less lonely.`)}
${table(
  'By measure',
  [
    'Measure',
    'Completers',
    'Completion rate',
    'Mean change',
    '95% CI',
    'd_z',
    'Reliably improved',
    'Unchanged',
    'Reliably worse',
  ],
  view.rows.map((r) => [
    escapeHtml(r.measure),
    count(r.completers),
    r.completionRate === null ? figure(null) : `${Math.round(r.completionRate * 100)}%`,
    figure(r.meanChange),
    r.ciLow === null || r.ciHigh === null ? figure(null) : interval(r.ciLow, r.ciHigh),
    figure(r.effectSize),
    count(r.improved),
    count(r.unchanged),
    count(r.worse),
  ]),
)}
</section>
<section aria-labelledby="isolation">
<h2 id="isolation">Isolation over time</h2>
${table(
  'Members with no active ties, by month',
  ['Month', 'Members', 'Isolated', 'Share'],
  view.isolation.map((m) => [
    monthCell(m.month),
    count(m.members),
    count(m.isolated),
    m.isolatedShare === null ? figure(null) : `${Math.round(m.isolatedShare * 100)}%`,
  ]),
)}
</section>`;
  return page(`Kith outcomes: ${view.area.name}`, metaOf(view), body);
}
