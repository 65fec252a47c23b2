/**
 * The one job contract: every deferred piece of work has a name here, a typed payload, a queue
 * and exactly one handler in the worker. Payloads carry ids only; handlers re-read state.
 */
export enum JobName {
  SendSignInCodeMail = 'send-sign-in-code-mail',
  ExpandRecurringSessions = 'expand-recurring-sessions',
}

export enum QueueName {
  Mail = 'mail',
  Default = 'default',
}

export interface JobPayloads {
  [JobName.SendSignInCodeMail]: { signInCodeId: string };
  /** Decides for every recurring activity; no ids needed. */
  [JobName.ExpandRecurringSessions]: Record<string, never>;
}

export type Job<N extends JobName = JobName> = {
  [K in N]: { name: K; payload: JobPayloads[K] };
}[N];

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.SendSignInCodeMail]: QueueName.Mail,
  [JobName.ExpandRecurringSessions]: QueueName.Default,
};

export interface JobSchedule<N extends JobName = JobName> {
  /** Stable: upserting the same key again replaces, never duplicates. */
  key: string;
  name: N;
  payload: JobPayloads[N];
  /** Cron pattern in Europe/London wall time. */
  pattern: string;
}

/** Repeating work, registered by the worker at start as BullMQ job schedulers. */
export const JOB_SCHEDULES: JobSchedule[] = [
  {
    key: 'expand-recurring-sessions-daily',
    name: JobName.ExpandRecurringSessions,
    payload: {},
    pattern: '15 3 * * *',
  },
];

export type JobResult = { status: 'done' } | { status: 'skipped'; reason: string };

export const done: JobResult = { status: 'done' };
export const skipped = (reason: string): JobResult => ({ status: 'skipped', reason });

export function isJobName(value: string): value is JobName {
  return (Object.values(JobName) as string[]).includes(value);
}

/** BullMQ refuses bare integers and ':' in custom ids; ours are `<job-name>-<key>`. */
export function jobId(name: JobName, key: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(key)) {
    throw new Error(`A job key may hold only letters, digits, - and _ (got "${key}")`);
  }
  return `${name}-${key}`;
}
