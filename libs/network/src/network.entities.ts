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
} from 'typeorm';
import { PersonEntity } from '@kith/identity';

export enum IntroductionStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
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

/** A connection between two people (stored once, lower id first) and where it came from. */
@Entity('tie')
@Check('ck_tie_order', 'person_a < person_b')
export class TieEntity {
  @PrimaryColumn('uuid')
  personA!: string;

  @PrimaryColumn('uuid')
  personB!: string;

  @PrimaryColumn({ type: 'enum', enum: TieSource, enumName: 'tie_source' })
  source!: TieSource;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_a', foreignKeyConstraintName: 'fk_tie_person_a' })
  a?: PersonEntity;

  @Index('ix_tie_person_b')
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_b', foreignKeyConstraintName: 'fk_tie_person_b' })
  b?: PersonEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const NETWORK_ENTITIES = [IntroductionEntity, TieEntity, ...SURVEY_ENTITIES];
