import type { DomainError } from '@kith/platform';
import { checkGroupBy } from './participation.service';
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
