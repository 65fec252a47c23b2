import type { Point } from 'typeorm';
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
import { AreaEntity } from '@kith/areas';
import { SessionEntity } from '@kith/community';
import { PersonEntity } from '@kith/identity';

export enum HelperStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  SUSPENDED = 'SUSPENDED',
}

export enum HelpRequestStatus {
  OPEN = 'OPEN',
  ASSIGNED = 'ASSIGNED',
  ACCEPTED = 'ACCEPTED',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

export enum AssignmentStatus {
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  COMPLETED = 'COMPLETED',
  WITHDRAWN = 'WITHDRAWN',
}

@Entity('skill')
export class SkillEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ux_skill_slug', { unique: true })
  @Column('text')
  slug!: string;

  @Column('text')
  label!: string;
}

@Entity('helper_profile')
@Check('ck_helper_profile_radius', 'travel_radius_metres BETWEEN 100 AND 50000')
@Check(
  'ck_helper_profile_weekly',
  'max_minutes_per_week IS NULL OR max_minutes_per_week BETWEEN 15 AND 3000',
)
@Check(
  'ck_helper_profile_dbs',
  'dbs_expires_on IS NULL OR dbs_checked_on IS NULL OR dbs_expires_on > dbs_checked_on',
)
export class HelperProfileEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_helper_profile_person' })
  person?: PersonEntity;

  /** The postcode the base was placed at, when given by one (the helper's own to read). */
  @Column({ type: 'text', nullable: true })
  basePostcode!: string | null;

  @Index('ix_helper_profile_base', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  base!: Point;

  /** The base moved by a fixed offset, as homes are (MemberProfileEntity.homeCoarse). */
  @Index('ix_helper_profile_base_coarse', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  baseCoarse!: Point | null;

  @Column({ type: 'double precision', nullable: true })
  baseOffsetMetres!: number | null;

  @Column({ type: 'double precision', nullable: true })
  baseOffsetBearing!: number | null;

  @Index('ix_helper_profile_base_area_id')
  @Column({ type: 'uuid', nullable: true })
  baseAreaId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'base_area_id', foreignKeyConstraintName: 'fk_helper_profile_base_area' })
  baseArea?: AreaEntity | null;

  /**
   * The area whose coordinator approved the helper: the base's area then. Approval holds while
   * the base stays in it (or an area inside it); moving out puts the helper back to pending.
   */
  @Column({ type: 'uuid', nullable: true })
  approvedAreaId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'approved_area_id',
    foreignKeyConstraintName: 'fk_helper_profile_approved_area',
  })
  approvedArea?: AreaEntity | null;

  @Column('int')
  travelRadiusMetres!: number;

  @Column({ type: 'int', nullable: true })
  maxMinutesPerWeek!: number | null;

  @Column({
    type: 'enum',
    enum: HelperStatus,
    enumName: 'helper_status',
    default: HelperStatus.PENDING,
  })
  status!: HelperStatus;

  @Column({ type: 'date', nullable: true })
  dbsCheckedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  dbsExpiresOn!: string | null;

  @Column({ type: 'jsonb', default: [] })
  availability!: { weekday: string; startMinute: number; endMinute: number }[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('helper_skill')
export class HelperSkillEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @PrimaryColumn('uuid')
  skillId!: string;

  @ManyToOne(() => HelperProfileEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_helper_skill_helper' })
  helper?: HelperProfileEntity;

  @Index('ix_helper_skill_skill_id')
  @ManyToOne(() => SkillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'fk_helper_skill_skill' })
  skill?: SkillEntity;
}

@Entity('help_request')
@Check('ck_help_request_duration', 'duration_minutes BETWEEN 15 AND 600')
export class HelpRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_help_request_member_id')
  @Column('uuid')
  memberId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'fk_help_request_member' })
  member?: PersonEntity;

  @Column('uuid')
  skillId!: string;

  @ManyToOne(() => SkillEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'skill_id', foreignKeyConstraintName: 'fk_help_request_skill' })
  skill?: SkillEntity;

  @Column('text')
  description!: string;

  @Column('int')
  durationMinutes!: number;

  @Column('boolean')
  atHome!: boolean;

  @Column({ type: 'jsonb', default: [] })
  preferredWindows!: { weekday: string; startMinute: number; endMinute: number }[];

  /** Where to meet when the help is not at home (free text from the member); null at home. */
  @Column({ type: 'text', nullable: true })
  meetingPlace!: string | null;

  /** "Come with me to this session": first-visit support. */
  @Column({ type: 'uuid', nullable: true })
  sessionId!: string | null;

  @ManyToOne(() => SessionEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_help_request_session' })
  session?: SessionEntity | null;

  @Index('ix_help_request_area_id')
  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_help_request_area' })
  area?: AreaEntity | null;

  @Column({
    type: 'enum',
    enum: HelpRequestStatus,
    enumName: 'help_request_status',
    default: HelpRequestStatus.OPEN,
  })
  status!: HelpRequestStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('help_assignment')
@Index('ux_help_assignment_live', ['requestId'], {
  unique: true,
  where: `status IN ('OFFERED', 'ACCEPTED')`,
})
@Index('ix_help_assignment_helper_id', ['helperId'])
@Check('ck_help_assignment_minutes', 'minutes IS NULL OR minutes BETWEEN 1 AND 600')
@Check('ck_help_assignment_rating', 'rating IS NULL OR rating BETWEEN 1 AND 5')
@Check(
  'ck_help_assignment_override',
  `override IS NULL OR (jsonb_typeof(override->'reason') = 'string' AND jsonb_typeof(override->'rules') = 'array')`,
)
export class HelpAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  requestId!: string;

  @ManyToOne(() => HelpRequestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_help_assignment_request' })
  request?: HelpRequestEntity;

  @Column('uuid')
  helperId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'helper_id', foreignKeyConstraintName: 'fk_help_assignment_helper' })
  helper?: PersonEntity;

  @Column('uuid')
  assignedBy!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assigned_by', foreignKeyConstraintName: 'fk_help_assignment_assigned_by' })
  assigner?: PersonEntity;

  @Column({
    type: 'enum',
    enum: AssignmentStatus,
    enumName: 'assignment_status',
    default: AssignmentStatus.OFFERED,
  })
  status!: AssignmentStatus;

  @Column({ type: 'int', nullable: true })
  minutes!: number | null;

  @Column({ type: 'smallint', nullable: true })
  rating!: number | null;

  @Column({ type: 'text', nullable: true })
  ratingComment!: string | null;

  /** A coordinator's override of soft eligibility rules: `{ reason, rules }`, or null. */
  @Column({ type: 'jsonb', nullable: true })
  override!: { reason: string; rules: string[] } | null;

  /** When the helper said they will come (set on accepting, or changed after). */
  @Column({ type: 'timestamptz', nullable: true })
  scheduledAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}

/** One account per person; the database refuses a balance under the account's floor. */
@Entity('time_credit_account')
@Check('ck_time_credit_account_floor', 'balance_minutes >= floor_minutes')
export class TimeCreditAccountEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_time_credit_account_person' })
  person?: PersonEntity;

  @Column({ type: 'int', default: 0 })
  balanceMinutes!: number;

  @Column('int')
  floorMinutes!: number;
}

/** A movement of minutes: its entries sum to zero. The key makes it happen once. */
@Entity('time_credit_transfer')
export class TimeCreditTransferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ux_time_credit_transfer_key', { unique: true })
  @Column('text')
  key!: string;

  @Column('text')
  reason!: string;

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('time_credit_entry')
@Index('ix_time_credit_entry_account', ['personId', 'id'])
export class TimeCreditEntryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Index('ix_time_credit_entry_transfer_id')
  @Column('uuid')
  transferId!: string;

  @ManyToOne(() => TimeCreditTransferEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'transfer_id', foreignKeyConstraintName: 'fk_time_credit_entry_transfer' })
  transfer?: TimeCreditTransferEntity;

  @Column('uuid')
  personId!: string;

  @ManyToOne(() => TimeCreditAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_time_credit_entry_account' })
  account?: TimeCreditAccountEntity;

  @Column('int')
  minutes!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Who changed what, when: helper status, assignments and the ledger. */
@Entity('audit_log')
@Index('ix_audit_log_subject', ['subjectType', 'subjectId'])
export class AuditLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column('text')
  action!: string;

  @Column('text')
  subjectType!: string;

  @Column('text')
  subjectId!: string;

  @Column({ type: 'jsonb', default: {} })
  details!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}

export const HELP_ENTITIES = [
  SkillEntity,
  HelperProfileEntity,
  HelperSkillEntity,
  HelpRequestEntity,
  HelpAssignmentEntity,
  TimeCreditAccountEntity,
  TimeCreditTransferEntity,
  TimeCreditEntryEntity,
  AuditLogEntity,
];
