import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { AuthSessionEntity, PersonEntity } from '@kith/identity';
import { NudgeChannel, NudgeKind } from './nudge-kinds';

export enum NudgeStatus {
  /** Waiting for its due time; decided then. */
  PENDING = 'PENDING',
  /** In the member's inbox (and on its way by the other channels). */
  SENT = 'SENT',
  /** Decided not to go, with its reason. */
  SKIPPED = 'SKIPPED',
  /** What it was about went away first (a booking or a session cancelled). */
  CANCELLED = 'CANCELLED',
}

export enum DevicePlatform {
  IOS = 'IOS',
  ANDROID = 'ANDROID',
  WEB = 'WEB',
}

/** A member's nudge preferences; no row means the defaults. */
@Entity('nudge_preferences')
@Check('ck_nudge_preferences_quiet', 'quiet_start <> quiet_end')
@Check(
  'ck_nudge_preferences_minutes',
  'quiet_start BETWEEN 0 AND 1439 AND quiet_end BETWEEN 0 AND 1439 AND (digest_at IS NULL OR digest_at BETWEEN 0 AND 1439)',
)
@Check('ck_nudge_preferences_limit', 'weekly_limit BETWEEN 0 AND 50')
export class NudgePreferencesEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_nudge_preferences_person' })
  person?: PersonEntity;

  @Column({ type: 'enum', enum: NudgeChannel, enumName: 'nudge_channel', array: true })
  channels!: NudgeChannel[];

  @Column('smallint')
  quietStart!: number;

  @Column('smallint')
  quietEnd!: number;

  @Column('smallint')
  weeklyLimit!: number;

  @Column({ type: 'timestamptz', nullable: true })
  pausedUntil!: Date | null;

  @Column('text')
  language!: string;

  @Column({ type: 'smallint', nullable: true })
  digestAt!: number | null;

  /** A number for SMS nudges, where an SMS gateway is configured; none by default. */
  @Column({ type: 'text', nullable: true })
  smsNumber!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/**
 * One nudge to one person: unique by its key (person, kind, subject, slot), so an event decided
 * twice writes it once. Due later, it is a row with `due_at`, costing Redis nothing.
 */
@Entity('nudge')
@Index('ux_nudge_key', ['key'], { unique: true })
@Index('ix_nudge_inbox', ['personId', 'sentAt'], { where: `status = 'SENT'` })
@Index('ix_nudge_due', ['dueAt'], { where: `status = 'PENDING'` })
@Index('ix_nudge_person_created', ['personId', 'createdAt'])
export class NudgeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_nudge_person' })
  person?: PersonEntity;

  @Column({ type: 'enum', enum: NudgeKind, enumName: 'nudge_kind' })
  kind!: NudgeKind;

  @Column('text')
  key!: string;

  @Column({
    type: 'enum',
    enum: NudgeStatus,
    enumName: 'nudge_status',
    default: NudgeStatus.PENDING,
  })
  status!: NudgeStatus;

  @Column('timestamptz')
  dueAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  skipReason!: string | null;

  /** What it is about (a booking, an introduction, an assignment), for calling it off. */
  @Index('ix_nudge_subject')
  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  /** When it stops being worth delivering (a session's start), if ever. */
  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  /** Which wording it carried (A or B), so wording is chosen on evidence. */
  @Column({ type: 'text', default: 'A' })
  variant!: string;

  /** Gathered into the member's daily digest rather than sent on its own. */
  @Column({ type: 'boolean', default: false })
  digest!: boolean;

  @Column('text')
  title!: string;

  @Column('text')
  body!: string;

  /** The screen the app opens, and what on it: { screen: "SESSION", id: <session id> }. */
  @Column({ type: 'text', nullable: true })
  linkScreen!: string | null;

  @Column({ type: 'uuid', nullable: true })
  linkId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export enum DeliveryStatus {
  /** Waiting to go (again, after a transient failure: `attempts` and `lastError` say so). */
  QUEUED = 'QUEUED',
  /** Handed to the channel: the claim before the send, so a crash mid-send is visible. */
  SENDING = 'SENDING',
  SENT = 'SENT',
  /** Will not go: refused for good, or out of attempts. */
  FAILED = 'FAILED',
  /** Not sent on purpose, with the reason (no address, no device, the session began…). */
  SUPPRESSED = 'SUPPRESSED',
}

/** One nudge by one channel: what happened to it there. */
@Entity('nudge_delivery')
@Index('ix_nudge_delivery_receipts', ['sentAt'], {
  where: `channel = 'PUSH' AND status = 'SENT' AND receipts_checked_at IS NULL`,
})
export class NudgeDeliveryEntity {
  @PrimaryColumn('uuid')
  nudgeId!: string;

  @ManyToOne(() => NudgeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nudge_id', foreignKeyConstraintName: 'fk_nudge_delivery_nudge' })
  nudge?: NudgeEntity;

  @PrimaryColumn({ type: 'enum', enum: NudgeChannel, enumName: 'nudge_channel' })
  channel!: NudgeChannel;

  @Column({ type: 'enum', enum: DeliveryStatus, enumName: 'delivery_status' })
  status!: DeliveryStatus;

  @Column({ type: 'smallint', default: 0 })
  attempts!: number;

  /** The last error (FAILED, or QUEUED to be retried), or why it was SUPPRESSED. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  /** Push tickets as Expo gave them: [{ token, ticketId }]; the receipts job reads them. */
  @Column({ type: 'jsonb', nullable: true })
  tickets!: { token: string; ticketId: string }[] | null;

  @Column({ type: 'timestamptz', nullable: true })
  receiptsCheckedAt!: Date | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}

/**
 * A member quiet for six weeks after a gentle suggestion: a coordinator of their area calls
 * them, a person rather than another message. One per quiet spell (`since`: their last booking).
 */
@Entity('check_in_task')
@Index('ux_check_in_task_spell', ['personId', 'since'], { unique: true })
@Index('ix_check_in_task_open', ['areaId', 'createdAt'], { where: 'done_at IS NULL' })
export class CheckInTaskEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_check_in_task_person' })
  person?: PersonEntity;

  /** The member's home area when the task was made: whose coordinators it is for. */
  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @Column('timestamptz')
  since!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  doneAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  doneBy!: string | null;
}

/** A phone or browser a member receives push nudges on. */
@Entity('device')
export class DeviceEntity {
  @PrimaryColumn('text')
  token!: string;

  @Index('ix_device_person_id')
  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_device_person' })
  person?: PersonEntity;

  /**
   * The signed-in session that registered it: its sign-out forgets the device, so the next
   * person on a shared tablet is not shown this one's nudges. Null for a device registered
   * before this was kept (the app registers again when it starts).
   */
  @Index('ix_device_auth_session_id')
  @Column({ type: 'uuid', nullable: true })
  authSessionId!: string | null;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'auth_session_id', foreignKeyConstraintName: 'fk_device_auth_session' })
  authSession?: AuthSessionEntity | null;

  @Column({ type: 'enum', enum: DevicePlatform, enumName: 'device_platform' })
  platform!: DevicePlatform;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const NUDGE_ENTITIES = [
  NudgePreferencesEntity,
  NudgeEntity,
  NudgeDeliveryEntity,
  DeviceEntity,
  CheckInTaskEntity,
];
