import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
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
  constructor(
    private readonly jobs: JobRepository,
    private readonly db: Db,
  ) {}

  /** Whether a job of this name is still to run (pending, or handed to BullMQ and not done). */
  async waiting(name: JobName): Promise<boolean> {
    const [row] = await this.db.query<{ waiting: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM job WHERE state = 'pending' AND job_name = $1)
           OR EXISTS (SELECT 1 FROM job WHERE state = 'enqueued' AND job_name = $1) AS waiting`,
      [name],
    );
    return row.waiting;
  }

  /**
   * Jobs of this name still to run, marked done: what they would do has just been done another
   * way (a rebuild run from the command line). One already handed to BullMQ may still run (its
   * work must be idempotent); its copy lost with Redis no longer holds anything up. In the
   * caller's transaction, and only those asked for before it began (now() is its start).
   */
  async supersede(name: JobName, by: string): Promise<number> {
    const rows = await this.db.query(
      `UPDATE job SET state = 'done', finished_at = now(), result = $2
        WHERE job_name = $1 AND state IN ('pending', 'enqueued') AND created_at <= now()
        RETURNING 1`,
      [name, JSON.stringify({ supersededBy: by })],
    );
    return rows.length;
  }

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
