import { REPORT_LINK_MS, signReportLink, verifyReportLink } from './report-link';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const request = {
  kind: 'outcomes' as const,
  format: 'csv' as const,
  areaId: '7d3c8b1e-2f7a-4a55-9d8e-0b6f3e2a1c44',
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  by: '0e5f4c3b-1a2d-4e6f-8a9b-7c6d5e4f3a21',
  groupBy: [] as string[],
};
const now = new Date('2026-12-01T12:00:00Z');
const queryOf = (link: string) =>
  Object.fromEntries(new URL(link, 'http://kith.test').searchParams.entries());

describe('a report link', () => {
  it('gives back what it was signed for, for 15 minutes', () => {
    const link = signReportLink(request, secret, now);
    expect(link.startsWith('/reports/outcomes.csv?')).toBe(true);
    expect(verifyReportLink('outcomes', 'csv', queryOf(link), secret, now)).toEqual(request);
    const later = new Date(now.getTime() + REPORT_LINK_MS - 1000);
    expect(verifyReportLink('outcomes', 'csv', queryOf(link), secret, later)).toEqual(request);
  });

  it('refuses a link altered in any part, signed with another secret, or too old', () => {
    const query = queryOf(signReportLink(request, secret, now));
    const refused = (
      q: Record<string, string>,
      kind: 'outcomes' | 'participation' = 'outcomes',
      at = now,
    ) =>
      expect(() => verifyReportLink(kind, 'csv', q, secret, at)).toThrow(/expired or was altered/);
    refused({ ...query, areaId: '00000000-0000-4000-8000-000000000000' });
    refused({ ...query, from: '2025-01-01T00:00:00.000Z' });
    refused({ ...query, by: '11111111-1111-4111-8111-111111111111' });
    refused({ ...query, expires: String(Number(query.expires) + 3600) });
    refused({ ...query, sig: '' });
    refused(query, 'participation');
    // What a participation report is grouped by is signed too.
    const byWard = queryOf(
      signReportLink({ ...request, kind: 'participation', groupBy: ['WARD'] }, secret, now),
    );
    expect(verifyReportLink('participation', 'csv', byWard, secret, now).groupBy).toEqual(['WARD']);
    refused({ ...byWard, groupBy: 'MONTH' }, 'participation');
    refused({ ...query, groupBy: 'WARD' });
    refused(query, 'outcomes', new Date(now.getTime() + REPORT_LINK_MS + 1000));
    expect(() => verifyReportLink('outcomes', 'csv', query, `${secret}!`, now)).toThrow(
      /expired or was altered/,
    );
  });
});
