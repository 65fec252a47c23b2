/** What a nudge is about: the names the GraphQL contract gives (API.md `NudgeKind`). */
export enum NudgeKind {
  SESSION_REMINDER = 'SESSION_REMINDER',
  SESSION_CANCELLED = 'SESSION_CANCELLED',
  WAITLIST_PROMOTED = 'WAITLIST_PROMOTED',
  FIRST_VISIT_SUPPORT = 'FIRST_VISIT_SUPPORT',
  FOLLOW_UP = 'FOLLOW_UP',
  RE_ENGAGE = 'RE_ENGAGE',
  INTRODUCTION_RECEIVED = 'INTRODUCTION_RECEIVED',
  INTRODUCTION_ACCEPTED = 'INTRODUCTION_ACCEPTED',
  ASSIGNMENT_OFFERED = 'ASSIGNMENT_OFFERED',
  ASSIGNMENT_ACCEPTED = 'ASSIGNMENT_ACCEPTED',
  ASSIGNMENT_COMPLETED = 'ASSIGNMENT_COMPLETED',
  DBS_EXPIRING = 'DBS_EXPIRING',
  SURVEY_DUE = 'SURVEY_DUE',
  /** To a coordinator: a member quiet for six weeks would be glad of a call from a person. */
  CHECK_IN = 'CHECK_IN',
  /** Someone else signed in on a device this person had nudges on: they no longer go there. */
  DEVICE_REASSIGNED = 'DEVICE_REASSIGNED',
}

/** Where a nudge can be delivered; the in-app inbox always is. */
export enum NudgeChannel {
  INBOX = 'INBOX',
  EMAIL = 'EMAIL',
  PUSH = 'PUSH',
  SMS = 'SMS',
}

/**
 * How a kind is treated:
 * - `booking`: about a place the member holds (reminders, a cancellation, a promotion off the
 *   waitlist). Never counted against the weekly limit, never gathered into a digest; quiet
 *   hours still hold.
 * - `service`: what someone needs to do their part (a helper's offer, a DBS check running out,
 *   an introduction accepted). Not limited, not gathered, quiet hours hold.
 * - `prompt`: a suggestion of a next step (first visit, follow-up, coming back, an
 *   introduction asked, a survey). Limited to the member's weekly limit, gathered into the
 *   digest when they chose one, dropped while they pause.
 */
export type NudgeClass = 'booking' | 'service' | 'prompt';

/** Every kind's class: a Record, so a new kind without one does not compile. */
export const NUDGE_CLASS: Record<NudgeKind, NudgeClass> = {
  [NudgeKind.SESSION_REMINDER]: 'booking',
  [NudgeKind.SESSION_CANCELLED]: 'booking',
  [NudgeKind.WAITLIST_PROMOTED]: 'booking',
  [NudgeKind.FIRST_VISIT_SUPPORT]: 'prompt',
  [NudgeKind.FOLLOW_UP]: 'prompt',
  [NudgeKind.RE_ENGAGE]: 'prompt',
  [NudgeKind.INTRODUCTION_RECEIVED]: 'prompt',
  [NudgeKind.INTRODUCTION_ACCEPTED]: 'service',
  [NudgeKind.ASSIGNMENT_OFFERED]: 'service',
  [NudgeKind.ASSIGNMENT_ACCEPTED]: 'service',
  [NudgeKind.ASSIGNMENT_COMPLETED]: 'service',
  [NudgeKind.DBS_EXPIRING]: 'service',
  [NudgeKind.SURVEY_DUE]: 'prompt',
  [NudgeKind.CHECK_IN]: 'service',
  [NudgeKind.DEVICE_REASSIGNED]: 'service',
};

/** Which of a session's two reminders: the day before, or two hours before it starts. */
export enum ReminderSlot {
  DAY_BEFORE = 'DAY_BEFORE',
  TWO_HOURS = 'TWO_HOURS',
}

const HOUR_MS = 3600 * 1000;

/** When each reminder of a session starting at `startsAt` falls due. */
export function reminderDueAt(startsAt: Date, slot: ReminderSlot): Date {
  switch (slot) {
    case ReminderSlot.DAY_BEFORE:
      return new Date(startsAt.getTime() - 24 * HOUR_MS);
    case ReminderSlot.TWO_HOURS:
      return new Date(startsAt.getTime() - 2 * HOUR_MS);
  }
}

/**
 * The key a nudge is unique by: one per person, kind, subject (the session, the introduction…)
 * and slot (which reminder, which fortnight of coming back). The database holds it unique, so the
 * same event decided twice writes one nudge.
 */
export function nudgeKey(
  personId: string,
  kind: NudgeKind,
  subjectId: string,
  slot: string | null = null,
): string {
  return `${personId}:${kind}:${subjectId}:${slot ?? '-'}`;
}
