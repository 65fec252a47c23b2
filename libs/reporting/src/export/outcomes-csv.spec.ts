import { parse } from 'csv-parse/sync';
import { outcomesCsv } from './outcomes-csv';

describe('the outcomes CSV', () => {
  it('is RFC 4180 (CRLF, quoted where needed), marks suppressed cells, and parses back', () => {
    const hidden = { value: null, suppressed: true };
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
