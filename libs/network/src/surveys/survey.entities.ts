import {
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
import type { Instrument } from './instrument';

/**
 * An instrument an operator imported (a licensed one, whose wording Kith does not ship): its
 * definition as checked on import, one row per version, never changed once stored.
 */
@Entity('survey_instrument')
export class SurveyInstrumentEntity {
  @PrimaryColumn('text')
  instrumentId!: string;

  @PrimaryColumn('int')
  version!: number;

  @Column('jsonb')
  definition!: Instrument;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}

export enum SurveyStage {
  BASELINE = 'BASELINE',
  REVIEW = 'REVIEW',
  EXIT = 'EXIT',
}

/**
 * One member's answers to one version of an instrument, scored when given. Never changed: a
 * correction is a new response (a trigger refuses updates).
 */
@Entity('survey_response')
@Index('ix_survey_response_person', ['personId', 'instrumentId', 'createdAt'])
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_survey_response_person' })
  person?: PersonEntity;

  @Column('text')
  instrumentId!: string;

  @Column('int')
  version!: number;

  @Column({ type: 'enum', enum: SurveyStage, enumName: 'survey_stage' })
  stage!: SurveyStage;

  @Column('jsonb')
  answers!: { itemId: string; value: number }[];

  @Column('double precision')
  score!: number;

  @Column('jsonb')
  subscales!: { id: string; score: number }[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const SURVEY_ENTITIES = [SurveyInstrumentEntity, SurveyResponseEntity];
