import { Injectable } from '@nestjs/common';
import { JobRepository } from './job.repository';
import { JOB_PAYLOADS, jobId } from './jobs';
import type { JobName, JobPayloads } from './jobs';

export interface ScheduledJob<N extends JobName = JobName> {
  name: N;
  payload: JobPayloads[N];
  /** Makes the job id deterministic (`<name>-<key>`): the same key twice is one job. */
  key: string;
  /** Due time; now when absent. Work due later waits in Postgres, costing Redis nothing. */
  at?: Date;
}

/**
 * The typed facade through which services cause deferred work. It writes job rows in the
 * caller's transaction; nothing reaches Redis unless that transaction commits.
 */
@Injectable()
export class JobOutbox {
  constructor(private readonly jobs: JobRepository) {}

  /** Returns false for a duplicate: a retried request never causes the work twice. */
  async schedule<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { key: string; at?: Date },
  ): Promise<boolean> {
    const inserted = await this.scheduleMany([{ name, payload, ...options }]);
    return inserted === 1;
  }

  /** Many jobs in one statement; returns how many were new. */
  async scheduleMany(jobs: ScheduledJob[]): Promise<number> {
    const rows = jobs.map((job) => {
      // A payload off its schema here is a bug in the caller: refuse it before it is stored.
      JOB_PAYLOADS[job.name].parse(job.payload);
      return {
        jobName: job.name,
        jobId: jobId(job.name, job.key),
        payload: job.payload,
        availableAt: job.at ?? null,
      };
    });
    return (await this.jobs.insert(rows)).length;
  }
}
