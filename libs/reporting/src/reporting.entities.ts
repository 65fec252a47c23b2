import { Check, Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * The deprivation decile of each LSOA, by release of the English Indices of Deprivation
 * (IoD2019, IoD2025, …), as the operator imports them: what reach by deprivation reads.
 */
@Entity('imd_decile')
@Check('ck_imd_decile_range', 'decile BETWEEN 1 AND 10')
export class ImdDecileEntity {
  @PrimaryColumn('text')
  version!: string;

  @PrimaryColumn('text')
  lsoaCode!: string;

  /** 1 is the most deprived tenth of LSOAs in England. */
  @Column('smallint')
  decile!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}

export const REPORTING_ENTITIES = [ImdDecileEntity];
