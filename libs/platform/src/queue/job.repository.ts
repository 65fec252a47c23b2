import { Injectable } from '@nestjs/common';
import { Db } from '../database/db';
import { JobState } from './job.entity';

export interface NewJobRow {
  jobName: string;
  jobId: string;
  payload: object;
  availableAt: Date | null;
}

export interface ClaimedJobRow {
  id: string;
  jobName: string;
  jobId: string;
  payload: unknown;
  rescues: number;
}

export interface JobCountRow {
  state: JobState;
  jobName: string;
  count: number;
  oldestDueAt: Date | null;
}

export interface FailedJobRow {
  id: string;
  jobName: string;
  jobId: string;
  attempts: number;
  rescues: number;
  lastError: string | null;
  finishedAt: Date | null;
  createdAt: Date;
}

export interface LateJobs {
  count: number;
  oldestDueAt: Date | null;
  jobName: string | null;
}

export interface ScheduleRow {
  key: string;
  jobName: string;
  payload: unknown;
  pattern: string;
  nextRunAt: Date;
  now: Date;
}

const OPEN = `state IN ('pending', 'enqueued')`;
const lease = (param: string) => `now() + make_interval(secs => ${param}::double precision / 1000)`;

/** Every statement over `job` and `job_schedule`. */
@Injectable()
export class JobRepository {
  constructor(private readonly db: Db) {}

  /** Inserts what is new; a row whose job id is already there is left alone. Returns new ids. */
  async insert(rows: NewJobRow[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await this.db.query<{ jobId: string }>(
      `INSERT INTO job (job_name, job_id, payload, available_at)
       SELECT name, id, payload, COALESCE(at, now())
         FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::timestamptz[]) AS r(name, id, payload, at)
       ON CONFLICT (job_id) DO NOTHING
       RETURNING job_id AS "jobId"`,
      [
        rows.map((row) => row.jobName),
        rows.map((row) => row.jobId),
        rows.map((row) => JSON.stringify(row.payload)),
        rows.map((row) => row.availableAt),
      ],
      { prepare: true },
    );
    return inserted.map((row) => row.jobId);
  }

  /**
   * Takes up to `limit` pending rows due by the database's clock or by `now` (the application's,
   * so work due later falls due when a test's clock says) for this relay (others skip them) and marks them enqueued
   * with a lease, in one statement: no lock is held while Redis is written.
   */
  claimDue(
    limit: number,
    leaseMs: number,
    jobNames: string[],
    now: Date,
  ): Promise<ClaimedJobRow[]> {
    return this.db.query<ClaimedJobRow>(
      `UPDATE job SET state = 'enqueued', enqueued_at = now(), lease_until = ${lease('$2')}
        WHERE id IN (SELECT id FROM job
                      WHERE state = 'pending' AND available_at <= GREATEST(now(), $4::timestamptz) AND job_name = ANY($3::text[])
                      ORDER BY available_at, id LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING id, job_name AS "jobName", job_id AS "jobId", payload, rescues`,
      [limit, leaseMs, jobNames, now],
      { prepare: true },
    );
  }

  /**
   * Fails pending rows overdue by more than `graceMs` whose job name none of `jobNames` is: long
   * past any rollout, no version knows them. Returns them.
   */
  failUnknown(jobNames: string[], graceMs: number): Promise<{ id: string; jobName: string }[]> {
    return this.db.query(
      `UPDATE job SET state = 'failed', finished_at = now(),
                      last_error = 'unknown job name "' || job_name || '"'
        WHERE id IN (SELECT id FROM job
                      WHERE state = 'pending'
                        AND available_at < now() - make_interval(secs => $2::double precision / 1000)
                        AND NOT (job_name = ANY($1::text[]))
                      LIMIT 500 FOR UPDATE SKIP LOCKED)
        RETURNING id, job_name AS "jobName"`,
      [jobNames, graceMs],
    );
  }

  /** Hands claimed rows back (Redis refused them): the next relay tick takes them again. */
  async release(ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE job SET state = 'pending', lease_until = NULL
        WHERE id = ANY($1::bigint[]) AND state = 'enqueued'`,
      [ids],
    );
  }

  /** Quarantines rows that cannot run, each with its reason. */
  async quarantine(rows: { id: string; reason: string }[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.query(
      `UPDATE job SET state = 'failed', last_error = r.reason, finished_at = now(), lease_until = NULL
         FROM unnest($1::bigint[], $2::text[]) AS r(id, reason)
        WHERE job.id = r.id AND job.state IN ('pending', 'enqueued')`,
      [rows.map((row) => row.id), rows.map((row) => row.reason)],
    );
  }

  /** Enqueued rows whose lease ran out, locked for this transaction (other sweepers skip them). */
  lockExpired(limit: number): Promise<ClaimedJobRow[]> {
    return this.db.query<ClaimedJobRow>(
      `SELECT id, job_name AS "jobName", job_id AS "jobId", payload, rescues
         FROM job WHERE state = 'enqueued' AND lease_until <= now()
        ORDER BY lease_until LIMIT $1
        FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  /** A new lease; `rescued` rows also count one more rescue. */
  async renewLeases(ids: string[], leaseMs: number, rescued: boolean): Promise<void> {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE job SET lease_until = ${lease('$2')}, rescues = rescues + $3::int
        WHERE id = ANY($1::bigint[]) AND state = 'enqueued'`,
      [ids, leaseMs, rescued ? 1 : 0],
    );
  }

  /**
   * Handlers that work outside a transaction are about to run: renews their leases and returns
   * the ids still open (the others are done or failed already, or unknown). Rows are locked in
   * job id order, so two batches can never wait on each other in a circle.
   */
  async startMany(jobIds: string[], leaseMs: number): Promise<Set<string>> {
    const rows = await this.db.query<{ jobId: string }>(
      `WITH taken AS (SELECT id FROM job WHERE job_id = ANY($1::text[]) AND ${OPEN}
                       ORDER BY job_id FOR UPDATE)
       UPDATE job SET lease_until = ${lease('$2')} FROM taken WHERE job.id = taken.id
       RETURNING job.job_id AS "jobId"`,
      [jobIds, leaseMs],
      { prepare: true },
    );
    return new Set(rows.map((row) => row.jobId));
  }

  /** `finish` for many jobs in one statement; returns the ids this call finished. */
  async finishMany(jobs: { jobId: string; result: object }[]): Promise<Set<string>> {
    const rows = await this.db.query<{ jobId: string }>(
      `WITH taken AS (SELECT id, job_id FROM job WHERE job_id = ANY($1::text[]) AND ${OPEN}
                       ORDER BY job_id FOR UPDATE)
       UPDATE job SET state = 'done', attempts = attempts + 1, finished_at = now(),
                      result = r.result, lease_until = NULL
         FROM taken JOIN unnest($1::text[], $2::jsonb[]) AS r(job_id, result) USING (job_id)
        WHERE job.id = taken.id
        RETURNING job.job_id AS "jobId"`,
      [jobs.map((job) => job.jobId), jobs.map((job) => JSON.stringify(job.result))],
      { prepare: true },
    );
    return new Set(rows.map((row) => row.jobId));
  }

  async stateOf(jobId: string): Promise<JobState | undefined> {
    const [row] = await this.db.query<{ state: JobState }>(
      `SELECT state FROM job WHERE job_id = $1`,
      [jobId],
    );
    return row?.state;
  }

  /** Keeps a running job's lease while it talks to the outside world. */
  async heartbeat(jobId: string, leaseMs: number): Promise<void> {
    await this.db.query(
      `UPDATE job SET lease_until = ${lease('$2')} WHERE job_id = $1 AND state = 'enqueued'`,
      [jobId, leaseMs],
    );
  }

  /** True when this call finished the job (it was still open). */
  async finish(jobId: string, result: object): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE job SET state = 'done', attempts = attempts + 1, finished_at = now(), result = $2,
                      lease_until = NULL
        WHERE job_id = $1 AND ${OPEN}
        RETURNING id`,
      [jobId, JSON.stringify(result)],
      { prepare: true },
    );
    return rows.length === 1;
  }

  /**
   * Counts a failed attempt with its error; the job fails for good when `final` or when it has
   * used `maxAttempts`. Returns the state it is left in (undefined when it was not open).
   */
  async recordFailure(
    jobId: string,
    error: string,
    final: boolean,
    maxAttempts: number,
  ): Promise<JobState | undefined> {
    const [row] = await this.db.query<{ state: JobState }>(
      `UPDATE job
          SET attempts = attempts + 1, last_error = $2,
              state = CASE WHEN $3 OR attempts + 1 >= $4 THEN 'failed' ELSE state END,
              finished_at = CASE WHEN $3 OR attempts + 1 >= $4 THEN now() END,
              lease_until = CASE WHEN $3 OR attempts + 1 >= $4 THEN NULL ELSE lease_until END
        WHERE job_id = $1 AND ${OPEN}
        RETURNING state`,
      [jobId, error, final, maxAttempts],
    );
    return row?.state;
  }

  /** Deletes every record of a job done before the cutoff, `batch` rows per statement. */
  async pruneDoneInBatches(olderThanDays: number, batch: number): Promise<number> {
    let deleted = 0;
    for (;;) {
      const count = await this.pruneDone(olderThanDays, batch);
      deleted += count;
      if (count < batch) return deleted;
    }
  }

  /** Deletes up to `limit` records of jobs done before the cutoff; returns how many. */
  async pruneDone(olderThanDays: number, limit: number): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM job WHERE id IN (
         SELECT id FROM job
          WHERE state = 'done' AND finished_at < now() - make_interval(days => $1)
          LIMIT $2)
       RETURNING id`,
      [olderThanDays, limit],
    );
    return rows.length;
  }

  /** Open jobs due more than `lateMs` ago, and the oldest of them. */
  async late(lateMs: number): Promise<LateJobs> {
    const [row] = await this.db.query<LateJobs>(
      `SELECT count(*)::int AS count, min(available_at) AS "oldestDueAt",
              (array_agg(job_name ORDER BY available_at))[1] AS "jobName"
         FROM job
        WHERE ${OPEN} AND available_at < now() - make_interval(secs => $1::double precision / 1000)`,
      [lateMs],
    );
    return row ?? { count: 0, oldestDueAt: null, jobName: null };
  }

  /** Counts by state and job name, with the earliest due time of each group. */
  counts(): Promise<JobCountRow[]> {
    return this.db.query<JobCountRow>(
      `SELECT state, job_name AS "jobName", count(*)::int AS count,
              min(available_at) AS "oldestDueAt"
         FROM job GROUP BY state, job_name ORDER BY state, job_name`,
    );
  }

  failed(filter: { jobName?: string; limit: number }): Promise<FailedJobRow[]> {
    return this.db.query<FailedJobRow>(
      `SELECT id, job_name AS "jobName", job_id AS "jobId", attempts, rescues,
              last_error AS "lastError", finished_at AS "finishedAt", created_at AS "createdAt"
         FROM job
        WHERE state = 'failed' AND ($1::text IS NULL OR job_name = $1)
        ORDER BY finished_at DESC NULLS LAST, id DESC
        LIMIT $2`,
      [filter.jobName ?? null, filter.limit],
    );
  }

  byId(id: string): Promise<{ id: string; state: JobState; jobName: string }[]> {
    return this.db.query(`SELECT id, state, job_name AS "jobName" FROM job WHERE id = $1::bigint`, [
      id,
    ]);
  }

  /** Puts failed jobs back to pending with fresh attempts; returns the ids retried. */
  async retry(filter: { id: string } | { jobName: string }): Promise<string[]> {
    const byId = 'id' in filter;
    const rows = await this.db.query<{ id: string }>(
      `UPDATE job SET state = 'pending', attempts = 0, rescues = 0, available_at = now(),
                      finished_at = NULL, lease_until = NULL
        WHERE state = 'failed' AND ${byId ? 'id = $1::bigint' : 'job_name = $1'}
        RETURNING id`,
      [byId ? filter.id : filter.jobName],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Adds or updates these schedules; a changed pattern or job starts from `nextRunAt`. Others are
   * left alone: they may belong to a newer version mid-rollout (a migration retires a schedule).
   */
  async syncSchedules(
    schedules: {
      key: string;
      jobName: string;
      payload: object;
      pattern: string;
      nextRunAt: Date;
    }[],
  ): Promise<void> {
    if (schedules.length === 0) return;
    await this.db.query(
      `INSERT INTO job_schedule (key, job_name, payload, pattern, next_run_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::jsonb[], $4::text[], $5::timestamptz[])
       ON CONFLICT (key) DO UPDATE
          SET job_name = excluded.job_name, payload = excluded.payload, pattern = excluded.pattern,
              next_run_at = excluded.next_run_at
        WHERE job_schedule.pattern IS DISTINCT FROM excluded.pattern
           OR job_schedule.job_name IS DISTINCT FROM excluded.job_name
           OR job_schedule.payload IS DISTINCT FROM excluded.payload`,
      [
        schedules.map((s) => s.key),
        schedules.map((s) => s.jobName),
        schedules.map((s) => JSON.stringify(s.payload)),
        schedules.map((s) => s.pattern),
        schedules.map((s) => s.nextRunAt),
      ],
    );
  }

  /**
   * Those of these schedules whose next run has come, locked for this transaction (other workers
   * skip them); with the database's now.
   */
  lockDueSchedules(keys: string[]): Promise<ScheduleRow[]> {
    return this.db.query<ScheduleRow>(
      `SELECT key, job_name AS "jobName", payload, pattern, next_run_at AS "nextRunAt", now() AS now
         FROM job_schedule WHERE next_run_at <= now() AND key = ANY($1::text[])
        ORDER BY next_run_at FOR UPDATE SKIP LOCKED`,
      [keys],
    );
  }

  async advanceSchedule(key: string, ranSlot: Date, nextRunAt: Date): Promise<void> {
    await this.db.query(
      `UPDATE job_schedule SET last_run_at = $2, next_run_at = $3 WHERE key = $1`,
      [key, ranSlot, nextRunAt],
    );
  }

  schedules(): Promise<{ key: string; nextRunAt: Date; lastRunAt: Date | null }[]> {
    return this.db.query(
      `SELECT key, next_run_at AS "nextRunAt", last_run_at AS "lastRunAt"
         FROM job_schedule ORDER BY key`,
    );
  }
}
