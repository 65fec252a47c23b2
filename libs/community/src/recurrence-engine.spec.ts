import { parseRecurrence, RecurrenceError } from './recurrence';
import { EXPANSION_BUDGET_MS, EXPANSION_QUEUE_LIMIT, RecurrenceEngine } from './recurrence-engine';

describe('expanding untrusted rules off the event loop', () => {
  const engine = new RecurrenceEngine();
  const first = new Date('2026-12-08T10:00:00Z');
  const fiveYears = new Date('2031-12-08T10:00:00Z');

  afterAll(() => engine.onModuleDestroy());

  it('expands a weekly rule in London time', async () => {
    const starts = await engine.occurrences(
      parseRecurrence('FREQ=WEEKLY;BYDAY=TU', first),
      first,
      new Date('2026-12-30T00:00:00Z'),
    );
    expect(starts.map((d) => d.toISOString())).toEqual([
      '2026-12-08T10:00:00.000Z',
      '2026-12-15T10:00:00.000Z',
      '2026-12-22T10:00:00.000Z',
      '2026-12-29T10:00:00.000Z',
    ]);
  });

  it('finds nothing, quickly, for a rule that ends before it starts', async () => {
    const starts = await engine.occurrences(
      parseRecurrence('FREQ=WEEKLY;UNTIL=20250101T000000Z', first),
      first,
      fiveYears,
    );
    expect(starts).toEqual([]);
  });

  it('gives up on a rule that never matches within its budget, and keeps the event loop free meanwhile', async () => {
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    try {
      await expect(
        engine.occurrences(
          parseRecurrence('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', first),
          first,
          fiveYears,
        ),
      ).rejects.toThrow(RecurrenceError);
    } finally {
      clearInterval(ticker);
    }
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(EXPANSION_BUDGET_MS - 5);
    // The timer kept firing while rrule spun in its thread: the event loop was never held.
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it('answers the expansions that waited behind a stuck one', async () => {
    const stuck = engine.occurrences(
      parseRecurrence('FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31', first),
      first,
      fiveYears,
    );
    const fine = engine.occurrences(parseRecurrence('FREQ=MONTHLY', first), first, fiveYears, 3);
    await expect(stuck).rejects.toThrow(/takes too long/);
    expect(await fine).toHaveLength(3);
  });

  it('settles everything it holds when shut down, and refuses a pile-up at once', async () => {
    const own = new RecurrenceEngine();
    const never = parseRecurrence('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', first);
    const held = Array.from({ length: EXPANSION_QUEUE_LIMIT + 2 }, () =>
      own.occurrences(never, first, fiveYears).then(
        () => 'answered',
        (error: Error) => error.message,
      ),
    );
    await own.onModuleDestroy();
    const outcomes = await Promise.all(held);
    expect(outcomes.filter((o) => /too many schedules/.test(o)).length).toBeGreaterThanOrEqual(1);
    expect(outcomes.filter((o) => /shutting down/.test(o)).length).toBeGreaterThanOrEqual(
      EXPANSION_QUEUE_LIMIT - 1,
    );
    expect(outcomes).not.toContain('answered');
  });
});
