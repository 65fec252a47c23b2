import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
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

export const SURVEY_ENTITIES = [SurveyInstrumentEntity];
