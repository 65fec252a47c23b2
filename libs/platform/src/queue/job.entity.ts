import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';

export enum JobState {
  /** Written by the transaction that caused it; due at `availableAt`. */
  Pending = 'pending',
  /** Handed to BullMQ; if it is not done when the lease runs out, the sweeper checks Redis. */
  Enqueued = 'enqueued',
  Done = 'done',
  /** Failed for good: out of attempts, or poison (unknown name, payload off its schema). */
  Failed = 'failed',
}

/**
 * The life of one job. Written in the same transaction as the change that caused it; the relay
 * enqueues due rows into BullMQ, the worker records done in the handler's own transaction, so
 * Redis can lose everything without losing any work.
 */
@Entity('job')
@Check('ck_job_state', `state IN ('pending', 'enqueued', 'done', 'failed')`)
@Index('ix_job_pending_due', ['availableAt'], { where: `state = 'pending'` })
@Index('ix_job_enqueued_lease', ['leaseUntil'], { where: `state = 'enqueued'` })
@Index('ix_job_done_finished', ['finishedAt'], { where: `state = 'done'` })
@Index('ix_job_failed_name', ['jobName'], { where: `state = 'failed'` })
export class JobEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column('text')
  jobName!: string;

  @Index('ux_job_job_id', { unique: true })
  @Column('text')
  jobId!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  @Column({ type: 'text', default: JobState.Pending })
  state!: JobState;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  enqueuedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  /** Attempts that ran to an end (success or error); a run cut off by a crash is not counted. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  /** Times the sweeper enqueued it again because Redis no longer held it. */
  @Column({ type: 'int', default: 0 })
  rescues!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  /** What the handler returned: done, or skipped with its reason. */
  @Column({ type: 'jsonb', nullable: true })
  result!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Repeating work: each due slot becomes one job row, whose id holds the key and the slot. */
@Entity('job_schedule')
export class JobScheduleEntity {
  @PrimaryColumn('text')
  key!: string;

  @Column('text')
  jobName!: string;

  @Column('jsonb')
  payload!: Record<string, unknown>;

  /** Cron pattern in Europe/London wall time. */
  @Column('text')
  pattern!: string;

  @Column('timestamptz')
  nextRunAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  lastRunAt!: Date | null;
}

export const JOB_ENTITIES = [JobEntity, JobScheduleEntity];
