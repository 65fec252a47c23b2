import {
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
import { AreaEntity } from '@kith/areas';
import { Role } from './role';

@Entity('person')
export class PersonEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored trimmed and lower-cased; compared that way. */
  @Index('ux_person_email', { unique: true })
  @Column('text')
  email!: string;

  @Column('text')
  displayName!: string;

  /** When they joined: reports count new members by it. */
  @Index('ix_person_created_at')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  /**
   * A random number fixed when the person is created and never shown or changed: the record key
   * reports draw their perturbation from (the cell-key method; libs/reporting/src/perturbation.ts).
   */
  @Column({
    type: 'int',
    // As TypeORM reads Postgres's default back (casts stripped): floor(random() * 2^20).
    default: () => 'floor((random() * (1048576)))',
    select: false,
    insert: false,
    update: false,
  })
  recordKey!: number;
}

@Entity('role_grant')
// A grant is unique per person, role and area, where "no area" (everywhere) counts as one value.
@Index('ux_role_grant_everywhere', ['personId', 'role'], { unique: true, where: 'area_id IS NULL' })
@Index('ux_role_grant_area', ['personId', 'role', 'areaId'], {
  unique: true,
  where: 'area_id IS NOT NULL',
})
// Every signed-in request reads the caller's grants; the partial indexes above cannot serve that.
@Index('ix_role_grant_person_id', ['personId'])
export class RoleGrantEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_role_grant_person' })
  person?: PersonEntity;

  @Column({ type: 'enum', enum: Role, enumName: 'role' })
  role!: Role;

  @Index('ix_role_grant_area_id')
  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_role_grant_area' })
  area?: AreaEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A one-time sign-in code: only its keyed hash is stored. */
@Entity('sign_in_code')
@Index('ix_sign_in_code_email_created', ['email', 'createdAt'])
export class SignInCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text')
  codeHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  consumedAt!: Date | null;

  /** Set before the mail is handed to SMTP: a crash before `mailSentAt` shows here. */
  @Column({ type: 'timestamptz', nullable: true })
  mailSendingAt!: Date | null;

  /** Sends started and not refused for certain: the mail may have gone this many times. */
  @Column({ type: 'int', default: 0 })
  mailSends!: number;

  @Column({ type: 'timestamptz', nullable: true })
  mailSentAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One signed-in device: a family of rotating refresh tokens, revoked as a whole. */
@Entity('auth_session')
export class AuthSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_auth_session_person_id')
  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_auth_session_person' })
  person?: PersonEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedReason!: string | null;
}

@Entity('refresh_token')
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_refresh_token_session_id')
  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_refresh_token_session' })
  session?: AuthSessionEntity;

  @Index('ux_refresh_token_hash', { unique: true })
  @Column('text')
  tokenHash!: string;

  @Column('timestamptz')
  expiresAt!: Date;

  /** Set when the token is exchanged; presenting it again means it was stolen. */
  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Either person can block the other: never assigned, suggested or introduced to each other again. */
@Entity('block')
export class BlockEntity {
  @PrimaryColumn('uuid')
  blockerId!: string;

  @PrimaryColumn('uuid')
  blockedId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocker_id', foreignKeyConstraintName: 'fk_block_blocker' })
  blocker?: PersonEntity;

  @Index('ix_block_blocked_id')
  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'blocked_id', foreignKeyConstraintName: 'fk_block_blocked' })
  blocked?: PersonEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const IDENTITY_ENTITIES = [
  PersonEntity,
  RoleGrantEntity,
  SignInCodeEntity,
  AuthSessionEntity,
  RefreshTokenEntity,
  BlockEntity,
];
