import type { DomainError } from '@kith/platform';
import { checkGroupBy } from './participation.service';
import { monthNumbers } from './participation.repository';

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
