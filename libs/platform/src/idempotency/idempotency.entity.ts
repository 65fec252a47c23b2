import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A mutation sent with an Idempotency-Key: the first answer, replayed to the same caller sending
 * the same request with the same key for 24 hours.
 */
@Entity('idempotency_key')
@Index('ix_idempotency_key_created', ['createdAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn('uuid')
  callerId!: string;

  @PrimaryColumn('text')
  key!: string;

  /** sha256 of the request (query, variables, operation name). */
  @Column('text')
  requestHash!: string;

  @Column({ type: 'int', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'jsonb', nullable: true })
  response!: Record<string, unknown> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
