import { SNAPSHOT_ENTITIES } from './snapshots/snapshot.entities';
import { SURVEY_ENTITIES } from './surveys/survey.entities';
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
  UpdateDateColumn,
} from 'typeorm';
import { PersonEntity } from '@kith/identity';

export enum IntroductionStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  /** Closed because one of the two left Kith or blocked the other: never to be accepted. */
  WITHDRAWN = 'WITHDRAWN',
}

export enum TieSource {
  CO_ATTENDANCE = 'CO_ATTENDANCE',
  INTRODUCTION = 'INTRODUCTION',
  HELP = 'HELP',
  SELF_REPORTED = 'SELF_REPORTED',
}

/** One person asking to be introduced to another; one pending request per pair at most. */
@Entity('introduction')
@Index('ux_introduction_pending_pair', ['pairKey'], { unique: true, where: `status = 'PENDING'` })
@Index('ix_introduction_from_created', ['fromId', 'createdAt'])
export class IntroductionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  fromId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_id', foreignKeyConstraintName: 'fk_introduction_from' })
  from?: PersonEntity;

  @Index('ix_introduction_to_id')
  @Column('uuid')
  toId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_id', foreignKeyConstraintName: 'fk_introduction_to' })
  to?: PersonEntity;

  /** The two ids in order, so A→B and B→A are the same pair. */
  @Column('text')
  pairKey!: string;

  @Column({ type: 'text', nullable: true })
  message!: string | null;

  @Column({
    type: 'enum',
    enum: IntroductionStatus,
    enumName: 'introduction_status',
    default: IntroductionStatus.PENDING,
  })
  status!: IntroductionStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;
}

/**
 * A connection between two people (stored once, lower id first): what is known of it, kept up
 * to date from its contacts as each is recorded, so nothing reads all history to know a tie.
 */
@Entity('tie')
@Check('ck_tie_order', 'person_a < person_b')
export class TieEntity {
  @PrimaryColumn('uuid')
  personA!: string;

  @PrimaryColumn('uuid')
  personB!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_a', foreignKeyConstraintName: 'fk_tie_person_a' })
  a?: PersonEntity;

  @Index('ix_tie_person_b')
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_b', foreignKeyConstraintName: 'fk_tie_person_b' })
  b?: PersonEntity;

  /** Every source any of its contacts came from. */
  @Column({ type: 'enum', enum: TieSource, enumName: 'tie_source', array: true })
  sources!: TieSource[];

  /** The sum of its contacts' weights, each faded by the half-life to the last contact. */
  @Column('double precision')
  weight!: number;

  /** Days (London) with a contact: what its usual gap is measured in. */
  @Column('int')
  contactDays!: number;

  @Column('timestamptz')
  firstContactAt!: Date;

  @Column('timestamptz')
  lastContactAt!: Date;

  /**
   * Both said so: an accepted introduction, or each named the other after a session. Only a
   * confirmed tie lets one see the other's plans; co-attendance and help alone never do.
   */
  @Column({ type: 'boolean', default: false })
  confirmed!: boolean;
}

/**
 * One contact between two people: a session both attended (weighted by its size), an accepted
 * introduction, a completed help visit, or one a member reported. Keyed by what it came from, so
 * recording it twice records it once. The history that ties are kept from, and snapshots of
 * past dates are built from.
 */
@Entity('tie_contact')
@Check('ck_tie_contact_order', 'person_a < person_b')
@Check('ck_tie_contact_weight', 'weight > 0 AND weight <= 1')
@Check(
  'ck_tie_contact_reporter',
  `(source = 'SELF_REPORTED') = (reported_by IS NOT NULL) AND (reported_by IS NULL OR reported_by IN (person_a, person_b))`,
)
@Index('ix_tie_contact_ref', ['refId', 'source'])
export class TieContactEntity {
  @PrimaryColumn('uuid')
  personA!: string;

  @PrimaryColumn('uuid')
  personB!: string;

  @PrimaryColumn({ type: 'enum', enum: TieSource, enumName: 'tie_source' })
  source!: TieSource;

  /** The session, introduction or help assignment it came from. */
  @PrimaryColumn('uuid')
  refId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_a', foreignKeyConstraintName: 'fk_tie_contact_person_a' })
  a?: PersonEntity;

  @Index('ix_tie_contact_person_b')
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_b', foreignKeyConstraintName: 'fk_tie_contact_person_b' })
  b?: PersonEntity;

  @Column('timestamptz')
  at!: Date;

  @Column('double precision')
  weight!: number;

  /** For a contact a member reported ("who did you meet?"): who said so, one of the two. */
  @Column({ type: 'uuid', nullable: true })
  reportedBy!: string | null;
}

/** What a member has said of one of their contacts: its circle (GENIE, 1 closest), or hidden. */
@Entity('contact_setting')
@Check('ck_contact_setting_circle', 'circle BETWEEN 1 AND 3')
export class ContactSettingEntity {
  @PrimaryColumn('uuid')
  ownerId!: string;

  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_contact_setting_owner' })
  owner?: PersonEntity;

  @Index('ix_contact_setting_person_id')
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_contact_setting_person' })
  person?: PersonEntity;

  @Column({ type: 'smallint', nullable: true })
  circle!: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  hiddenAt!: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const NETWORK_ENTITIES = [
  IntroductionEntity,
  TieEntity,
  TieContactEntity,
  ContactSettingEntity,
  ...SURVEY_ENTITIES,
  ...SNAPSHOT_ENTITIES,
];
