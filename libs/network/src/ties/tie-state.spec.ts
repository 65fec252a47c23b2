import { isDormant, strengthAt, usualGapMs } from './tie-state';

const DAY = 24 * 3600_000;
const rules = { halfLifeDays: 90, dormantGaps: 8 };
const at = (days: number) => new Date(Date.UTC(2026, 0, 1) + days * DAY);

describe('a tie fades and goes dormant', () => {
  it('halves its weight every half-life after the last contact', () => {
    const tie = { weight: 3, contactDays: 4, firstContactAt: at(0), lastContactAt: at(21) };
    expect(strengthAt(tie, at(21), rules)).toBe(3);
    expect(strengthAt(tie, at(111), rules)).toBeCloseTo(1.5, 12);
    expect(strengthAt(tie, at(201), rules)).toBeCloseTo(0.75, 12);
  });

  it('is dormant after 8 usual gaps without contact: weekly means after 8 weeks', () => {
    // Four Tuesdays in a row: a usual gap of 7 days.
    const weekly = { weight: 2, contactDays: 4, firstContactAt: at(0), lastContactAt: at(21) };
    expect(usualGapMs(weekly)).toBe(7 * DAY);
    expect(isDormant(weekly, at(21 + 56), rules)).toBe(false);
    expect(isDormant(weekly, at(21 + 57), rules)).toBe(true);
  });

  it('takes contacts closer than a week as weekly: two days running is not dormant in 8 days', () => {
    const close = { weight: 2, contactDays: 2, firstContactAt: at(0), lastContactAt: at(1) };
    expect(usualGapMs(close)).toBe(7 * DAY);
    expect(isDormant(close, at(1 + 56), rules)).toBe(false);
    expect(isDormant(close, at(1 + 57), rules)).toBe(true);
  });

  it('takes a tie met on one day only as fortnightly: dormant after 16 weeks', () => {
    const once = { weight: 1, contactDays: 1, firstContactAt: at(0), lastContactAt: at(0) };
    expect(isDormant(once, at(112), rules)).toBe(false);
    expect(isDormant(once, at(113), rules)).toBe(true);
  });
});
