import { DomainError } from '@kith/platform';
import { parseReportQuery, REPORT_LINK_MS, signReportLink, verifyReportLink } from './report-link';
import type { ReportKind } from './report-link';

const secret = 'a-secret-of-at-least-thirty-two-characters';
const request = {
  kind: 'outcomes' as const,
  format: 'csv' as const,
  areaId: '7d3c8b1e-2f7a-4a55-9d8e-0b6f3e2a1c44',
  from: new Date('2026-01-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  by: '0e5f4c3b-1a2d-4e6f-8a9b-7c6d5e4f3a21',
  session: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  groupBy: [] as string[],
};
const now = new Date('2026-12-01T12:00:00Z');
const queryOf = (link: string) =>
  Object.fromEntries(new URL(link, 'http://kith.test').searchParams.entries());
const fileOf = (link: string) => link.slice('/reports/'.length, link.indexOf('?'));
const verified = (link: string, q = queryOf(link), at = now, key = secret, file = fileOf(link)) => {
  const query = parseReportQuery(file, q);
  return verifyReportLink(query, query.link!, key, at);
};

/** The fields a refusal names, or what else was thrown. */
function refusal(run: () => unknown): { code: string; fields: string[] } | string {
  try {
    run();
    return 'accepted';
  } catch (error) {
    if (!(error instanceof DomainError)) return String(error);
    return { code: error.code, fields: error.fields.map((f) => f.path) };
  }
}

describe('a report link', () => {
  it('gives back what it was signed for, for 15 minutes', () => {
    const link = signReportLink(request, secret, now);
    expect(link.startsWith('/reports/outcomes.csv?')).toBe(true);
    expect(verified(link)).toEqual(request);
    const later = new Date(now.getTime() + REPORT_LINK_MS - 1000);
    expect(verified(link, queryOf(link), later)).toEqual(request);
  });

  it('refuses a link altered in any part, signed with another secret, or too old', () => {
    const link = signReportLink(request, secret, now);
    const query = queryOf(link);
    const refused = (q: Record<string, string>, kind: ReportKind = 'outcomes', at = now) =>
      expect(() => verified(link, q, at, secret, `${kind}.csv`)).toThrow(/expired or was altered/);
    refused({ ...query, areaId: '00000000-0000-4000-8000-000000000000' });
    refused({ ...query, from: '2025-01-01T00:00:00.000Z' });
    refused({ ...query, by: '11111111-1111-4111-8111-111111111111' });
    // Signed by one session, claimed for another: refused before any session is looked up.
    refused({ ...query, sid: '22222222-2222-4222-8222-222222222222' });
    refused({ ...query, expires: String(Number(query.expires) + 3600) });
    refused({ ...query, sig: 'A'.repeat(43) });
    refused(query, 'participation');
    // What a participation report is grouped by is signed too.
    const byWard = signReportLink(
      { ...request, kind: 'participation', groupBy: ['WARD'] },
      secret,
      now,
    );
    expect(verified(byWard).groupBy).toEqual(['WARD']);
    refused({ ...queryOf(byWard), groupBy: 'MONTH' }, 'participation');
    refused(query, 'outcomes', new Date(now.getTime() + REPORT_LINK_MS + 1000));
    expect(() => verified(link, query, now, `${secret}!`)).toThrow(/expired or was altered/);
  });
});

describe('a request for a report file', () => {
  const area = request.areaId;
  const good = { areaId: area, from: '2026-01-01T00:00:00Z', to: '2026-12-01T00:00:00Z' };
  const link = queryOf(signReportLink(request, secret, now));

  it('takes a well-formed request, with groupBy as a list however it is given', () => {
    expect(parseReportQuery('participation.csv', good)).toEqual({
      kind: 'participation',
      format: 'csv',
      areaId: area,
      from: new Date(good.from),
      to: new Date(good.to),
      groupBy: null,
      link: null,
    });
    for (const groupBy of [['MONTH', ' WARD'], 'MONTH,WARD'])
      expect(parseReportQuery('participation.html', { ...good, groupBy }).groupBy).toEqual([
        'MONTH',
        'WARD',
      ]);
    expect(parseReportQuery('outcomes.csv', link).link).toMatchObject({
      by: request.by,
      session: request.session,
    });
  });

  // What an attacker sends instead; each is BAD_USER_INPUT naming the part, never anything else.
  const malformed: [string, string, Record<string, unknown>, string[]][] = [
    ['a date that is not one', 'participation.csv', { ...good, from: 'x' }, ['from']],
    ['an empty date', 'participation.csv', { ...good, to: '' }, ['to']],
    ['blank', 'participation.csv', { ...good, to: '   ' }, ['to']],
    [
      'a date given twice',
      'participation.csv',
      { ...good, from: [good.from, good.from] },
      ['from'],
    ],
    ['a day that does not exist', 'outcomes.csv', { ...good, from: '2026-02-30' }, ['from']],
    ['no dates', 'outcomes.html', { areaId: area }, ['from', 'to']],
    ['no area', 'participation.csv', { from: good.from, to: good.to }, ['areaId']],
    ['an area that is no id', 'participation.csv', { ...good, areaId: "1' OR 1=1" }, ['areaId']],
    ['an area twice', 'participation.csv', { ...good, areaId: [area, area] }, ['areaId']],
    ['an empty grouping', 'participation.csv', { ...good, groupBy: '' }, ['groupBy']],
    ['a grouping with a gap', 'participation.csv', { ...good, groupBy: 'MONTH,' }, ['groupBy']],
    ['a grouping of outcomes', 'outcomes.csv', { ...good, groupBy: 'MONTH' }, ['groupBy']],
    [
      'a thousand groupings',
      'participation.csv',
      { ...good, groupBy: Array.from({ length: 1000 }, () => 'MONTH') },
      ['groupBy'],
    ],
    ['an unknown kind', 'everything.csv', good, ['kind']],
    ['an unknown format', 'participation.pdf', good, ['format']],
    ['no format', 'participation', good, ['file']],
    ['a name of three parts', 'participation.csv.html', good, ['file']],
    ['an unknown parameter', 'participation.csv', { ...good, debug: '1' }, ['debug']],
    ['half a link', 'outcomes.csv', { ...good, sig: link.sig }, ['by', 'sid', 'expires']],
    ['an expiry that is no time', 'outcomes.csv', { ...link, expires: '1e99' }, ['expires']],
    ['an empty signature', 'outcomes.csv', { ...link, sig: '' }, ['sig']],
    ['a signature of another shape', 'outcomes.csv', { ...link, sig: 'abc' }, ['sig']],
    ['a signature given twice', 'outcomes.csv', { ...link, sig: [link.sig, link.sig] }, ['sig']],
    ['a session that is no id', 'outcomes.csv', { ...link, sid: 'report-link' }, ['sid']],
  ];

  it.each(malformed)('refuses %s as BAD_USER_INPUT naming it', (_what, file, query, fields) => {
    expect(refusal(() => parseReportQuery(file, query))).toEqual({
      code: 'BAD_USER_INPUT',
      fields,
    });
  });

  it('never echoes a long parameter name whole', () => {
    const name = 'x'.repeat(5000);
    const refused = refusal(() => parseReportQuery('outcomes.csv', { ...good, [name]: '1' }));
    expect(refused).toEqual({ code: 'BAD_USER_INPUT', fields: ['x'.repeat(40)] });
  });
});
