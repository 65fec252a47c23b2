import { Injectable } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { JobOutbox } from './job-outbox';
import { JobState } from './job.entity';
import { JobRepository } from './job.repository';
import type { FailedJobRow, JobCountRow } from './job.repository';
import { isJobName, jobId, JobName } from './jobs';

export interface JobSummary {
  counts: JobCountRow[];
  oldestPending: { jobName: string; dueAt: Date } | null;
  schedules: { key: string; nextRunAt: Date; lastRunAt: Date | null }[];
}

/** What operators see and do about jobs (`npm run cli -- jobs …`). */
@Injectable()
export class JobAdminService {
  constructor(
    private readonly jobs: JobRepository,
    private readonly outbox: JobOutbox,
  ) {}

  async summary(): Promise<JobSummary> {
    const counts = await this.jobs.counts();
    const pending = counts
      .filter((row) => row.state === JobState.Pending && row.oldestDueAt)
      .sort((a, b) => (a.oldestDueAt?.getTime() ?? 0) - (b.oldestDueAt?.getTime() ?? 0))[0];
    return {
      counts,
      oldestPending:
        pending?.oldestDueAt != null
          ? { jobName: pending.jobName, dueAt: pending.oldestDueAt }
          : null,
      schedules: await this.jobs.schedules(),
    };
  }

  failed(filter: { jobName?: string; limit?: number }): Promise<FailedJobRow[]> {
    return this.jobs.failed({ jobName: filter.jobName, limit: filter.limit ?? 50 });
  }

  /** Retries one failed job by its row id, or every failed job of a name; returns the ids. */
  async retry(target: { id: string } | { jobName: string }): Promise<string[]> {
    if ('id' in target) {
      if (!/^\d{1,18}$/.test(target.id)) {
        throw DomainError.badInput([{ path: 'id', message: 'must be a job row id (digits)' }]);
      }
      const [row] = await this.jobs.byId(target.id);
      if (!row) throw DomainError.notFound('Job');
      if (row.state !== JobState.Failed) {
        throw DomainError.conflict(`job ${row.id} is ${row.state}, not failed`);
      }
    }
    return this.jobs.retry(target);
  }

  /**
   * Sends a probe job through the whole pipeline (relay, Redis, a worker) and waits for it to be
   * done: how long it took, or null if no worker finished it in time.
   */
  async probe(timeoutMs: number): Promise<number | null> {
    if (!Number.isInteger(timeoutMs) || timeoutMs < 100 || timeoutMs > 600_000) {
      throw DomainError.badInput([
        { path: 'timeout-ms', message: 'a whole number of milliseconds from 100 to 600000' },
      ]);
    }
    const requestedAt = new Date();
    const key = `${requestedAt.getTime()}-${Math.random().toString(36).slice(2, 10)}`;
    await this.outbox.schedule(JobName.Probe, { requestedAt: requestedAt.toISOString() }, { key });
    const id = jobId(JobName.Probe, key);
    for (;;) {
      const state = await this.jobs.stateOf(id);
      if (state === JobState.Done) return Date.now() - requestedAt.getTime();
      if (state === JobState.Failed || Date.now() - requestedAt.getTime() > timeoutMs) return null;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** A job name given on the command line, or a clear error listing the names there are. */
export function parseJobName(value: string): JobName {
  if (!isJobName(value)) {
    throw DomainError.badInput([
      { path: 'name', message: `use one of ${Object.values(JobName).join(', ')}` },
    ]);
  }
  return value;
}
