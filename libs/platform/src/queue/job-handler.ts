import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads, JobResult } from './jobs';

export const JOB_HANDLER_METADATA = 'kith:job-handler';

export interface JobContext {
  jobId: string;
  attempt: number;
}

export type JobHandlerFn<N extends JobName> = (
  payload: JobPayloads[N],
  context: JobContext,
) => Promise<JobResult>;

export interface JobHandlerOptions {
  /**
   * true (the default): the handler runs inside the transaction that records the job done, so its
   * writes and "done" commit together and a job whose effect committed never runs for effect
   * again. false: for handlers that talk to the outside world or commit in steps of their own;
   * they run outside any transaction and must keep their own record of progress (re-read, skip
   * what is done), since a crash before "done" is recorded runs them again.
   */
  atomic?: boolean;
}

export interface JobHandlerMetadata {
  name: JobName;
  atomic: boolean;
}

/** Marks the method that handles one job name. The worker refuses to start without exactly one. */
export function JobHandler<N extends JobName>(name: N, options: JobHandlerOptions = {}) {
  return <T extends JobHandlerFn<N>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    const metadata: JobHandlerMetadata = { name, atomic: options.atomic ?? true };
    SetMetadata(JOB_HANDLER_METADATA, metadata)(target, key, descriptor);
  };
}

export interface FoundHandler {
  name: string;
  owner: string;
}

/** Problems with the set of handlers found; empty when every job has exactly one. */
export function handlerProblems(found: FoundHandler[], jobNames: string[]): string[] {
  const problems: string[] = [];
  for (const name of jobNames) {
    const owners = found.filter((handler) => handler.name === name).map((handler) => handler.owner);
    if (owners.length === 0) problems.push(`job "${name}" has no handler`);
    if (owners.length > 1)
      problems.push(`job "${name}" has ${owners.length} handlers: ${owners.join(', ')}`);
  }
  for (const handler of found) {
    if (!jobNames.includes(handler.name)) {
      problems.push(`${handler.owner} handles "${handler.name}", which is not a job name`);
    }
  }
  return problems;
}
