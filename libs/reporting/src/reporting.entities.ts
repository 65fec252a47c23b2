import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

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

/**
 * What one session gave the participation rollups when they were last worked out: its London
 * day, its venue's area, its interests, whether it was held and its attendances by the area
 * each attendee lives in. Kept so a later change (a corrected no-show) takes back exactly what
 * it gave before adding what it gives now.
 */
@Entity('participation_session')
export class ParticipationSessionEntity {
  @PrimaryColumn('uuid')
  sessionId!: string;

  @Column('date')
  day!: string;

  @Column('uuid')
  venueAreaId!: string;

  @Column({ type: 'uuid', array: true, default: [] })
  interestIds!: string[];

  @Column('boolean')
  held!: boolean;

  /** Attendances by where each attendee lived at the start of its month: `{ areaId: count }`. */
  @Column({ type: 'jsonb', default: {} })
  byArea!: Record<string, number>;

  /** The sum of those attendees' record keys, by the same areas. */
  @Column({ type: 'jsonb', default: {} })
  byAreaKey!: Record<string, number>;
}

/**
 * The monthly rollup per area and set of interests (a session's interests, comma-joined in
 * order): sessions held at venues in the area, attendances by members living in it at the start
 * of the month, and the sum of those attendances' record keys. The smallest cells attendances
 * are published from: by month, ward or interest, every figure is a sum of these.
 */
@Entity('participation_month_set')
export class ParticipationMonthSetEntity {
  @PrimaryColumn('int')
  month!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @PrimaryColumn('text')
  interestSet!: string;

  @Column({ type: 'int', default: 0 })
  sessionsHeld!: number;

  @Column({ type: 'int', default: 0 })
  attendances!: number;

  @Column({ type: 'bigint', default: 0 })
  attendancesKey!: string;
}

/**
 * Each member who has come to anything: where they lived at the start of their first month
 * (area) and live now (LSOA), when they joined, their first and second attendance, the London
 * months they came in (as year * 12 + month - 1) with where they lived at the start of each, and
 * whether they came in their third and sixth month of membership. What exact distinct counts
 * over any period of whole months read, without touching bookings.
 */
@Entity('participant')
@Index('ix_participant_area_first', ['areaId', 'firstAt'])
export class ParticipantEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @Column({ type: 'text', nullable: true })
  lsoaCode!: string | null;

  @Column('timestamptz')
  joinedAt!: Date;

  @Column('timestamptz')
  firstAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  secondAt!: Date | null;

  @Column({ type: 'int', array: true })
  months!: number[];

  /** Where they lived at the start of each of `months` (null: in no area). */
  @Column({ type: 'uuid', array: true, default: [] })
  monthAreas!: (string | null)[];

  /** The person's record key (perturbation), copied. */
  @Column({ type: 'int', default: 0 })
  recordKey!: number;

  @Column('boolean')
  activeMonth3!: boolean;

  @Column('boolean')
  activeMonth6!: boolean;

  /** As given on the profile when the row was last worked out. */
  @Column({ type: 'text', nullable: true })
  ageBand!: string | null;

  /**
   * The equality monitoring answers when the row was last worked out, as 'question:answer'
   * (none for a question not answered): what the row gave the answers' reach, whatever the
   * questions' order.
   */
  @Column({ type: 'text', array: true, default: [] })
  answers!: string[];
}

/** The same per interest a member has come to. */
@Entity('participant_interest')
@Index('ix_participant_interest_area', ['areaId', 'interestId'])
export class ParticipantInterestEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @PrimaryColumn('uuid')
  interestId!: string;

  @Column({ type: 'uuid', nullable: true })
  areaId!: string | null;

  @Column('timestamptz')
  firstAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  secondAt!: Date | null;

  @Column({ type: 'int', array: true })
  months!: number[];

  @Column({ type: 'uuid', array: true, default: [] })
  monthAreas!: (string | null)[];

  @Column({ type: 'int', default: 0 })
  recordKey!: number;
}

/** Exact distinct participants per London month and home area (kept from `participant`). */
@Entity('participant_month')
export class ParticipantMonthEntity {
  @PrimaryColumn('int')
  month!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @Column({ type: 'int', default: 0 })
  participants!: number;

  /** The sum of their keys (their family's permutation of each record key). */
  @Column({ type: 'bigint', default: 0 })
  participantsKey!: string;
}

/** The same per interest. */
@Entity('participant_interest_month')
export class ParticipantInterestMonthEntity {
  @PrimaryColumn('int')
  month!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @PrimaryColumn('uuid')
  interestId!: string;

  @Column({ type: 'int', default: 0 })
  participants!: number;

  /** The sum of their keys (their family's permutation of each record key). */
  @Column({ type: 'bigint', default: 0 })
  participantsKey!: string;
}

/**
 * First-timers by the London month of their first attendance, home area and whole days from
 * joining to it (a histogram, so a median over any months and areas is exact to the day),
 * with how many of them came again within 30 days.
 */
@Entity('participant_first')
export class ParticipantFirstEntity {
  @PrimaryColumn('int')
  month!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @PrimaryColumn('int')
  days!: number;

  @Column({ type: 'int', default: 0 })
  firstTimers!: number;

  @Column({ type: 'int', default: 0 })
  returned!: number;

  @Column({ type: 'bigint', default: 0 })
  firstTimersKey!: string;

  @Column({ type: 'bigint', default: 0 })
  returnedKey!: string;

  /** The same first-timers' keys as the days' histogram draws on them (a family of its own). */
  @Column({ type: 'bigint', default: 0 })
  daysKey!: string;
}

/** First-timers in an interest, and who came back to it within 30 days. */
@Entity('participant_interest_first')
export class ParticipantInterestFirstEntity {
  @PrimaryColumn('int')
  month!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @PrimaryColumn('uuid')
  interestId!: string;

  @Column({ type: 'int', default: 0 })
  firstTimers!: number;

  @Column({ type: 'int', default: 0 })
  returned!: number;

  @Column({ type: 'bigint', default: 0 })
  firstTimersKey!: string;

  @Column({ type: 'bigint', default: 0 })
  returnedKey!: string;
}

/**
 * Exact distinct participants over any run of whole months, without reading members: for each
 * month a report could start in (from 61 months before a member's first month to their last),
 * the first month at or after it that they came in. Those counted over [a, b) are those whose
 * next month from a is before b: a sum over at most a few thousand rows, whatever the members.
 */
@Entity('participant_reach')
export class ParticipantReachEntity {
  @PrimaryColumn('int')
  startMonth!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  /** The age band the member gave ('' for none). */
  @PrimaryColumn('text')
  ageBand!: string;

  @PrimaryColumn('int')
  nextMonth!: number;

  @Column({ type: 'int', default: 0 })
  people!: number;

  @Column({ type: 'bigint', default: 0 })
  peopleKey!: string;
}

/**
 * The same reach per interest: for each month a report could start in, the first month at or
 * after it that a member came to the interest from an area they lived in. What a report's
 * participants by interest over a period are summed from.
 */
@Entity('participant_interest_reach')
export class ParticipantInterestReachEntity {
  @PrimaryColumn('int')
  startMonth!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @PrimaryColumn('uuid')
  interestId!: string;

  @PrimaryColumn('int')
  nextMonth!: number;

  @Column({ type: 'int', default: 0 })
  people!: number;

  @Column({ type: 'bigint', default: 0 })
  peopleKey!: string;
}

/**
 * What each member gives the joiners' counts now: the London month they joined, where they
 * lived at its start, the interests they chose, and whether they came in their third and sixth months (from
 * `participant`). Rewritten with their participant rows, and when their profile changes.
 */
@Entity('member_join')
export class MemberJoinEntity {
  @PrimaryColumn('uuid')
  personId!: string;

  @Column('int')
  month!: number;

  @Column('uuid')
  areaId!: string;

  @Column({ type: 'uuid', array: true, default: [] })
  interestIds!: string[];

  @Column('boolean')
  active3!: boolean;

  @Column('boolean')
  active6!: boolean;

  @Column({ type: 'int', default: 0 })
  recordKey!: number;
}

/**
 * Members who joined in a London month, by where they lived at its start, and of them who came
 * in their third and sixth months, each count with the sum of its members' record keys.
 */
@Entity('member_join_month')
export class MemberJoinMonthEntity {
  @PrimaryColumn('int')
  month!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @Column({ type: 'int', default: 0 })
  newMembers!: number;

  @Column({ type: 'int', default: 0 })
  active3!: number;

  @Column({ type: 'int', default: 0 })
  active6!: number;

  @Column({ type: 'bigint', default: 0 })
  newMembersKey!: string;

  @Column({ type: 'bigint', default: 0 })
  active3Key!: string;

  @Column({ type: 'bigint', default: 0 })
  active6Key!: string;
}

/** The same per interest a member chose. */
@Entity('member_join_month_interest')
export class MemberJoinMonthInterestEntity {
  @PrimaryColumn('int')
  month!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  @PrimaryColumn('uuid')
  interestId!: string;

  @Column({ type: 'int', default: 0 })
  newMembers!: number;

  @Column({ type: 'int', default: 0 })
  active3!: number;

  @Column({ type: 'int', default: 0 })
  active6!: number;

  @Column({ type: 'bigint', default: 0 })
  newMembersKey!: string;

  @Column({ type: 'bigint', default: 0 })
  active3Key!: string;

  @Column({ type: 'bigint', default: 0 })
  active6Key!: string;
}

/**
 * The reach (as participant_reach) of each equality monitoring answer: participants who gave
 * it, by the month a report could start in and the first month at or after it they came in.
 * Only answers given: "not given" is the period's participants less these.
 */
@Entity('participant_answer_reach')
export class ParticipantAnswerReachEntity {
  @PrimaryColumn('int')
  startMonth!: number;

  @PrimaryColumn('uuid')
  areaId!: string;

  /** The question's key (EQUALITY_QUESTIONS). */
  @PrimaryColumn('text')
  question!: string;

  @PrimaryColumn('text')
  answer!: string;

  @PrimaryColumn('int')
  nextMonth!: number;

  @Column({ type: 'int', default: 0 })
  people!: number;
}

/**
 * Who took part in a closed quarter, as first published for a top area (age bands, deciles,
 * equality answers, for the area and each of its wards), kept so that every later report shows
 * the same: tables worked out again after someone moved or changed an answer would differ by
 * that one person. Only published (suppressed) figures are kept.
 */
@Entity('report_quarter')
export class ReportQuarterEntity {
  @PrimaryColumn('uuid')
  areaId!: string;

  @PrimaryColumn('timestamptz')
  quarterFrom!: Date;

  /** The release of the Indices the deciles are by ('' for none). */
  @PrimaryColumn('text')
  imdVersion!: string;

  /** '' for the whole area, else the ward's id: a report reads only the part it shows. */
  @PrimaryColumn('text')
  part!: string;

  @Column('jsonb')
  tables!: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const REPORTING_ENTITIES = [
  ImdDecileEntity,
  ParticipationSessionEntity,
  ParticipationMonthSetEntity,
  ParticipantEntity,
  ParticipantInterestEntity,
  ParticipantMonthEntity,
  ParticipantInterestMonthEntity,
  ParticipantFirstEntity,
  ParticipantInterestFirstEntity,
  ParticipantReachEntity,
  ParticipantInterestReachEntity,
  MemberJoinEntity,
  MemberJoinMonthEntity,
  MemberJoinMonthInterestEntity,
  ParticipantAnswerReachEntity,
  ReportQuarterEntity,
];
