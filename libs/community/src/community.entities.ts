import type { Point } from 'typeorm';
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
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { AreaEntity } from '@kith/areas';
import { PersonEntity } from '@kith/identity';
import { EqualityMonitoringEntity } from './equality.entity';
import { AccessibilityFeature, AGE_BANDS, Weekday } from './taxonomy';

export enum ActivityStatus {
  APPROVED = 'APPROVED',
  PROPOSED = 'PROPOSED',
  DECLINED = 'DECLINED',
}

export enum BookingStatus {
  BOOKED = 'BOOKED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
  ATTENDED = 'ATTENDED',
  NO_SHOW = 'NO_SHOW',
}

const accessibility = {
  type: 'enum',
  enum: AccessibilityFeature,
  enumName: 'accessibility_feature',
  array: true,
  default: [],
} as const;

/** The shipped interest taxonomy; ids are derived from slugs, so they match everywhere. */
@Entity('interest')
export class InterestEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Index('ux_interest_slug', { unique: true })
  @Column('text')
  slug!: string;

  @Column('text')
  label!: string;

  @Column('text')
  groupSlug!: string;

  @Column('text')
  groupLabel!: string;

  @Column('boolean')
  active!: boolean;
}

@Entity('member_profile')
@Check('ck_member_profile_radius', 'travel_radius_metres BETWEEN 100 AND 50000')
@Check(
  'ck_member_profile_age_band',
  `age_band IN (${AGE_BANDS.map((band) => `'${band}'`).join(', ')})`,
)
export class MemberProfileEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_member_profile_person' })
  person?: PersonEntity;

  /** Never shown to anyone: used only to place the member and to compute distance bands. */
  @Index('ix_member_profile_home', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  home!: Point | null;

  /**
   * What others' distances and bands are worked out from: the home moved by a fixed offset of
   * 250 to 500 m in a fixed direction, chosen once per member (a trigger keeps it up to date), so
   * no run of requests places the home more closely than that.
   */
  @Index('ix_member_profile_home_coarse', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326, nullable: true })
  homeCoarse!: Point | null;

  @Column({ type: 'double precision', nullable: true })
  homeOffsetMetres!: number | null;

  @Column({ type: 'double precision', nullable: true })
  homeOffsetBearing!: number | null;

  /** The postcode the home was placed at, as the member gave it; null when placed otherwise. */
  @Column({ type: 'text', nullable: true })
  postcode!: string | null;

  @Index('ix_member_profile_home_area_id')
  @Column({ type: 'uuid', nullable: true })
  homeAreaId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'home_area_id', foreignKeyConstraintName: 'fk_member_profile_home_area' })
  homeArea?: AreaEntity | null;

  @Column({ type: 'int', default: 2000 })
  travelRadiusMetres!: number;

  @Column(accessibility)
  accessibilityNeeds!: AccessibilityFeature[];

  @Column({ type: 'text', array: true, default: [] })
  goals!: string[];

  @Column({ type: 'boolean', default: false })
  peerIntroductions!: boolean;

  /**
   * Whether contacts the member confirmed may see that they are going to a session: off until
   * the member turns it on (where someone will be is what a stalker or a controlling ex wants).
   */
  @Column({ type: 'boolean', default: false })
  showMeGoing!: boolean;

  /** When the member left Kith (leaveKith): no more nudges, suggestions or places; kept to report. */
  @Column({ type: 'timestamptz', nullable: true })
  leftAt!: Date | null;

  /** Given by the member if they choose (AGE_BANDS); never shown to anyone else. */
  @Column({ type: 'text', nullable: true })
  ageBand!: string | null;

  /** Shown only to a helper on an accepted assignment for this member. */
  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  /** Shown only to a helper on an accepted assignment for this member. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('member_interest')
export class MemberInterestEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @PrimaryColumn('uuid')
  interestId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_member_interest_person' })
  person?: PersonEntity;

  @Index('ix_member_interest_interest_id')
  @ManyToOne(() => InterestEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interest_id', foreignKeyConstraintName: 'fk_member_interest_interest' })
  interest?: InterestEntity;

  /**
   * Whether people the member might meet may see it: peers are suggested, scored and shown what
   * they share only from shown interests. Not shown until the member says so.
   */
  @Column({ type: 'boolean', default: false })
  shown!: boolean;
}

/** A weekly window in London wall time, minutes from midnight. */
@Entity('availability_window')
@Check(
  'ck_availability_window_span',
  'start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute',
)
export class AvailabilityWindowEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('ix_availability_window_person_id')
  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_availability_window_person' })
  person?: PersonEntity;

  @Column({ type: 'enum', enum: Weekday, enumName: 'weekday' })
  weekday!: Weekday;

  @Column('int')
  startMinute!: number;

  @Column('int')
  endMinute!: number;
}

@Entity('venue')
export class VenueEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  name!: string;

  /** The street address people find it by, postcode included; null where none was given. */
  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Index('ix_venue_location', { spatial: true })
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column(accessibility)
  accessibility!: AccessibilityFeature[];

  @Index('ix_venue_area_id')
  @Column('uuid')
  areaId!: string;

  @ManyToOne(() => AreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_venue_area' })
  area?: AreaEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('activity')
@Check('ck_activity_capacity', 'capacity BETWEEN 1 AND 500')
@Check('ck_activity_duration', 'duration_minutes BETWEEN 5 AND 1440')
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  title!: string;

  @Column('text')
  description!: string;

  @Index('ix_activity_venue_id')
  @Column('uuid')
  venueId!: string;

  @ManyToOne(() => VenueEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'venue_id', foreignKeyConstraintName: 'fk_activity_venue' })
  venue?: VenueEntity;

  @Column('int')
  capacity!: number;

  @Column('int')
  durationMinutes!: number;

  @Column('timestamptz')
  firstStartsAt!: Date;

  /** An RFC 5545 RRULE in Europe/London wall time; null for a single session. */
  @Column({ type: 'text', nullable: true })
  recurrence!: string | null;

  @Column({ type: 'enum', enum: ActivityStatus, enumName: 'activity_status' })
  status!: ActivityStatus;

  @Index('ix_activity_created_by')
  @Column('uuid')
  createdBy!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'fk_activity_created_by' })
  creator?: PersonEntity;

  @Column({ type: 'uuid', nullable: true })
  approvedBy!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'fk_activity_approved_by' })
  approver?: PersonEntity | null;

  /** Sessions exist up to here; the daily expansion continues from it. */
  @Column({ type: 'timestamptz', nullable: true })
  expandedUntil!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

@Entity('activity_interest')
export class ActivityInterestEntity {
  @PrimaryColumn('uuid')
  activityId!: string;

  @PrimaryColumn('uuid')
  interestId!: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'fk_activity_interest_activity' })
  activity?: ActivityEntity;

  @Index('ix_activity_interest_interest_id')
  @ManyToOne(() => InterestEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'interest_id', foreignKeyConstraintName: 'fk_activity_interest_interest' })
  interest?: InterestEntity;
}

/** One dated occurrence. `bookedCount` counts places taken and can never pass capacity. */
@Entity('session')
@Unique('ux_session_activity_start', ['activityId', 'startsAt'])
@Check('ck_session_places', 'booked_count >= 0 AND booked_count <= capacity')
@Check('ck_session_waitlist', 'waitlist_count >= 0')
@Check('ck_session_times', 'ends_at > starts_at')
@Index('ix_session_starts_at', ['startsAt', 'id'])
// Nearest sessions in a time window from one index (btree_gist puts the time beside the place).
@Index('ix_session_location_starts', ['location', 'startsAt'], { spatial: true })
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  activityId!: string;

  @ManyToOne(() => ActivityEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'activity_id', foreignKeyConstraintName: 'fk_session_activity' })
  activity?: ActivityEntity;

  @Column('timestamptz')
  startsAt!: Date;

  @Column('timestamptz')
  endsAt!: Date;

  @Column('int')
  capacity!: number;

  @Column({ type: 'int', default: 0 })
  bookedCount!: number;

  @Column({ type: 'int', default: 0 })
  waitlistCount!: number;

  /** Hands out waitlist places in order; positions are ranks among those still waiting. */
  @Column({ type: 'int', default: 0 })
  waitlistSeq!: number;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  /**
   * The venue's place and access, copied onto each session by a database trigger (and kept in
   * step when a venue or an activity's venue changes), so matching needs no joins to find them.
   */
  @Column({ type: 'geography', spatialFeatureType: 'Point', srid: 4326 })
  location!: Point;

  @Column(accessibility)
  accessibility!: AccessibilityFeature[];
}

@Entity('booking')
@Unique('ux_booking_session_person', ['sessionId', 'personId'])
@Index('ix_booking_person_id', ['personId'])
// Who holds a place at a session: matching's "people you know going" and block checks read it
// from the index alone.
@Index('ix_booking_session_booked', ['sessionId', 'personId'], { where: `"status" = 'BOOKED'` })
@Check('ck_booking_waitlist', `(status = 'WAITLISTED') = (waitlist_seq IS NOT NULL)`)
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid')
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_booking_session' })
  session?: SessionEntity;

  @Column('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_booking_person' })
  person?: PersonEntity;

  @Column({ type: 'enum', enum: BookingStatus, enumName: 'booking_status' })
  status!: BookingStatus;

  @Column({ type: 'int', nullable: true })
  waitlistSeq!: number | null;

  @Column({ type: 'uuid', nullable: true })
  attendanceRecordedBy!: string | null;

  @ManyToOne(() => PersonEntity, { onDelete: 'SET NULL' })
  @JoinColumn({
    name: 'attendance_recorded_by',
    foreignKeyConstraintName: 'fk_booking_attendance_recorded_by',
  })
  attendanceRecorder?: PersonEntity | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/**
 * Where a member has lived: the area of each home they set, from when they set it. What reports
 * count a member by at the start of each month, so a move changes no month already over.
 */
@Entity('member_home')
export class MemberHomeEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @ManyToOne(() => PersonEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_member_home_person' })
  person?: PersonEntity;

  /**
   * When it became their home: now for a move, the start of the month for a first home, and
   * '-infinity' for homes set before this history was kept (and the demo's).
   */
  @PrimaryColumn('timestamptz')
  fromAt!: Date;

  /** The smallest area holding the home (its ward), or null outside every area. */
  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @ManyToOne(() => AreaEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'area_id', foreignKeyConstraintName: 'fk_member_home_area' })
  area?: AreaEntity | null;
}

export const COMMUNITY_ENTITIES = [
  InterestEntity,
  MemberProfileEntity,
  MemberHomeEntity,
  MemberInterestEntity,
  AvailabilityWindowEntity,
  VenueEntity,
  ActivityEntity,
  ActivityInterestEntity,
  SessionEntity,
  BookingEntity,
  EqualityMonitoringEntity,
];
