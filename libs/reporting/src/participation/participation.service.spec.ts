import type { DomainError } from '@kith/platform';
import { checkGroupBy, lastWholeQuarter } from './participation.service';
import { monthNumbers } from './participation.repository';
import { REACH_LOOKBACK_MONTHS, reachOf } from './participation-rollup.repository';

describe('checkGroupBy', () => {
  it('keeps one order whatever the caller gives', () => {
    expect(checkGroupBy(['WARD', 'MONTH'])).toEqual(['MONTH', 'WARD']);
    expect(checkGroupBy([])).toEqual([]);
  });

  it('names each unknown or repeated grouping, and more than two at once', () => {
    const problem = (groupBy: string[]) => {
      try {
        checkGroupBy(groupBy);
      } catch (error) {
        return (error as DomainError).fields;
      }
      throw new Error('accepted');
    };
    expect(problem(['MONTH', 'POSTCODE'])).toEqual([
      { path: 'groupBy.1', message: 'one of MONTH, WARD, INTEREST_GROUP' },
    ]);
    expect(problem(['WARD', 'WARD'])).toEqual([
      { path: 'groupBy.1', message: 'each grouping once' },
    ]);
    expect(problem(['MONTH', 'WARD', 'INTEREST_GROUP'])).toEqual([
      { path: 'groupBy', message: 'at most two groupings at once' },
    ]);
    expect(problem(Array.from({ length: 1000 }, () => 'MONTH'))).toEqual([
      { path: 'groupBy', message: 'at most two groupings at once' },
    ]);
  });
});

describe('monthNumbers', () => {
  it('counts London months, whatever the offset from UTC', () => {
    // 1 April 2026 00:00 London is 31 March 23:00 UTC; 1 July is 30 June 23:00 UTC.
    const months = monthNumbers(new Date('2026-03-31T23:00:00Z'), new Date('2026-06-30T23:00:00Z'));
    expect(months).toEqual([2026 * 12 + 3, 2026 * 12 + 4, 2026 * 12 + 5]);
  });
});

describe('reachOf', () => {
  it('gives, for each month a report could start in, the first month at or after it they came', () => {
    const reach = new Map(reachOf([24300, 24303, 24302]));
    // From five years (61 months) before the first month, up to the last.
    expect(Math.min(...reach.keys())).toBe(24300 - REACH_LOOKBACK_MONTHS);
    expect(Math.max(...reach.keys())).toBe(24303);
    expect(reach.get(24250)).toBe(24300);
    expect(reach.get(24300)).toBe(24300);
    expect(reach.get(24301)).toBe(24302);
    expect(reach.get(24303)).toBe(24303);
    // Counted over [a, b) when the next month from a is before b: [24301, 24302) misses them.
    expect(reach.get(24301)! < 24302).toBe(false);
    expect(reachOf([])).toEqual([]);
  });
});

describe('lastWholeQuarter', () => {
  const at = (iso: string) => new Date(iso);
  it('gives the last whole calendar quarter of the period (London months) that has settled', () => {
    // June to November 2026: July to September, ended more than two weeks before 2 December.
    expect(
      lastWholeQuarter(
        at('2026-05-31T23:00:00Z'),
        at('2026-12-01T00:00:00Z'),
        at('2026-12-02T10:00:00Z'),
      ),
    ).toEqual({ from: at('2026-06-30T23:00:00Z'), to: at('2026-09-30T23:00:00Z') });
    // January to March 2027 on 5 April: not settled yet, so October to December.
    expect(
      lastWholeQuarter(
        at('2026-10-01T00:00:00+01:00'),
        at('2027-04-01T00:00:00+01:00'),
        at('2027-04-05T10:00:00Z'),
      ),
    ).toEqual({ from: at('2026-10-01T00:00:00+01:00'), to: at('2027-01-01T00:00:00Z') });
    // A month alone, or two, hold none.
    expect(
      lastWholeQuarter(
        at('2026-11-01T00:00:00Z'),
        at('2026-12-01T00:00:00Z'),
        at('2026-12-20T00:00:00Z'),
      ),
    ).toBeNull();
  });
});
