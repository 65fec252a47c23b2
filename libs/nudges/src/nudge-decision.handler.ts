import { Injectable } from '@nestjs/common';
import { Clock, done, JobHandler, JobName, JobOutbox, skipped } from '@kith/platform';
import type { JobPayloads, JobResult } from '@kith/platform';
import { NudgeInboxService } from './nudge-inbox.service';
import { nudgeKey, NudgeKind } from './nudge-kinds';
import { decideNudge } from './nudge-policy';
import { NudgeRepository } from './nudge.repository';
import type { BookingFacts } from './nudge.repository';
import { isNudgeLanguage, nudgeWords, sayWhen } from './nudge-words';

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
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.DecideNudge, { atomic: true })
  async decide(payload: Decide): Promise<JobResult> {
    switch (payload.event) {
      case 'WAITLIST_PROMOTED':
        return this.aboutBooking(payload, NudgeKind.WAITLIST_PROMOTED, (booking) => {
          if (booking.status !== 'BOOKED') return `the booking is ${booking.status}`;
          if (booking.cancelled) return 'the session was cancelled';
          return undefined;
        });
      case 'SESSION_CANCELLED':
        return this.aboutBooking(payload, NudgeKind.SESSION_CANCELLED, (booking) =>
          booking.cancelled ? undefined : 'the session is on after all',
        );
    }
  }

  /**
   * A nudge about one booking (promoted, or its session cancelled): `stale` says why it no
   * longer applies, if it does not. Said before the session starts, or not at all.
   */
  private async aboutBooking(
    payload: Decide,
    kind: NudgeKind.WAITLIST_PROMOTED | NudgeKind.SESSION_CANCELLED,
    stale: (booking: BookingFacts) => string | undefined,
  ): Promise<JobResult> {
    const now = this.clock.now();
    const booking = await this.nudges.bookingFacts(payload.bookingId);
    if (!booking) return skipped('the booking is gone');
    const why = stale(booking);
    if (why) return skipped(why);
    const prefs = await this.inbox.preferences(booking.personId);
    const language = isNudgeLanguage(prefs.language) ? prefs.language : 'en';
    const nudge = {
      personId: booking.personId,
      kind,
      // One per change of the booking: promoted again after leaving is news again.
      key: nudgeKey(
        booking.personId,
        kind,
        payload.bookingId,
        String(booking.promotedAt.getTime()),
      ),
      dueAt: now,
      ...nudgeWords(kind, language, {
        activity: booking.activityTitle,
        when: sayWhen(booking.startsAt, language),
      }),
      linkScreen: 'SESSION',
      linkId: booking.sessionId,
    };
    const decision = decideNudge(
      { kind, dueAt: now, expiresAt: booking.startsAt },
      { prefs, promptsThisWeek: 0 },
      now,
    );
    if (!decision.send) {
      await this.nudges.recordSkipped(nudge, decision.reason);
      return skipped(decision.reason);
    }
    if (decision.at.getTime() > now.getTime()) {
      await this.outbox.schedule(JobName.DecideNudge, payload, {
        key: `${nudge.key}-at-${decision.at.getTime()}`,
        at: decision.at,
      });
      return skipped(`moved to ${decision.at.toISOString()} (${decision.moved ?? 'later'})`);
    }
    const { created } = await this.inbox.sendToInbox(nudge);
    return created ? done : skipped('already in the inbox');
  }
}
