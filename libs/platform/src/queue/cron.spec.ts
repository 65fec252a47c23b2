import { dueRun, nextSlot, patternProblem, slotKey } from './cron';

describe('schedule slots in Europe/London', () => {
  it('finds the next daily slot in winter (GMT) and summer (BST)', () => {
    expect(nextSlot('15 3 * * *', new Date('2026-01-10T12:00:00Z')).toISOString()).toBe(
      '2026-01-11T03:15:00.000Z',
    );
    expect(nextSlot('15 3 * * *', new Date('2026-07-10T12:00:00Z')).toISOString()).toBe(
      '2026-07-11T02:15:00.000Z',
    );
  });

  it('is strictly after the given time', () => {
    expect(nextSlot('15 3 * * *', new Date('2026-01-11T03:15:00Z')).toISOString()).toBe(
      '2026-01-12T03:15:00.000Z',
    );
  });

  it('runs once on the night the clocks go back, when 01:30 happens twice', () => {
    const first = nextSlot('30 1 * * *', new Date('2026-10-24T12:00:00Z'));
    const second = nextSlot('30 1 * * *', first);
    expect(first.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(second.toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });

  it('still runs on the night the clocks go forward, when 01:30 does not exist', () => {
    const slot = nextSlot('30 1 * * *', new Date('2026-03-28T12:00:00Z'));
    expect(slot.getTime()).toBeGreaterThan(new Date('2026-03-29T00:00:00Z').getTime());
    expect(slot.getTime()).toBeLessThan(new Date('2026-03-30T00:00:00Z').getTime());
  });

  it('collapses missed slots into one run, and is due next after now', () => {
    const storedNext = new Date('2026-11-20T03:15:00Z');
    const now = new Date('2026-11-24T10:00:00Z');
    expect(dueRun('15 3 * * *', storedNext, now)).toEqual({
      slot: storedNext,
      next: new Date('2026-11-25T03:15:00Z'),
    });
  });

  it('names a slot with letters and digits only', () => {
    expect(slotKey(new Date('2026-12-02T03:15:00.000Z'))).toBe('20261202T031500Z');
  });

  it('says what is wrong with a pattern', () => {
    expect(patternProblem('15 3 * * *')).toBeNull();
    expect(patternProblem('99 3 * * *')).toMatch(/./);
  });
});
