import { parse } from 'csv-parse/sync';
import type { OutcomesView } from '../outcomes.service';
import { outcomesCsv } from './outcomes-csv';
import { outcomesHtml } from './report-html';

const hidden = { value: null, suppressed: true };

describe('the outcomes CSV', () => {
  it('is RFC 4180 (CRLF, quoted where needed), marks suppressed cells, and parses back', () => {
    const text = outcomesCsv({
      area: { id: 'a', code: 'K09000001', name: 'Riverside, "Old Town"', kind: 'borough' } as never,
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      threshold: 10,
      rows: [
        {
          measure: 'ucla-3',
          baselines: { value: 15, suppressed: false },
          completers: { value: 12, suppressed: false },
          completionRate: 0.8,
          meanChange: -1.4166666,
          ciLow: -2.2,
          ciHigh: -0.6,
          effectSize: -0.9,
          improved: hidden,
          unchanged: hidden,
          worse: hidden,
        },
      ],
      isolation: [
        {
          month: '2026-11',
          members: { value: 40, suppressed: false },
          isolated: hidden,
          isolatedShare: null,
        },
      ],
    });
    expect(text.split('\r\n').length).toBeGreaterThan(4);
    expect(text).not.toMatch(/[^\r]\n/);
    const rows: string[][] = parse(text, { relax_column_count: true });
    expect(rows[0][0]).toContain('Riverside, "Old Town" (K09000001)');
    expect(rows[1][0]).toBe('measure');
    expect(rows[2]).toEqual([
      'ucla-3',
      '15',
      '12',
      '0.8',
      '-1.4167',
      '-2.2',
      '-0.6',
      '-0.9',
      '[c]',
      '[c]',
      '[c]',
    ]);
    expect(rows[5]).toEqual(['2026-11', '40', '[c]', '[c]']);
  });
});

describe('the outcomes page', () => {
  const measure = (name: string, ci: [number, number] | null): OutcomesView['rows'][number] => ({
    measure: name,
    baselines: { value: 15, suppressed: false },
    completers: { value: ci ? 12 : 4, suppressed: false },
    completionRate: 0.8,
    meanChange: ci ? (ci[0] + ci[1]) / 2 : null,
    ciLow: ci?.[0] ?? null,
    ciHigh: ci?.[1] ?? null,
    effectSize: null,
    improved: hidden,
    unchanged: hidden,
    worse: hidden,
  });
  const page = (rows: OutcomesView['rows']) =>
    outcomesHtml({
      area: { id: 'a', code: 'K09000001', name: 'Riverside', kind: 'borough' } as never,
      from: new Date('2026-01-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
      threshold: 10,
      rows,
      isolation: [{ month: '2026-11', members: hidden, isolated: hidden, isolatedShare: null }],
    });

  it('says how many measures the chart leaves out, only when it leaves some out', async () => {
    const all = await page([measure('ucla-3', [-2.2, -0.6]), measure('ons-direct', [-1, 1])]);
    expect(all).not.toMatch(/too few completers/);
    const one = await page([measure('ucla-3', [-2.2, -0.6]), measure('ons-direct', null)]);
    expect(one).toContain('One measure has too few completers to show.');
    const two = await page([measure('ucla-3', null), measure('ons-direct', null)]);
    expect(two).toContain('2 measures have too few completers to show.');
  });

  it('keeps an interval and a month each on one line', async () => {
    const html = await page([measure('ucla-3', [-2.2, -0.6])]);
    expect(html).toContain('<span class="together">-2.20 to -0.60</span>');
    expect(html).toContain('<th scope="row"><time datetime="2026-11">2026-11</time></th>');
    expect(html).toMatch(/time, \.together \{ white-space: nowrap; \}/);
  });
});
