import type { MultiPolygon } from 'typeorm';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A borough, ward or other named area, with its boundary. */
@Entity('area')
export class AreaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ux_area_code', { unique: true })
  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  kind!: string;

  @Index('ix_area_parent_id')
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_area_parent' })
  parent?: AreaEntity | null;

  @Index('ix_area_boundary', { spatial: true })
  @Column({ type: 'geometry', spatialFeatureType: 'MultiPolygon', srid: 4326 })
  boundary!: MultiPolygon;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
