import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PersonEntity } from '@kith/identity';

/**
 * A member's network measures on one date (as at 02:00 London that day): computed by the
 * nightly snapshot, or for past dates by the backfill, once per member and date (a rerun
 * replaces it). What myNetwork's history, membersAtRisk and the outcome reports read.
 */
@Entity('network_snapshot')
@Index('ix_network_snapshot_on', ['on', 'isolated'])
export class NetworkSnapshotEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_network_snapshot_person' })
  person?: PersonEntity;

  @PrimaryColumn('date')
  on!: string;

  @Column('int')
  activeTies!: number;

  /** The sum of the active ties' weights, faded to the snapshot's moment. */
  @Column('double precision')
  tieStrength!: number;

  @Column('int', { name: 'new_ties_30_days' })
  newTies30Days!: number;

  @Column('double precision')
  effectiveSize!: number;

  /** Burt's constraint; null without ties. */
  @Column({ type: 'double precision', nullable: true })
  constraint!: number | null;

  @Column('double precision')
  diversity!: number;

  @Column('double precision')
  bridgingShare!: number;

  @Column('int', { name: 'sessions_30_days' })
  sessions30Days!: number;

  @Column('int', { name: 'sessions_90_days' })
  sessions90Days!: number;

  @Column('int')
  groupsTried!: number;

  /** The latest score of each instrument answered by then: { [instrumentId]: score }. */
  @Column('jsonb')
  surveyScores!: Record<string, number>;

  /** No active tie and no session attended in 30 days. Never shown to the member. */
  @Column('boolean')
  isolated!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  computedAt!: Date;
}

export const SNAPSHOT_ENTITIES = [NetworkSnapshotEntity];
