import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
} from 'typeorm';
import { PersonEntity } from '@kith/identity';
import { EQUALITY_QUESTIONS } from './equality';
import type { EqualityKey } from './equality';

const allowed = (key: EqualityKey) =>
  EQUALITY_QUESTIONS.filter((q) => q.key === key)
    .map((q) => `${q.column} IN (${q.options.map((o) => `'${o.slug}'`).join(', ')})`)
    .join(' AND ');

/**
 * A member's equality monitoring answers, apart from the profile: special category data, read
 * by the member and, counted and suppressed, by the reports; nothing else. A row only while
 * something is answered.
 */
@Entity('equality_monitoring')
@Check('ck_equality_monitoring_sex', allowed('sex'))
@Check('ck_equality_monitoring_gender_identity', allowed('genderIdentity'))
@Check('ck_equality_monitoring_ethnic_group', allowed('ethnicGroup'))
@Check('ck_equality_monitoring_disability', allowed('disability'))
@Check('ck_equality_monitoring_religion', allowed('religion'))
@Check('ck_equality_monitoring_sexual_orientation', allowed('sexualOrientation'))
export class EqualityMonitoringEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_equality_monitoring_person' })
  person?: PersonEntity;

  @Column({ type: 'text', nullable: true })
  sex!: string | null;

  @Column({ type: 'text', nullable: true })
  genderIdentity!: string | null;

  @Column({ type: 'text', nullable: true })
  ethnicGroup!: string | null;

  @Column({ type: 'text', nullable: true })
  disability!: string | null;

  @Column({ type: 'text', nullable: true })
  religion!: string | null;

  @Column({ type: 'text', nullable: true })
  sexualOrientation!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
