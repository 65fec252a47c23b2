import { Injectable } from '@nestjs/common';
import { BlockService, firstName } from '@kith/identity';
import { MatchedPeopleService, SessionMatchingService } from '@kith/matching';
import { Clock, done, JobHandler, JobName, JobOutbox, londonDate, skipped } from '@kith/platform';
import type { JobPayloads, JobResult } from '@kith/platform';
import { NudgeDeliveryRepository } from './nudge-delivery.repository';
import { NudgeDispatcher } from './nudge-dispatcher';
import { NudgeInboxService } from './nudge-inbox.service';
import { NUDGE_CLASS, nudgeKey, NudgeKind, reminderDueAt, ReminderSlot } from './nudge-kinds';
import { decideNudge } from './nudge-policy';
import { NudgeRepository } from './nudge.repository';
import type { BookingFacts } from './nudge.repository';
import { NudgeSubjectsRepository } from './nudge-subjects.repository';
import { chooseVariant, isNudgeLanguage, nudgeWords, sayTime, sayWhen } from './nudge-words';
import type { NudgeLanguage, WordsKey } from './nudge-words';

type Decide = JobPayloads[JobName.DecideNudge];
type EventOf<E extends Decide['event']> = Extract<Decide, { event: E }>;

const HOUR_MS = 3600_000;
const DAY_MS = 24 * HOUR_MS;
/** "How was it?" comes this long after the session ends, and is not worth saying after a few days. */
export const FOLLOW_UP_AFTER_MS = 3 * HOUR_MS;
const FOLLOW_UP_KEPT_MS = 3 * DAY_MS;
/**
 * The instruments every member is asked, as the network lib ships them (ids only: the nudges lib
 * sits below network; a test holds the two lists together).
 */
export const SURVEYED_INSTRUMENTS = ['ucla-3', 'ons-direct', 'kith-resources'];

const LEFT_KITH = 'the member has left Kith';

/** How long the digest waits after its time for the prompts decided at that time. */
export const DIGEST_GATHER_MS = 2 * 60_000;
const PROMPT_KINDS = (Object.keys(NUDGE_CLASS) as NudgeKind[]).filter(
  (kind) => NUDGE_CLASS[kind] === 'prompt',
);

/** One nudge to one person, as an event makes it: what the policy then decides about. */
interface NudgePlan {
  personId: string;
  kind: NudgeKind;
  /** What it is about: part of its key, and what calling it off goes by. */
  subjectId: string;
  /** Tells apart nudges of one kind about one subject (which reminder, which quiet spell). */
  keySlot?: string | null;
  slot?: ReminderSlot;
  words: WordsKey;
  params: (language: NudgeLanguage) => Record<string, string>;
  /** Reads what the words need that is costly to read, only for a nudge that goes now. */
  beforeSending?: () => Promise<void>;
  link: { screen: string; id: string | null } | null;
  dueAt?: Date;
  expiresAt?: Date | null;
}

/**
 * The decide step: re-reads what an event is about, applies the policy and, if the nudge is to
 * go now, sends it (the inbox once per key, and a delivery per channel); if later, schedules this
 * decision again for then (a job row due later, nothing in Redis meanwhile); if not at all,
 * records why. Atomic: the nudge and the job's "done" commit together, so a retry never writes a
 * second one.
 */
@Injectable()
export class NudgeDecisionHandler {
  constructor(
    private readonly nudges: NudgeRepository,
    private readonly subjects: NudgeSubjectsRepository,
    private readonly inbox: NudgeInboxService,
    private readonly dispatcher: NudgeDispatcher,
    private readonly deliveries: NudgeDeliveryRepository,
    private readonly outbox: JobOutbox,
    private readonly sessions: SessionMatchingService,
    private readonly people: MatchedPeopleService,
    private readonly blocks: BlockService,
    private readonly clock: Clock,
  ) {}

  @JobHandler(JobName.DecideNudge, { atomic: true })
  async decide(payload: Decide): Promise<JobResult> {
    switch (payload.event) {
      case 'WAITLIST_PROMOTED':
      case 'SESSION_CANCELLED':
        return this.aboutBooking(payload);
      case 'SESSION_BOOKED':
        return this.booked(payload);
      case 'BOOKING_RELEASED':
        return this.callOffReminders(payload.bookingId, 'the booking was given up');
      case 'SESSION_ATTENDED':
        return this.planFollowUp(payload);
      case 'FOLLOW_UP':
        return this.followUp(payload);
      case 'INTRODUCTION_RECEIVED':
      case 'INTRODUCTION_ACCEPTED':
        return this.introduction(payload);
      case 'ASSIGNMENT_OFFERED':
      case 'ASSIGNMENT_ACCEPTED':
      case 'ASSIGNMENT_COMPLETED':
        return this.assignment(payload);
      case 'DBS_EXPIRING':
        return this.dbsExpiring(payload);
      case 'RE_ENGAGE':
        return this.reEngage(payload);
      case 'CHECK_IN':
        return this.checkIn(payload);
      case 'SURVEY_DUE':
        return this.surveyDue(payload);
      case 'DEVICE_REASSIGNED':
        return this.deviceReassigned(payload);
    }
  }

  /**
   * The daily look for nudges no event brings: a DBS check running out in 30 days, a member
   * without a booking for 21 days (a suggestion) or for 42 days after one (a coordinator's
   * call). Each is one decide job with a key of its own, so running this twice finds no more.
   */
  @JobHandler(JobName.FindDueNudges, { atomic: true })
  async findDue(): Promise<JobResult> {
    const now = this.clock.now();
    const day = londonDate(new Date(now.getTime() + 30 * DAY_MS));
    const dbs = await this.subjects.dbsRunningOutOn(day);
    const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
    const quiet = await this.subjects.quietBetween(ago(42), ago(21), 5000);
    const long = await this.subjects.quietBetween(ago(60), ago(42), 5000);
    const surveys = await this.subjects.surveysDue(now, SURVEYED_INSTRUMENTS, 5000);
    const scheduled = await this.outbox.scheduleMany([
      ...dbs.map((h) => ({
        name: JobName.DecideNudge,
        payload: { event: 'DBS_EXPIRING' as const, helperId: h.helperId, expiresOn: h.expiresOn },
        key: `dbs-expiring-${h.helperId}-${h.expiresOn}`,
      })),
      ...surveys.map((due) => ({
        name: JobName.DecideNudge,
        payload: {
          event: 'SURVEY_DUE' as const,
          personId: due.personId,
          instrumentId: due.instrumentId,
          stage: due.stage,
          since: due.since.getTime(),
        },
        key: `survey-due-${due.personId}-${due.instrumentId}-${due.since.getTime()}`,
      })),
      ...[
        ...quiet.map((m) => ['RE_ENGAGE', m] as const),
        ...long.map((m) => ['CHECK_IN', m] as const),
      ].map(([event, m]) => ({
        name: JobName.DecideNudge,
        payload: { event, personId: m.personId, since: m.since.getTime() },
        key: `${event.toLowerCase().replace('_', '-')}-${m.personId}-${m.since.getTime()}`,
      })),
    ]);
    return scheduled > 0 ? done : skipped('nothing new is due');
  }

  /**
   * The booking's reminders still waiting for their time are called off (CANCELLED, with the
   * reason); and what was decided about it but not yet delivered by email, push or SMS is
   * suppressed with the reason.
   */
  private async callOffReminders(bookingId: string, reason: string): Promise<JobResult> {
    // Left and booked again before this ran (the booking row is reused): what was planned for
    // the new taking stands; only the earlier taking's nudges are called off.
    const booking = await this.nudges.bookingFacts(bookingId);
    const keep =
      booking && booking.status === 'BOOKED' && !booking.cancelled
        ? String(booking.promotedAt.getTime())
        : null;
    const called = await this.nudges.cancelPendingAbout(bookingId, reason, keep);
    const suppressed = await this.deliveries.suppressAbout(bookingId, reason, keep);
    return called + suppressed > 0 ? done : skipped('no reminder was waiting');
  }

  /** A place taken: its reminders planned, and, on a first visit to a group, some company. */
  private async booked(payload: EventOf<'SESSION_BOOKED'>): Promise<JobResult> {
    const { bookingId } = payload;
    const planned = await this.planReminders(bookingId);
    const company = await this.firstVisit(payload, bookingId);
    return planned.status === 'done' || company.status === 'done' ? done : planned;
  }

  /**
   * Each reminder still ahead is planned as a nudge row (PENDING) due when the policy says it
   * goes (a day-before reminder at night is due the evening before): nothing in Redis until then.
   * When it falls due it is decided again with what holds then (ReleaseDueNudges).
   */
  private async planReminders(bookingId: string): Promise<JobResult> {
    const now = this.clock.now();
    const booking = await this.nudges.bookingFacts(bookingId);
    if (!booking) return skipped('the booking is gone');
    if (booking.status !== 'BOOKED' || booking.cancelled) return skipped('no longer booked');
    const prefs = await this.inbox.preferences(booking.personId);
    const language: NudgeLanguage = isNudgeLanguage(prefs.language) ? prefs.language : 'en';
    let planned = 0;
    for (const slot of [ReminderSlot.DAY_BEFORE, ReminderSlot.TWO_HOURS]) {
      const dueAt = reminderDueAt(booking.startsAt, slot);
      // Booked within a day, the day-before reminder has no day before to go on.
      if (dueAt.getTime() <= now.getTime()) continue;
      const decision = decideNudge(
        { kind: NudgeKind.SESSION_REMINDER, slot, dueAt, expiresAt: booking.startsAt },
        { prefs, promptsThisWeek: 0 },
        now,
      );
      const chosen = chooseVariant(booking.personId, `SESSION_REMINDER_${slot}`);
      const reminder = {
        personId: booking.personId,
        kind: NudgeKind.SESSION_REMINDER,
        // One per reminder of each taking of the place: promoted again after leaving is new.
        key: nudgeKey(
          booking.personId,
          NudgeKind.SESSION_REMINDER,
          bookingId,
          `${slot}-${booking.promotedAt.getTime()}`,
        ),
        dueAt: decision.send ? decision.at : dueAt,
        ...nudgeWords(chosen.words, language, this.sessionParams(booking, language)),
        linkScreen: 'SESSION',
        linkId: booking.sessionId,
        subjectId: bookingId,
        expiresAt: booking.startsAt,
        variant: chosen.variant,
      };
      // Dropped (no time outside quiet hours before it starts): recorded with the reason.
      if (!decision.send) {
        await this.nudges.record(reminder, { skipReason: decision.reason });
        continue;
      }
      const { created } = await this.nudges.record(reminder, { pending: true });
      if (created) planned += 1;
    }
    return planned > 0 ? done : skipped('no reminder falls before the session');
  }

  /** The first place in an interest group: someone going they could meet, or a helper to come. */
  private async firstVisit(payload: Decide, bookingId: string): Promise<JobResult> {
    const booking = await this.nudges.bookingFacts(bookingId);
    if (!booking || booking.status !== 'BOOKED' || booking.cancelled)
      return skipped('no longer booked');
    if (!(await this.subjects.firstInInterestGroup(bookingId))) return skipped('not a first visit');
    // Who is going, and a peer among them matching would suggest anyway (opted in, never
    // across a block): read only when the welcome is to go now, not for one the policy drops.
    // The peer is never named, and only someone who chose to be seen going can be that peer:
    // a newcomer is a stranger to them, and "someone going" is still their plan.
    let going = new Set<string>();
    let peer: Awaited<ReturnType<MatchedPeopleService['suggestedPeers']>>[number] | undefined;
    return this.send(payload, {
      personId: booking.personId,
      kind: NudgeKind.FIRST_VISIT_SUPPORT,
      subjectId: bookingId,
      words: NudgeKind.FIRST_VISIT_SUPPORT,
      beforeSending: async () => {
        const others = await this.subjects.othersGoing(bookingId);
        going = new Set(others.map((o) => o.personId));
        const seen = new Set(others.filter((o) => o.showsGoing).map((o) => o.personId));
        if (seen.size > 0)
          peer = (await this.people.suggestedPeers(booking.personId, 50)).find((m) =>
            seen.has(m.person.id),
          );
      },
      params: (language) => ({
        ...this.sessionParams(booking, language),
        company: peer
          ? nudgeWords('FIRST_VISIT_COMPANY_PEER', language, {
              interest: peer.person.sharedInterests[0]?.label ?? booking.activityTitle,
            }).body
          : nudgeWords(
              going.size > 0 ? 'FIRST_VISIT_COMPANY_SOME' : 'FIRST_VISIT_COMPANY_NONE',
              language,
              { count: String(going.size) },
            ).body,
      }),
      link: { screen: 'SESSION', id: booking.sessionId },
      expiresAt: booking.startsAt,
    });
  }

  private sessionParams(booking: BookingFacts, language: NudgeLanguage): Record<string, string> {
    return {
      activity: booking.activityTitle,
      venue: booking.venueName,
      when: sayWhen(booking.startsAt, language),
      time: sayTime(booking.startsAt, language),
    };
  }

  /** A nudge about one booking (promoted off the waitlist, or its session cancelled). */
  private async aboutBooking(
    payload: EventOf<'WAITLIST_PROMOTED' | 'SESSION_CANCELLED'>,
  ): Promise<JobResult> {
    if (payload.event === 'SESSION_CANCELLED')
      await this.callOffReminders(payload.bookingId, 'the session was cancelled');
    const booking = await this.nudges.bookingFacts(payload.bookingId);
    if (!booking) return skipped('the booking is gone');
    const held = (): string | undefined => {
      if (booking.status !== 'BOOKED') return `the booking is ${booking.status}`;
      if (booking.cancelled) return 'the session was cancelled';
      return undefined;
    };
    const base = {
      personId: booking.personId,
      subjectId: payload.bookingId,
      params: (language: NudgeLanguage) => this.sessionParams(booking, language),
      link: { screen: 'SESSION', id: booking.sessionId },
      expiresAt: booking.startsAt,
    };
    // One per change of the booking: promoted again after leaving is news again.
    const changed = String(booking.promotedAt.getTime());
    switch (payload.event) {
      case 'WAITLIST_PROMOTED': {
        const why = held();
        if (why) return skipped(why);
        return this.send(payload, {
          ...base,
          kind: NudgeKind.WAITLIST_PROMOTED,
          keySlot: changed,
          words: NudgeKind.WAITLIST_PROMOTED,
        });
      }
      case 'SESSION_CANCELLED':
        if (!booking.cancelled) return skipped('the session is on after all');
        return this.send(payload, {
          ...base,
          kind: NudgeKind.SESSION_CANCELLED,
          keySlot: changed,
          words: NudgeKind.SESSION_CANCELLED,
        });
    }
  }

  /** Came to the session: "how was it?" three hours after it ends (a job row until then). */
  private async planFollowUp({ bookingId }: EventOf<'SESSION_ATTENDED'>): Promise<JobResult> {
    const booking = await this.nudges.bookingFacts(bookingId);
    if (!booking || booking.status !== 'ATTENDED') return skipped('not recorded as attended');
    const at = new Date(booking.endsAt.getTime() + FOLLOW_UP_AFTER_MS);
    await this.outbox.schedule(
      JobName.DecideNudge,
      { event: 'FOLLOW_UP', bookingId },
      { key: `follow-up-${bookingId}`, at },
    );
    return done;
  }

  private async followUp(payload: EventOf<'FOLLOW_UP'>): Promise<JobResult> {
    const { bookingId } = payload;
    const booking = await this.nudges.bookingFacts(bookingId);
    if (!booking || booking.status !== 'ATTENDED') return skipped('not recorded as attended');
    return this.send(payload, {
      personId: booking.personId,
      kind: NudgeKind.FOLLOW_UP,
      subjectId: bookingId,
      words: NudgeKind.FOLLOW_UP,
      params: (language) => this.sessionParams(booking, language),
      link: { screen: 'SESSION_FOLLOW_UP', id: booking.sessionId },
      dueAt: new Date(booking.endsAt.getTime() + FOLLOW_UP_AFTER_MS),
      expiresAt: new Date(booking.endsAt.getTime() + FOLLOW_UP_KEPT_MS),
    });
  }

  /** Asked to meet someone (the one asked hears), or a yes (the one who asked hears). */
  private async introduction(
    payload: EventOf<'INTRODUCTION_RECEIVED' | 'INTRODUCTION_ACCEPTED'>,
  ): Promise<JobResult> {
    const intro = await this.subjects.introduction(payload.introductionId);
    if (!intro) return skipped('the introduction is gone');
    const received = payload.event === 'INTRODUCTION_RECEIVED';
    const wanted = received ? 'PENDING' : 'ACCEPTED';
    if (intro.status !== wanted) return skipped(`the introduction is ${intro.status}`);
    if (await this.blocks.eitherBlocking(intro.fromId, intro.toId))
      return skipped('one of the two has blocked the other');
    // Names the other of the two, first name only: the asker chose to be named to the one they
    // asked, and the one who said yes to the asker. Nothing of where either will be.
    const kind = received ? NudgeKind.INTRODUCTION_RECEIVED : NudgeKind.INTRODUCTION_ACCEPTED;
    return this.send(payload, {
      personId: received ? intro.toId : intro.fromId,
      kind,
      subjectId: payload.introductionId,
      words: kind,
      params: () => ({ name: firstName(received ? intro.fromName : intro.toName) }),
      link: { screen: 'INTRODUCTION', id: payload.introductionId },
    });
  }

  /** A helper offered a request; the member told it is taken; both told it is done. */
  private async assignment(
    payload: EventOf<'ASSIGNMENT_OFFERED' | 'ASSIGNMENT_ACCEPTED' | 'ASSIGNMENT_COMPLETED'>,
  ): Promise<JobResult> {
    const facts = await this.subjects.assignment(payload.assignmentId);
    if (!facts) return skipped('the assignment is gone');
    const wanted = payload.event.replace('ASSIGNMENT_', '');
    if (facts.status !== wanted) return skipped(`the assignment is ${facts.status}`);
    const base = {
      subjectId: payload.assignmentId,
      link: { screen: 'ASSIGNMENT', id: payload.assignmentId },
    };
    // Each is named to the other: the member asked for this help and the helper took it (a tie
    // for the record, never shown as a contact); nothing of either one's plans.
    const helper = firstName(facts.helperName);
    const member = firstName(facts.memberName);
    switch (payload.event) {
      case 'ASSIGNMENT_OFFERED':
        return this.send(payload, {
          ...base,
          personId: facts.helperId,
          kind: NudgeKind.ASSIGNMENT_OFFERED,
          words: NudgeKind.ASSIGNMENT_OFFERED,
          params: () => ({ name: member, skill: facts.skill }),
        });
      case 'ASSIGNMENT_ACCEPTED':
        return this.send(payload, {
          ...base,
          personId: facts.memberId,
          kind: NudgeKind.ASSIGNMENT_ACCEPTED,
          words: NudgeKind.ASSIGNMENT_ACCEPTED,
          params: () => ({ name: helper, skill: facts.skill }),
        });
      case 'ASSIGNMENT_COMPLETED': {
        const thanks = await this.send(payload, {
          ...base,
          personId: facts.helperId,
          kind: NudgeKind.ASSIGNMENT_COMPLETED,
          words: NudgeKind.ASSIGNMENT_COMPLETED,
          params: () => ({ name: member, skill: facts.skill, minutes: String(facts.minutes ?? 0) }),
        });
        const told = await this.send(payload, {
          ...base,
          personId: facts.memberId,
          kind: NudgeKind.ASSIGNMENT_COMPLETED,
          words: 'ASSIGNMENT_COMPLETED_MEMBER',
          params: () => ({ name: helper, skill: facts.skill }),
        });
        return thanks.status === 'done' || told.status === 'done' ? done : thanks;
      }
    }
  }

  /** The helper, and the coordinators nearest their area, 30 days before the check runs out. */
  private async dbsExpiring(payload: EventOf<'DBS_EXPIRING'>): Promise<JobResult> {
    const helper = await this.subjects.helperDbs(payload.helperId);
    if (!helper) return skipped('no longer a helper');
    if (helper.expiresOn !== payload.expiresOn) return skipped('the DBS check was renewed');
    if (helper.status !== 'APPROVED') return skipped(`the helper is ${helper.status}`);
    const [year, month, day] = payload.expiresOn.split('-').map(Number);
    const expires = new Date(Date.UTC(year, month - 1, day, 12));
    const date = (language: NudgeLanguage) =>
      new Intl.DateTimeFormat(language === 'es' ? 'es-ES' : 'en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(expires);
    const base = {
      kind: NudgeKind.DBS_EXPIRING,
      subjectId: payload.helperId,
      keySlot: payload.expiresOn,
      expiresAt: expires,
    };
    const results = [
      await this.send(payload, {
        ...base,
        personId: payload.helperId,
        words: NudgeKind.DBS_EXPIRING,
        params: (language) => ({ date: date(language) }),
        link: { screen: 'HELPER_PROFILE', id: null },
      }),
    ];
    for (const coordinator of await this.subjects.nearestCoordinators(helper.areaId))
      if (coordinator !== payload.helperId)
        results.push(
          await this.send(payload, {
            ...base,
            personId: coordinator,
            words: 'DBS_EXPIRING_COORDINATOR',
            params: (language) => ({ date: date(language), name: helper.name }),
            link: { screen: 'HELPER', id: payload.helperId },
          }),
        );
    return results.some((r) => r.status === 'done') ? done : results[0];
  }

  /** Three weeks without a booking: one gentle suggestion, their top recommended session. */
  private async reEngage(payload: EventOf<'RE_ENGAGE' | 'CHECK_IN'>): Promise<JobResult> {
    const since = new Date(payload.since);
    if (await this.subjects.bookedSince(payload.personId, since))
      return skipped('booked something since');
    const top = (await this.sessions.recommend(payload.personId, 1)).matches[0];
    const session = top && (await this.nudges.sessionFacts(top.candidate.sessionId));
    return this.send(payload, {
      personId: payload.personId,
      kind: NudgeKind.RE_ENGAGE,
      subjectId: payload.personId,
      keySlot: String(payload.since),
      words: session ? NudgeKind.RE_ENGAGE : 'RE_ENGAGE_NOTHING_NEAR',
      params: (language): Record<string, string> =>
        session
          ? {
              activity: session.activityTitle,
              venue: session.venueName,
              when: sayWhen(session.startsAt, language),
            }
          : {},
      link: session
        ? { screen: 'SESSION', id: top.candidate.sessionId }
        : { screen: 'DISCOVER', id: null },
      expiresAt: session?.startsAt ?? null,
    });
  }

  /** A survey due: asked once per quiet question (a prompt: limited, paused, gathered). */
  private async surveyDue(payload: EventOf<'SURVEY_DUE'>): Promise<JobResult> {
    if (
      await this.subjects.answeredSince(
        payload.personId,
        payload.instrumentId,
        new Date(payload.since),
      )
    )
      return skipped('answered since');
    return this.send(payload, {
      personId: payload.personId,
      kind: NudgeKind.SURVEY_DUE,
      // One nudge per person and due date, however many instruments fall due together.
      subjectId: payload.personId,
      keySlot: `${payload.stage}-${new Date(payload.since).toISOString().slice(0, 10)}`,
      words: NudgeKind.SURVEY_DUE,
      params: () => ({}),
      link: { screen: 'SURVEYS', id: null },
    });
  }

  /**
   * Someone else signed in on a device this person had nudges on, and it is theirs now: this
   * person is told, in neutral words that never say who, by their other channels (the device
   * itself no longer is one). One per move.
   */
  private deviceReassigned(payload: EventOf<'DEVICE_REASSIGNED'>): Promise<JobResult> {
    return this.send(payload, {
      personId: payload.personId,
      kind: NudgeKind.DEVICE_REASSIGNED,
      subjectId: payload.personId,
      keySlot: String(payload.since),
      words: NudgeKind.DEVICE_REASSIGNED,
      params: () => ({}),
      link: null,
    });
  }

  /**
   * Six weeks without a booking, and no answer to the suggestion: not another message but a
   * person. A check-in task for the coordinators nearest the member's home, each told once.
   */
  private async checkIn(payload: EventOf<'RE_ENGAGE' | 'CHECK_IN'>): Promise<JobResult> {
    const since = new Date(payload.since);
    if (await this.subjects.bookedSince(payload.personId, since))
      return skipped('booked something since');
    const suggested = await this.nudges.sentSince(payload.personId, [NudgeKind.RE_ENGAGE], since);
    if (suggested === 0) return skipped('no suggestion was sent this quiet spell');
    const areaId = await this.subjects.homeAreaOf(payload.personId);
    // Once per quiet spell; a decision moved past quiet hours comes back here and finds it.
    const task = await this.nudges.checkInTask(payload.personId, areaId, since);
    const name = (await this.subjects.displayName(payload.personId)) ?? '';
    for (const coordinator of await this.subjects.nearestCoordinators(areaId))
      await this.send(payload, {
        personId: coordinator,
        kind: NudgeKind.CHECK_IN,
        subjectId: task.id,
        words: NudgeKind.CHECK_IN,
        params: () => ({ name }),
        link: { screen: 'CHECK_IN', id: task.id },
      });
    return task.created ? done : skipped('the check-in task exists already');
  }

  /**
   * The one path every nudge takes: its words in the member's language (and variant), the
   * policy (quiet hours, the weekly limit for prompts, a pause, the digest), then sent, moved
   * to later (this same decision, again, as a job due then), or recorded as skipped with why.
   */
  private async send(payload: Decide, plan: NudgePlan): Promise<JobResult> {
    const now = this.clock.now();
    const prefs = await this.inbox.preferences(plan.personId);
    const language: NudgeLanguage = isNudgeLanguage(prefs.language) ? prefs.language : 'en';
    const dueAt = plan.dueAt ?? now;
    const chosen = chooseVariant(plan.personId, plan.words);
    const key = nudgeKey(plan.personId, plan.kind, plan.subjectId, plan.keySlot ?? null);
    // Prompts for one member decided at once (a digest time, a busy day) take turns here, so
    // the weekly limit counts each of the others.
    if (NUDGE_CLASS[plan.kind] === 'prompt') await this.nudges.lockPerson(plan.personId);
    const promptsThisWeek =
      NUDGE_CLASS[plan.kind] === 'prompt'
        ? await this.nudges.sentSince(
            plan.personId,
            PROMPT_KINDS,
            new Date(now.getTime() - 7 * DAY_MS),
          )
        : 0;
    const decision = decideNudge(
      { kind: plan.kind, slot: plan.slot ?? null, dueAt, expiresAt: plan.expiresAt ?? null },
      { prefs, promptsThisWeek },
      now,
    );
    const build = () => ({
      personId: plan.personId,
      kind: plan.kind,
      key,
      dueAt,
      ...nudgeWords(chosen.words, language, plan.params(language)),
      linkScreen: plan.link?.screen ?? null,
      linkId: plan.link?.id ?? null,
      subjectId: plan.subjectId,
      expiresAt: plan.expiresAt ?? null,
      variant: chosen.variant,
    });
    // Gone from Kith: nothing more is sent, whatever the policy would say (not even later).
    if (await this.subjects.hasLeft(plan.personId)) {
      await this.nudges.record(build(), { skipReason: LEFT_KITH });
      return skipped(LEFT_KITH);
    }
    if (decision.send && decision.at.getTime() > now.getTime())
      return this.later(payload, key, decision.at, decision.moved);
    if (decision.send) await plan.beforeSending?.();
    const nudge = build();
    if (!decision.send) {
      await this.nudges.record(nudge, { skipReason: decision.reason });
      return skipped(decision.reason);
    }
    const { created } = await this.dispatcher.send(
      { ...nudge, digest: decision.digest },
      decision.channels,
    );
    // Gathered: in the inbox now, and in the day's one digest message a few minutes on, which
    // carries whatever else was gathered for the same digest time.
    if (created && decision.digest) {
      const day = londonDate(now);
      await this.outbox.schedule(
        JobName.SendDigest,
        { personId: plan.personId, day },
        {
          // One per gathering: a prompt decided after an earlier one went gets a digest of its own.
          key: `${plan.personId}-${day}-${Math.floor(now.getTime() / DIGEST_GATHER_MS)}`,
          at: new Date(now.getTime() + DIGEST_GATHER_MS),
        },
      );
    }
    return created ? done : skipped('already in the inbox');
  }

  /** This same decision again at `at`: a job due then, keyed by the nudge and the time. */
  private async later(payload: Decide, key: string, at: Date, moved: string | null) {
    await this.outbox.schedule(JobName.DecideNudge, payload, {
      key: `${key.replace(/[^A-Za-z0-9_-]/g, '_')}-at-${at.getTime()}`,
      at,
    });
    return skipped(`moved to ${at.toISOString()} (${moved ?? 'later'})`);
  }
}
