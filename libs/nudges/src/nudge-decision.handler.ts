import { Injectable } from '@nestjs/common';
import { Clock, done, JobHandler, JobName, JobOutbox, skipped } from '@kith/platform';
import type { JobPayloads, JobResult } from '@kith/platform';
import { NudgeDeliveryRepository } from './nudge-delivery.repository';
import { NudgeDispatcher } from './nudge-dispatcher';
import { NudgeInboxService } from './nudge-inbox.service';
import { nudgeKey, NudgeKind, reminderDueAt, ReminderSlot } from './nudge-kinds';
import { decideNudge } from './nudge-policy';
import { NudgeRepository } from './nudge.repository';
import type { BookingFacts } from './nudge.repository';
import { isNudgeLanguage, nudgeWords, sayTime, sayWhen } from './nudge-words';
import type { WordsKey } from './nudge-words';

type Decide = JobPayloads[JobName.DecideNudge];

/**
 * The decide step: re-reads what an event is about, applies the policy and, if the nudge is to
 * go now, puts it in the inbox (once per key); if later, schedules this decision again for then
 * (a job row due later, nothing in Redis meanwhile); if not at all, records why. Atomic: the
 * nudge and the job's "done" commit together, so a retry never writes a second one.
 */
@Injectable()
export class NudgeDecisionHandler {
  constructor(
    private readonly nudges: NudgeRepository,
    private readonly inbox: NudgeInboxService,
    private readonly dispatcher: NudgeDispatcher,
    private readonly deliveries: NudgeDeliveryRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.DecideNudge, { atomic: true })
  async decide(payload: Decide): Promise<JobResult> {
    switch (payload.event) {
      case 'WAITLIST_PROMOTED':
        return this.aboutBooking(payload, {
          kind: NudgeKind.WAITLIST_PROMOTED,
          words: NudgeKind.WAITLIST_PROMOTED,
          stale: (booking) => {
            if (booking.status !== 'BOOKED') return `the booking is ${booking.status}`;
            if (booking.cancelled) return 'the session was cancelled';
            return undefined;
          },
        });
      case 'SESSION_CANCELLED':
        await this.callOffReminders(payload.bookingId, 'the session was cancelled');
        return this.aboutBooking(payload, {
          kind: NudgeKind.SESSION_CANCELLED,
          words: NudgeKind.SESSION_CANCELLED,
          stale: (booking) => (booking.cancelled ? undefined : 'the session is on after all'),
        });
      case 'SESSION_BOOKED':
        return this.planReminders(payload.bookingId);
      case 'BOOKING_RELEASED':
        return this.callOffReminders(payload.bookingId, 'the booking was given up');
      case 'SESSION_REMINDER': {
        const slot = ReminderSlot[payload.slot];
        return this.aboutBooking(payload, {
          kind: NudgeKind.SESSION_REMINDER,
          slot,
          words: `SESSION_REMINDER_${slot}`,
          dueAt: (booking) => reminderDueAt(booking.startsAt, slot),
          stale: (booking) => {
            if (booking.promotedAt.getTime() !== payload.bookedAt)
              return 'the booking changed since the reminder was planned';
            if (booking.status !== 'BOOKED') return `the booking is ${booking.status}`;
            if (booking.cancelled) return 'the session was cancelled';
            return undefined;
          },
        });
      }
    }
  }

  /**
   * The booking's reminders still waiting for their time are called off, unrun; and what was
   * decided about it but not yet delivered by email, push or SMS is suppressed with the reason.
   */
  private async callOffReminders(bookingId: string, reason: string): Promise<JobResult> {
    const called = await this.outbox.cancelWaiting(
      JobName.DecideNudge,
      `reminder-${bookingId}-`,
      reason,
    );
    const suppressed = await this.deliveries.suppressAbout(bookingId, reason);
    return called + suppressed > 0 ? done : skipped('no reminder was waiting');
  }

  /**
   * A place was taken: each reminder still ahead is planned as a job due when the policy says
   * it goes (a day-before reminder at night is due the evening before), a row in Postgres until
   * then. Each is decided again when it falls due, so a change of mind meanwhile counts.
   */
  private async planReminders(bookingId: string): Promise<JobResult> {
    const now = this.clock.now();
    const booking = await this.nudges.bookingFacts(bookingId);
    if (!booking) return skipped('the booking is gone');
    if (booking.status !== 'BOOKED' || booking.cancelled) return skipped('no longer booked');
    const prefs = await this.inbox.preferences(booking.personId);
    const planned: string[] = [];
    for (const slot of [ReminderSlot.DAY_BEFORE, ReminderSlot.TWO_HOURS]) {
      const dueAt = reminderDueAt(booking.startsAt, slot);
      // Booked within a day, the day-before reminder has no day before to go on.
      if (dueAt.getTime() <= now.getTime()) continue;
      const decision = decideNudge(
        { kind: NudgeKind.SESSION_REMINDER, slot, dueAt, expiresAt: booking.startsAt },
        { prefs, promptsThisWeek: 0 },
        now,
      );
      if (!decision.send) continue;
      const bookedAt = booking.promotedAt.getTime();
      await this.outbox.schedule(
        JobName.DecideNudge,
        { event: 'SESSION_REMINDER', bookingId, slot, bookedAt },
        { key: `reminder-${bookingId}-${slot}-${bookedAt}`, at: decision.at },
      );
      planned.push(slot);
    }
    return planned.length > 0 ? done : skipped('no reminder falls before the session');
  }

  /**
   * A nudge about one booking: `stale` says why it no longer applies, if it does not; it is
   * due at `dueAt` (now when absent) and said before the session starts, or not at all.
   */
  private async aboutBooking(
    payload: Decide,
    spec: {
      kind: NudgeKind.WAITLIST_PROMOTED | NudgeKind.SESSION_CANCELLED | NudgeKind.SESSION_REMINDER;
      slot?: ReminderSlot;
      words: WordsKey;
      dueAt?: (booking: BookingFacts) => Date;
      stale: (booking: BookingFacts) => string | undefined;
    },
  ): Promise<JobResult> {
    const now = this.clock.now();
    const booking = await this.nudges.bookingFacts(payload.bookingId);
    if (!booking) return skipped('the booking is gone');
    const why = spec.stale(booking);
    if (why) return skipped(why);
    const prefs = await this.inbox.preferences(booking.personId);
    const language = isNudgeLanguage(prefs.language) ? prefs.language : 'en';
    const dueAt = spec.dueAt?.(booking) ?? now;
    const nudge = {
      personId: booking.personId,
      kind: spec.kind,
      // One per change of the booking (and reminder): promoted again after leaving is news again.
      key: nudgeKey(
        booking.personId,
        spec.kind,
        payload.bookingId,
        [spec.slot, booking.promotedAt.getTime()].filter((part) => part !== undefined).join('-'),
      ),
      dueAt,
      ...nudgeWords(spec.words, language, {
        activity: booking.activityTitle,
        venue: booking.venueName,
        when: sayWhen(booking.startsAt, language),
        time: sayTime(booking.startsAt, language),
      }),
      linkScreen: 'SESSION',
      linkId: booking.sessionId,
      subjectId: payload.bookingId,
      expiresAt: booking.startsAt,
    };
    const decision = decideNudge(
      { kind: spec.kind, slot: spec.slot ?? null, dueAt, expiresAt: booking.startsAt },
      { prefs, promptsThisWeek: 0 },
      now,
    );
    if (!decision.send) {
      await this.nudges.record(nudge, { skipReason: decision.reason });
      return skipped(decision.reason);
    }
    if (decision.at.getTime() > now.getTime()) {
      await this.outbox.schedule(JobName.DecideNudge, payload, {
        key: `${nudge.key}-at-${decision.at.getTime()}`,
        at: decision.at,
      });
      return skipped(`moved to ${decision.at.toISOString()} (${decision.moved ?? 'later'})`);
    }
    const { created } = await this.dispatcher.send(nudge, decision.channels);
    return created ? done : skipped('already in the inbox');
  }
}
