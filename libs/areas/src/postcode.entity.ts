import type { Point } from 'typeorm';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A live UK postcode and where it is, from the ONS Postcode Directory the operator imports. */
@Entity('postcode')
export class PostcodeEntity {
  /** Upper case without a space: SE17PB. */
  @PrimaryColumn('text')
  postcode!: string;

  /** As people write it: SE1 7PB. */
  @Column('text')
  display!: string;

  @Index('ix_postcode_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;
}
