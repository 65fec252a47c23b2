import { z } from 'zod';

/**
 * The one job contract: every deferred piece of work has a name here, a payload schema, a queue
 * and exactly one handler in the worker. Payloads carry ids only; handlers re-read state.
 */
export enum JobName {
  SendSignInCodeMail = 'send-sign-in-code-mail',
  /** Daily: one ExpandActivitySessions per recurring activity whose sessions run short. */
  ExpandRecurringSessions = 'expand-recurring-sessions',
  ExpandActivitySessions = 'expand-activity-sessions',
  /** Deletes the records of jobs done longer ago than the retention. */
  PruneJobs = 'prune-jobs',
  /** Deletes Idempotency-Key answers past their 24 hours. */
  PruneIdempotencyKeys = 'prune-idempotency-keys',
  /** Does nothing but finish: an operator's end-to-end check of the pipeline (`cli jobs probe`). */
  Probe = 'probe',
  /** Something happened that may warrant a nudge: the nudges lib decides whether, when, where. */
  DecideNudge = 'decide-nudge',
  /** One nudge by one channel (email, push, SMS): sends it and records what happened. */
  DeliverNudge = 'deliver-nudge',
  /** Asks Expo what became of the push tickets sent a while ago. */
  CheckPushReceipts = 'check-push-receipts',
  /** Forgets push tokens no app has registered for 30 days. */
  PruneDevices = 'prune-devices',
  /** Daily: finds who a nudge is due for without an event (DBS running out, weeks away). */
  FindDueNudges = 'find-due-nudges',
  /** A member's daily digest: the day's gathered prompts, in one message per channel. */
  SendDigest = 'send-digest',
  /** Nudges planned for later (reminders) whose time has come: decided again and sent, in batches. */
  ReleaseDueNudges = 'release-due-nudges',
  /** A session's attendance was recorded: its co-attendance ties are worked out again. */
  RecountCoAttendance = 'recount-co-attendance',
  /** Nightly: every member's network measures for the day (ties, diversity, attendance, isolation). */
  TakeNetworkSnapshots = 'take-network-snapshots',
  /** A session's attendance was recorded: what it gives the participation rollups is worked out again. */
  RollUpSessionAttendance = 'roll-up-session-attendance',
  /** Every participation rollup worked out again from all attendance (after a migration, an import). */
  RebuildParticipationRollups = 'rebuild-participation-rollups',
  /** A member's profile changed (home, interests, age band): their rollup rows are worked out again. */
  RollUpMember = 'roll-up-member',
  /**
   * Identity's fact: a signed-in session ended (signed out, or revoked for a reused refresh
   * token). What was registered through it (push devices) is forgotten by its owner's handler.
   */
  AuthSessionEnded = 'auth-session-ended',
}

export enum QueueName {
  Mail = 'mail',
  Default = 'default',
}

/**
 * One schema per job name, checked when a job is scheduled, when it is relayed and when it runs:
 * a row whose payload fails it is quarantined with the reason instead of blocking others. Keys
 * a schema does not know are dropped, not refused, so a field added by a newer version does not
 * fail its jobs on a pod still running the older one during a rollout.
 */
export const JOB_PAYLOADS = {
  [JobName.SendSignInCodeMail]: z.object({ signInCodeId: z.string().uuid() }),
  /** Decides for every recurring activity; no ids needed. */
  [JobName.ExpandRecurringSessions]: z.object({}),
  [JobName.ExpandActivitySessions]: z.object({ activityId: z.string().uuid() }),
  [JobName.PruneJobs]: z.object({}),
  [JobName.PruneIdempotencyKeys]: z.object({}),
  [JobName.Probe]: z.object({ requestedAt: z.string().datetime() }),
  /** One member per event; what it is about as ids, re-read when the job runs. */
  [JobName.DecideNudge]: z.discriminatedUnion('event', [
    z.object({ event: z.literal('WAITLIST_PROMOTED'), bookingId: z.string().uuid() }),
    z.object({ event: z.literal('SESSION_CANCELLED'), bookingId: z.string().uuid() }),
    /** A place given up: what was planned for it is called off. */
    z.object({ event: z.literal('BOOKING_RELEASED'), bookingId: z.string().uuid() }),
    /** A place taken: plans the session's reminders. */
    z.object({ event: z.literal('SESSION_BOOKED'), bookingId: z.string().uuid() }),
    /** Came to the session: plans the follow-up ("how was it?") for three hours after it. */
    z.object({ event: z.literal('SESSION_ATTENDED'), bookingId: z.string().uuid() }),
    z.object({ event: z.literal('FOLLOW_UP'), bookingId: z.string().uuid() }),
    z.object({ event: z.literal('INTRODUCTION_RECEIVED'), introductionId: z.string().uuid() }),
    z.object({ event: z.literal('INTRODUCTION_ACCEPTED'), introductionId: z.string().uuid() }),
    z.object({ event: z.literal('ASSIGNMENT_OFFERED'), assignmentId: z.string().uuid() }),
    z.object({ event: z.literal('ASSIGNMENT_ACCEPTED'), assignmentId: z.string().uuid() }),
    z.object({ event: z.literal('ASSIGNMENT_COMPLETED'), assignmentId: z.string().uuid() }),
    /** A helper's DBS check runs out on `expiresOn` (YYYY-MM-DD), 30 days from when it is told. */
    z.object({
      event: z.literal('DBS_EXPIRING'),
      helperId: z.string().uuid(),
      expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
    /** A survey falls due (a baseline soon after joining, or a review): a gentle ask. */
    z.object({
      event: z.literal('SURVEY_DUE'),
      personId: z.string().uuid(),
      instrumentId: z.string().min(1).max(60),
      stage: z.enum(['BASELINE', 'REVIEW']),
      /** The last answer it follows (epoch ms), or joining for a baseline. */
      since: z.number().int(),
    }),
    /** Someone else registered a device of this person's at `since` (epoch ms): they are told. */
    z.object({
      event: z.literal('DEVICE_REASSIGNED'),
      personId: z.string().uuid(),
      since: z.number().int(),
    }),
    /** No booking since `since` (epoch ms): one gentle suggestion, or after 42 days a person. */
    z.object({
      event: z.enum(['RE_ENGAGE', 'CHECK_IN']),
      personId: z.string().uuid(),
      since: z.number().int(),
    }),
  ]),
  [JobName.DeliverNudge]: z.object({
    nudgeId: z.string().uuid(),
    channel: z.enum(['EMAIL', 'PUSH', 'SMS']),
    /** Which attempt this job is: a retry is a new job, due after its backoff. */
    attempt: z.number().int().min(1),
  }),
  [JobName.CheckPushReceipts]: z.object({}),
  [JobName.PruneDevices]: z.object({}),
  [JobName.FindDueNudges]: z.object({}),
  [JobName.ReleaseDueNudges]: z.object({}),
  [JobName.SendDigest]: z.object({
    personId: z.string().uuid(),
    day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
  [JobName.RecountCoAttendance]: z.object({ sessionId: z.string().uuid() }),
  [JobName.TakeNetworkSnapshots]: z.object({}),
  [JobName.RollUpSessionAttendance]: z.object({ sessionId: z.string().uuid() }),
  [JobName.RebuildParticipationRollups]: z.object({}),
  [JobName.RollUpMember]: z.object({
    personId: z.string().uuid(),
    /** The home changed: every session they came to is worked out again. */
    moved: z.boolean().optional(),
  }),
  [JobName.AuthSessionEnded]: z.object({ sessionId: z.string().uuid() }),
} satisfies Record<JobName, z.ZodTypeAny>;

export type JobPayloads = { [K in JobName]: z.infer<(typeof JOB_PAYLOADS)[K]> };

export type Job<N extends JobName = JobName> = {
  [K in N]: { name: K; payload: JobPayloads[K] };
}[N];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SendSignInCodeMail]: QueueName.Mail,
  [JobName.ExpandRecurringSessions]: QueueName.Default,
  [JobName.ExpandActivitySessions]: QueueName.Default,
  [JobName.PruneJobs]: QueueName.Default,
  [JobName.PruneIdempotencyKeys]: QueueName.Default,
  [JobName.Probe]: QueueName.Default,
  [JobName.DecideNudge]: QueueName.Default,
  // The outside world is slow at times: deliveries wait on it apart from the rest.
  [JobName.DeliverNudge]: QueueName.Mail,
  [JobName.CheckPushReceipts]: QueueName.Mail,
  [JobName.PruneDevices]: QueueName.Default,
  [JobName.FindDueNudges]: QueueName.Default,
  [JobName.ReleaseDueNudges]: QueueName.Default,
  [JobName.SendDigest]: QueueName.Mail,
  [JobName.RecountCoAttendance]: QueueName.Default,
  [JobName.TakeNetworkSnapshots]: QueueName.Default,
  [JobName.RollUpSessionAttendance]: QueueName.Default,
  [JobName.RebuildParticipationRollups]: QueueName.Default,
  [JobName.RollUpMember]: QueueName.Default,
  [JobName.AuthSessionEnded]: QueueName.Default,
};

export interface JobSchedule<N extends JobName = JobName> {
  /** Stable: the schedule's row in Postgres and part of each run's job id. */
  key: string;
  name: N;
  payload: JobPayloads[N];
  /** Cron pattern in Europe/London wall time. */
  pattern: string;
}

/** Repeating work. The rows in `job_schedule` follow this list whenever a worker starts. */
export const JOB_SCHEDULES: JobSchedule[] = [
  {
    key: 'expand-recurring-sessions-daily',
    name: JobName.ExpandRecurringSessions,
    payload: {},
    pattern: '15 3 * * *',
  },
  { key: 'prune-jobs-daily', name: JobName.PruneJobs, payload: {}, pattern: '45 4 * * *' },
  {
    key: 'prune-idempotency-keys-hourly',
    name: JobName.PruneIdempotencyKeys,
    payload: {},
    pattern: '5 * * * *',
  },
  {
    key: 'check-push-receipts',
    name: JobName.CheckPushReceipts,
    payload: {},
    pattern: '*/15 * * * *',
  },
  { key: 'prune-devices-daily', name: JobName.PruneDevices, payload: {}, pattern: '20 4 * * *' },
  // Mid-morning, so what it finds is decided (and sent) in waking hours.
  {
    key: 'find-due-nudges-daily',
    name: JobName.FindDueNudges,
    payload: {},
    pattern: '30 10 * * *',
  },
  // At 02:00, when the day's attendance is in and nobody is about.
  {
    key: 'network-snapshots-nightly',
    name: JobName.TakeNetworkSnapshots,
    payload: {},
    pattern: '0 2 * * *',
  },
];

export type JobResult = { status: 'done' } | { status: 'skipped'; reason: string };

export const done: JobResult = { status: 'done' };
export const skipped = (reason: string): JobResult => ({ status: 'skipped', reason });

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}

const JOB_KEY = /^[A-Za-z0-9_-]+$/;

export function isJobKey(key: string): boolean {
  return JOB_KEY.test(key);
}

/** BullMQ refuses bare integers and ':' in custom ids; ours are `<job-name>-<key>`. */
export function jobId(name: JobName, key: string): string {
  if (!isJobKey(key)) {
    throw new Error(`A job key may hold only letters, digits, - and _ (got "${key}")`);
  }
  return `${name}-${key}`;
}

export type PayloadCheck =
  { ok: true; name: JobName; payload: JobPayloads[JobName] } | { ok: false; reason: string };

/** Whether a stored job (name and payload as read back) is one this code can run. */
export function checkJob(name: string, payload: unknown): PayloadCheck {
  if (!isJobName(name)) return { ok: false, reason: `unknown job name "${name}"` };
  const parsed = JOB_PAYLOADS[name].safeParse(payload);
  if (!parsed.success) {
    const details = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(payload)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, reason: `payload does not fit "${name}": ${details}` };
  }
  return { ok: true, name, payload: parsed.data };
}
