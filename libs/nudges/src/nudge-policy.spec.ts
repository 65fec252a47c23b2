import fc from 'fast-check';
import { DomainError, londonWallTime } from '@kith/platform';
import {
  NUDGE_CLASS,
  nudgeKey,
  NudgeChannel,
  NudgeKind,
  reminderDueAt,
  ReminderSlot,
} from './nudge-kinds';
import {
  applyPreferences,
  decideNudge,
  DEFAULT_PREFERENCES,
  isQuiet,
  nextWallTime,
  SkipReason,
} from './nudge-policy';
import type { MemberState, NudgePreferences, NudgeToDecide } from './nudge-policy';

const at = (iso: string) => new Date(iso);
const member = (prefs: Partial<NudgePreferences> = {}, promptsThisWeek = 0): MemberState => ({
  prefs: { ...DEFAULT_PREFERENCES, ...prefs },
  promptsThisWeek,
});
const reminder = (startsAt: string, slot: ReminderSlot): NudgeToDecide => ({
  kind: NudgeKind.SESSION_REMINDER,
  slot,
  dueAt: reminderDueAt(at(startsAt), slot),
  expiresAt: at(startsAt),
});
const sentAt = (decision: ReturnType<typeof decideNudge>) =>
  decision.send ? decision.at.toISOString() : decision.reason;

describe('nudge kinds', () => {
  it('gives every kind a class, and a key that tells reminders apart', () => {
    expect(Object.keys(NUDGE_CLASS).sort()).toEqual(Object.values(NudgeKind).sort());
    expect(nudgeKey('p', NudgeKind.SESSION_REMINDER, 's', ReminderSlot.DAY_BEFORE)).not.toBe(
      nudgeKey('p', NudgeKind.SESSION_REMINDER, 's', ReminderSlot.TWO_HOURS),
    );
    expect(nudgeKey('p', NudgeKind.FOLLOW_UP, 's')).toBe('p:FOLLOW_UP:s:-');
  });
});

describe('decideNudge, hand-worked (quiet hours 21:00 to 09:00 London)', () => {
  const now = at('2027-01-01T12:00:00Z');

  it('sends a reminder that falls in the day when it falls, on every channel chosen', () => {
    const decision = decideNudge(
      reminder('2027-01-12T10:00:00Z', ReminderSlot.DAY_BEFORE),
      member(),
      now,
    );
    expect(decision).toEqual({
      send: true,
      at: at('2027-01-11T10:00:00Z'),
      channels: [NudgeChannel.INBOX, NudgeChannel.EMAIL, NudgeChannel.PUSH],
      digest: false,
      moved: null,
    });
  });

  it('moves a day-before reminder falling at night to the evening before, or the morning if that has gone', () => {
    const early = reminder('2027-01-12T08:00:00Z', ReminderSlot.DAY_BEFORE);
    expect(sentAt(decideNudge(early, member(), now))).toBe('2027-01-10T20:30:00.000Z');
    expect(sentAt(decideNudge(early, member(), at('2027-01-10T22:00:00Z')))).toBe(
      '2027-01-11T09:00:00.000Z',
    );
  });

  it('sends a two-hour reminder when quiet hours end if the session has not begun, else drops it', () => {
    expect(
      sentAt(decideNudge(reminder('2027-01-12T10:00:00Z', ReminderSlot.TWO_HOURS), member(), now)),
    ).toBe('2027-01-12T09:00:00.000Z');
    expect(
      sentAt(decideNudge(reminder('2027-01-12T08:00:00Z', ReminderSlot.TWO_HOURS), member(), now)),
    ).toBe(SkipReason.NO_TIME_OUTSIDE_QUIET_HOURS);
  });

  it('judges quiet hours on London clocks in summer', () => {
    // 10:00 BST is 09:00 UTC: the two-hour reminder at 08:00 BST waits for 09:00 BST.
    expect(
      sentAt(decideNudge(reminder('2027-07-06T09:00:00Z', ReminderSlot.TWO_HOURS), member(), now)),
    ).toBe('2027-07-06T08:00:00.000Z');
    // 08:00 BST: 09:00 BST is after the start, so it is dropped.
    expect(
      sentAt(decideNudge(reminder('2027-07-06T07:00:00Z', ReminderSlot.TWO_HOURS), member(), now)),
    ).toBe(SkipReason.NO_TIME_OUTSIDE_QUIET_HOURS);
  });

  it('waits for the morning across both clock changes', () => {
    const prompt = (dueAt: string): NudgeToDecide => ({
      kind: NudgeKind.FOLLOW_UP,
      dueAt: at(dueAt),
    });
    // 28 March 2027: 01:00 GMT becomes 02:00 BST. 02:30 BST waits for 09:00 BST (08:00 UTC).
    expect(sentAt(decideNudge(prompt('2027-03-28T01:30:00Z'), member(), now))).toBe(
      '2027-03-28T08:00:00.000Z',
    );
    // 31 October 2027: 02:00 BST becomes 01:00 GMT. 01:30 BST waits for 09:00 GMT.
    expect(sentAt(decideNudge(prompt('2027-10-31T00:30:00Z'), member(), now))).toBe(
      '2027-10-31T09:00:00.000Z',
    );
  });

  it('keeps prompts to the weekly limit, and never counts bookings against it', () => {
    const prompt: NudgeToDecide = { kind: NudgeKind.RE_ENGAGE, dueAt: at('2027-01-05T11:00:00Z') };
    expect(sentAt(decideNudge(prompt, member({}, 2), now))).toBe('2027-01-05T11:00:00.000Z');
    expect(sentAt(decideNudge(prompt, member({}, 3), now))).toBe(SkipReason.WEEKLY_LIMIT);
    expect(sentAt(decideNudge(prompt, member({ weeklyLimit: 0 }), now))).toBe(
      SkipReason.WEEKLY_LIMIT,
    );
    const cancelled: NudgeToDecide = {
      kind: NudgeKind.SESSION_CANCELLED,
      dueAt: at('2027-01-05T11:00:00Z'),
    };
    expect(sentAt(decideNudge(cancelled, member({}, 50), now))).toBe('2027-01-05T11:00:00.000Z');
  });

  it('drops prompts while paused and keeps the rest to the inbox', () => {
    const paused = member({ pausedUntil: at('2027-02-01T00:00:00Z') });
    const prompt: NudgeToDecide = {
      kind: NudgeKind.FIRST_VISIT_SUPPORT,
      dueAt: at('2027-01-05T11:00:00Z'),
    };
    expect(sentAt(decideNudge(prompt, paused, now))).toBe(SkipReason.PAUSED);
    const decision = decideNudge(
      reminder('2027-01-12T10:00:00Z', ReminderSlot.DAY_BEFORE),
      paused,
      now,
    );
    expect(decision).toMatchObject({ send: true, channels: [NudgeChannel.INBOX] });
  });

  it('sends a prompt waiting for the digest when it is decided again just after the digest time', () => {
    const digest = member({ digestAt: 10 * 60 });
    // 10:00:02 London (GMT in January): the job that waited for 10:00 runs two seconds late.
    const late = new Date('2027-01-12T10:00:02Z');
    expect(decideNudge({ kind: NudgeKind.RE_ENGAGE, dueAt: late }, digest, late)).toMatchObject({
      send: true,
      at: late,
      digest: true,
    });
    // Long after it, the next day's digest.
    const afternoon = new Date('2027-01-12T15:00:00Z');
    expect(
      decideNudge({ kind: NudgeKind.RE_ENGAGE, dueAt: afternoon }, digest, afternoon),
    ).toMatchObject({ send: true, at: new Date('2027-01-13T10:00:00Z'), digest: true });
  });

  it('tells of a session called off at night at once, quietly, when the morning is too late', () => {
    // 22:00 London in January; the session starts at 08:00, before quiet hours end (09:00).
    const night = new Date('2027-01-12T22:00:00Z');
    const cancelled = {
      kind: NudgeKind.SESSION_CANCELLED,
      dueAt: night,
      expiresAt: new Date('2027-01-13T08:00:00Z'),
    };
    expect(decideNudge(cancelled, member(), night)).toEqual({
      send: true,
      at: night,
      channels: [NudgeChannel.INBOX, NudgeChannel.EMAIL],
      digest: false,
      moved: null,
    });
    // With the morning still in time, it waits for the morning, by every channel.
    const later = { ...cancelled, expiresAt: new Date('2027-01-13T11:00:00Z') };
    expect(decideNudge(later, member(), night)).toMatchObject({
      send: true,
      at: new Date('2027-01-13T09:00:00Z'),
      moved: 'QUIET_HOURS',
    });
  });

  it('drops what has passed, and gathers prompts into the digest, never a reminder', () => {
    // The two-hour reminder below is due at 08:00, in quiet hours: 09:00, on its own.
    const late: NudgeToDecide = {
      kind: NudgeKind.ASSIGNMENT_OFFERED,
      dueAt: at('2027-01-05T11:00:00Z'),
      expiresAt: at('2027-01-05T10:00:00Z'),
    };
    expect(sentAt(decideNudge(late, member(), now))).toBe(SkipReason.REASON_PASSED);
    const digest = member({ digestAt: 10 * 60 });
    const prompt: NudgeToDecide = { kind: NudgeKind.SURVEY_DUE, dueAt: at('2027-01-05T15:00:00Z') };
    expect(decideNudge(prompt, digest, now)).toMatchObject({
      send: true,
      at: at('2027-01-06T10:00:00Z'),
      digest: true,
      moved: 'DIGEST',
    });
    expect(
      decideNudge(reminder('2027-01-12T10:00:00Z', ReminderSlot.TWO_HOURS), digest, now),
    ).toMatchObject({
      at: at('2027-01-12T09:00:00Z'),
      digest: false,
    });
  });
});

describe('applyPreferences', () => {
  const now = at('2027-01-01T12:00:00Z');
  const fieldsOf = (work: () => unknown): string[] => {
    try {
      work();
    } catch (error) {
      if (error instanceof DomainError) return error.fields.map((f) => f.path);
      throw error;
    }
    return [];
  };

  it('names every bad field at once', () => {
    expect(
      fieldsOf(() =>
        applyPreferences(
          DEFAULT_PREFERENCES,
          {
            channels: ['EMAIL', 'FAX'],
            quietHoursStart: '25:00',
            quietHoursEnd: '9am',
            weeklyLimit: 51,
            pausedUntil: at('2028-06-01T00:00:00Z'),
            language: 'fr',
            digestAt: '7',
          },
          now,
        ),
      ).sort(),
    ).toEqual([
      'channels.1',
      'digestAt',
      'language',
      'pausedUntil',
      'quietHoursEnd',
      'quietHoursStart',
      'weeklyLimit',
    ]);
    expect(fieldsOf(() => applyPreferences(DEFAULT_PREFERENCES, { weeklyLimit: -1 }, now))).toEqual(
      ['weeklyLimit'],
    );
    expect(
      fieldsOf(() => applyPreferences(DEFAULT_PREFERENCES, { weeklyLimit: 2.5 }, now)),
    ).toEqual(['weeklyLimit']);
    expect(
      fieldsOf(() =>
        applyPreferences(DEFAULT_PREFERENCES, { pausedUntil: at('2026-12-01T00:00:00Z') }, now),
      ),
    ).toEqual(['pausedUntil']);
  });

  it('refuses quiet hours of no length and a digest inside quiet hours', () => {
    expect(
      fieldsOf(() =>
        applyPreferences(
          DEFAULT_PREFERENCES,
          { quietHoursStart: '22:00', quietHoursEnd: '22:00' },
          now,
        ),
      ),
    ).toEqual(['quietHoursEnd']);
    expect(
      fieldsOf(() => applyPreferences(DEFAULT_PREFERENCES, { digestAt: '23:00' }, now)),
    ).toEqual(['digestAt']);
  });

  it('changes only what is given, and always keeps the inbox', () => {
    const next = applyPreferences(
      DEFAULT_PREFERENCES,
      { channels: ['EMAIL', 'EMAIL'], quietHoursStart: '22:30', language: 'es', digestAt: '10:00' },
      now,
    );
    expect(next).toEqual({
      ...DEFAULT_PREFERENCES,
      channels: [NudgeChannel.INBOX, NudgeChannel.EMAIL],
      quietStart: 22 * 60 + 30,
      language: 'es',
      digestAt: 600,
    });
    expect(applyPreferences(next, { digestAt: null, pausedUntil: null }, now)).toMatchObject({
      digestAt: null,
      pausedUntil: null,
    });
  });
});

// Three years of instants, both clock changes of each year inside.
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2029, 0, 1) })
  .map((ms) => new Date(ms));
const wallMinute = fc.integer({ min: 0, max: 24 * 60 - 1 });
const quietWindow = fc
  .tuple(wallMinute, wallMinute)
  .filter(([start, end]) => start !== end)
  .map(([quietStart, quietEnd]) => ({ quietStart, quietEnd }));
const kind = fc.constantFrom(...Object.values(NudgeKind));

describe('decideNudge, properties across the clock changes', () => {
  it('never sends in quiet hours (booking news the morning is too late for: only quietly), before now, or once its reason has passed', () => {
    fc.assert(
      fc.property(
        instant,
        fc.integer({ min: 0, max: 20 * 24 * 60 }),
        quietWindow,
        kind,
        fc.constantFrom(ReminderSlot.DAY_BEFORE, ReminderSlot.TWO_HOURS),
        fc.integer({ min: 0, max: 6 }),
        (now, aheadMinutes, quiet, k, slot, prompts) => {
          const startsAt = new Date(now.getTime() + aheadMinutes * 60_000);
          const nudge: NudgeToDecide =
            k === NudgeKind.SESSION_REMINDER
              ? { kind: k, slot, dueAt: reminderDueAt(startsAt, slot), expiresAt: startsAt }
              : NUDGE_CLASS[k] === 'booking'
                ? { kind: k, dueAt: now, expiresAt: startsAt }
                : { kind: k, dueAt: startsAt, expiresAt: null };
          const decision = decideNudge(nudge, member(quiet, prompts), now);
          if (!decision.send) return true;
          const quietly =
            NUDGE_CLASS[k] === 'booking' &&
            !nudge.slot &&
            decision.channels.every((c) => c === NudgeChannel.INBOX || c === NudgeChannel.EMAIL);
          return (
            (!isQuiet(decision.at, quiet) || quietly) &&
            decision.at.getTime() >= now.getTime() &&
            (nudge.expiresAt == null || decision.at.getTime() < nudge.expiresAt.getTime()) &&
            decision.channels[0] === NudgeChannel.INBOX
          );
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never moves a two-hour reminder earlier than due, nor past the start', () => {
    fc.assert(
      fc.property(instant, quietWindow, (startsAt, quiet) => {
        const nudge = reminder(startsAt.toISOString(), ReminderSlot.TWO_HOURS);
        const decision = decideNudge(
          nudge,
          member(quiet),
          new Date(nudge.dueAt.getTime() - 3600_000),
        );
        return (
          !decision.send ||
          (decision.at.getTime() >= nudge.dueAt.getTime() &&
            decision.at.getTime() < startsAt.getTime())
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('decides the same again at the time it chose: a retry never re-decides', () => {
    fc.assert(
      fc.property(instant, quietWindow, kind, (dueAt, quiet, k) => {
        const first = decideNudge({ kind: k, dueAt }, member(quiet), dueAt);
        if (!first.send) return true;
        const again = decideNudge({ kind: k, dueAt: first.at }, member(quiet), first.at);
        return again.send && again.at.getTime() === first.at.getTime();
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the next time London clocks show a minute, whatever the day', () => {
    fc.assert(
      fc.property(instant, wallMinute, (from, minute) => {
        const next = nextWallTime(from, minute);
        const w = londonWallTime(next);
        const shown = w.hour * 60 + w.minute;
        const within =
          next.getTime() >= from.getTime() && next.getTime() - from.getTime() <= 25 * 3600_000;
        // A minute the spring change skips is shown an hour later.
        return within && (shown === minute || shown === minute + 60);
      }),
      { numRuns: 3000 },
    );
  });
});
