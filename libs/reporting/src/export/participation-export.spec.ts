import type { PublishedCount } from '../disclosure';
import { PARTICIPATION_COUNTS } from '../participation/participation.service';
import type {
  ParticipationRowView,
  ParticipationView,
} from '../participation/participation.service';
import { participationCsv } from './participation-csv';
import { escapeHtml, participationHtml } from './report-html';

const shown = (value: number): PublishedCount => ({ value, suppressed: false });
const HIDDEN: PublishedCount = { value: null, suppressed: true };

function row(
  month: string | null,
  attendances: PublishedCount,
  ward?: string,
): ParticipationRowView {
  return {
    month,
    ward: ward
      ? { id: ward, code: `E05${ward}`, name: `<b>${ward}</b>`, kind: 'ward', parentId: null }
      : null,
    outsideWards: false,
    interest: null,
    sessionsHeld: shown(4),
    ...(Object.fromEntries(PARTICIPATION_COUNTS.map((c) => [c, shown(12)])) as Record<
      (typeof PARTICIPATION_COUNTS)[number],
      PublishedCount
    >),
    attendances,
    helperMinutes: HIDDEN,
    medianDaysToFirstActivity: 3.5,
    medianHoursToHelper: null,
  };
}

const view = (
  rows: ParticipationRowView[],
  groupBy: ParticipationView['groupBy'],
): ParticipationView => ({
  area: { id: 'a', code: 'K09000001', name: 'Riverside & "Co"', kind: 'borough', parentId: null },
  from: new Date('2026-05-31T23:00:00Z'),
  to: new Date('2026-08-01T00:00:00Z'),
  threshold: 10,
  groupBy,
  rows,
  totals: row(null, shown(40)),
  whoTakesPart: { from: new Date('2026-06-30T23:00:00Z'), to: new Date('2026-09-30T23:00:00Z') },
  ageBands: [
    { category: '65-74', label: '65-74', people: HIDDEN },
    { category: 'not given', label: 'Not given', people: shown(30) },
  ],
  deprivation: null,
  equality: [
    {
      key: 'disability',
      characteristic: 'Disability',
      categories: [
        { category: 'yes', label: 'Yes', people: shown(12) },
        { category: 'no', label: 'No', people: HIDDEN },
        { category: 'prefer-not-to-say', label: 'Prefer not to say', people: HIDDEN },
        { category: 'not given', label: 'Not given', people: shown(20) },
      ],
    },
  ],
});

describe('the participation report as files', () => {
  const byMonth = view([row('2026-06', shown(28)), row('2026-07', HIDDEN)], ['MONTH']);

  it('gives CSV lines per row, the totals and age bands, suppressed cells [c], London dates', () => {
    const csv = participationCsv(byMonth);
    const lines = csv.split('\r\n');
    expect(lines[0]).toContain(
      'Riverside & ""Co"" (K09000001), 2026-06-01 to 2026-08-01, by month',
    );
    expect(lines[1]).toContain('returned_within_30_days,reached_3_months,active_at_3_months');
    expect(lines[2].startsWith('row,2026-06,,,,4,28,12,')).toBe(true);
    expect(lines[3].startsWith('row,2026-07,,,,4,[c],12,')).toBe(true);
    expect(lines[4].startsWith('total,,,,,4,40,')).toBe(true);
    expect(lines).toContain('65-74,[c]');
    expect(lines).toContain('not given,30');
    // Each equality monitoring question: its answers by slug, hidden ones [c].
    const disability = lines.indexOf('disability,participants');
    expect(lines.slice(disability + 1, disability + 5)).toEqual([
      'yes,12',
      'no,[c]',
      'prefer-not-to-say,[c]',
      'not given,20',
    ]);
  });

  it('gives a page with its charts as SVG, names escaped, and no script', async () => {
    const south = { ...row(null, HIDDEN, 'South'), participants: HIDDEN };
    const outside = { ...row(null, HIDDEN), outsideWards: true, participants: HIDDEN };
    const byWard = view([row(null, shown(20), 'North'), south, outside], ['WARD']);
    const html = await participationHtml(byMonth, byWard);
    expect(html).not.toContain('<script');
    expect(html.match(/<svg role="img" aria-label="[^"]+"/g)).toHaveLength(2);
    expect(html).toContain('Riverside &amp; &quot;Co&quot;');
    expect(html).toContain('&lt;b&gt;North&lt;/b&gt;');
    expect(html).not.toContain('<b>North</b>');
    // The hidden ward and the hidden row of those living outside every ward, told apart.
    expect(html).toContain(
      '1 ward and people living outside the wards not shown (too few people to show safely)',
    );
    expect(html).toContain('<caption>Participants by disability</caption>');
    expect(html).toContain('<th scope="row">Prefer not to say</th>');
    // Age bands by their labels, as every other table (the CSV keeps the stable category).
    expect(html).toContain('<th scope="row">Not given</th>');
    expect(html).not.toContain('<th scope="row">not given</th>');
    expect(escapeHtml(`<a href="x">'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&lt;/a&gt;');
  });
});
