import { Injectable } from '@nestjs/common';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { Db, DomainError, isUuid, Problems } from '@kith/platform';
import { NudgeChannel, NudgeKind } from './nudge-kinds';
import { NudgeSubjectsRepository } from './nudge-subjects.repository';
import { differenceInterval } from './variant-interval';

export interface HistoryRow {
  nudgeId: string;
  kind: NudgeKind;
  title: string;
  body: string;
  sentAt: Date | null;
  readAt: Date | null;
  linkScreen: string | null;
  linkId: string | null;
  channel: NudgeChannel;
  status: string;
  reason: string | null;
  at: Date;
}

export interface VariantOutcome {
  variant: string;
  reminded: number;
  attended: number;
  attendedShare: number;
  /** For B and on: the interval for its share minus A's. */
  differenceCiLow: number | null;
  differenceCiHigh: number | null;
}

export const MAX_HISTORY = 200;
/** Kinds whose subject is a booking: what they led to is whether the member came. */
const ABOUT_A_BOOKING = new Set<NudgeKind>([
  NudgeKind.SESSION_REMINDER,
  NudgeKind.WAITLIST_PROMOTED,
  NudgeKind.FIRST_VISIT_SUPPORT,
]);

/**
 * What coordinators may see of nudges: one member's history by channel (in an area they
 * coordinate), and how the wording variants of a kind compare in their area.
 */
@Injectable()
export class NudgeHistoryService {
  constructor(
    private readonly db: Db,
    private readonly people: PersonService,
    private readonly subjects: NudgeSubjectsRepository,
  ) {}

  /**
   * The member's nudges, newest first, one row per channel; a nudge decided not to go shows as
   * SUPPRESSED in the inbox with the reason. FORBIDDEN unless the caller coordinates the area
   * the member lives in; NOT_FOUND for nobody (or a member with no home yet, who has no area).
   */
  async history(principal: Principal, personId: string, first: number): Promise<HistoryRow[]> {
    const problems = new Problems();
    problems.check(
      Number.isInteger(first) && first >= 1 && first <= MAX_HISTORY,
      'first',
      `give a whole number from 1 to ${MAX_HISTORY}`,
    );
    problems.throwIfAny('The history could not be read');
    if (!isUuid(personId)) throw DomainError.notFound('Person');
    await this.people.byId(personId);
    const areaId = await this.subjects.homeAreaOf(personId);
    if (!areaId || !(await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, areaId)))
      throw DomainError.forbidden("You do not coordinate this member's area");
    return this.db.query<HistoryRow>(
      `SELECT n.id AS "nudgeId", n.kind, n.title, n.body, n.sent_at AS "sentAt", n.read_at AS "readAt",
              n.link_screen AS "linkScreen", n.link_id AS "linkId",
              COALESCE(d.channel, 'INBOX') AS channel,
              CASE WHEN d.status IS NULL THEN 'SUPPRESSED' WHEN d.status = 'SENDING' THEN 'QUEUED' ELSE d.status::text END AS status,
              COALESCE(d.reason, n.skip_reason) AS reason, COALESCE(d.updated_at, n.created_at) AS at
         FROM (SELECT * FROM nudge WHERE person_id = $1 AND status IN ('SENT', 'SKIPPED', 'CANCELLED')
                 -- Only what they were told as a member: not a coordinator's or a helper's
                 -- news about other people (a check-in, another helper's DBS check).
                 AND kind <> 'CHECK_IN' AND NOT (kind = 'DBS_EXPIRING' AND subject_id <> person_id)
                ORDER BY created_at DESC, id DESC LIMIT $2) n
         LEFT JOIN nudge_delivery d ON d.nudge_id = n.id
        ORDER BY n.created_at DESC, n.id DESC, channel
        LIMIT $2`,
      [personId, first],
    );
  }

  /**
   * For a kind about bookings, in the area and the areas inside it: under each wording variant,
   * the bookings nudged whose attendance was recorded and the share attended, with the 95 %
   * interval (Newcombe) for each variant's share minus A's.
   */
  async variantReport(
    principal: Principal,
    kind: NudgeKind,
    areaId: string,
  ): Promise<VariantOutcome[]> {
    if (!ABOUT_A_BOOKING.has(kind))
      throw DomainError.badInput(
        [
          {
            path: 'kind',
            message: `choose one about a booking: ${[...ABOUT_A_BOOKING].join(', ')}`,
          },
        ],
        'Only nudges about a booking can be compared by who came',
      );
    if (!isUuid(areaId)) throw DomainError.notFound('Area');
    if (!(await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, areaId)))
      throw DomainError.forbidden('You do not coordinate this area');
    const rows = await this.db.query<{ variant: string; reminded: number; attended: number }>(
      `WITH RECURSIVE inside AS (
         SELECT id FROM area WHERE id = $2
         UNION SELECT a.id FROM area a JOIN inside ON a.parent_id = inside.id)
       SELECT n.variant, count(DISTINCT b.id)::int AS reminded,
              count(DISTINCT b.id) FILTER (WHERE b.status = 'ATTENDED')::int AS attended
         FROM nudge n JOIN booking b ON b.id = n.subject_id
         JOIN session s ON s.id = b.session_id JOIN activity a ON a.id = s.activity_id
         JOIN venue v ON v.id = a.venue_id
        WHERE n.kind = $1 AND n.status = 'SENT' AND b.status IN ('ATTENDED', 'NO_SHOW')
          -- Only nudges whose wording has variants: a member on B gets the two-hour reminder
          -- in its one wording, which must not count their booking under A as well.
          AND ($1 <> 'SESSION_REMINDER' OR n.key LIKE '%:DAY_BEFORE-%')
          AND v.area_id IN (SELECT id FROM inside)
        GROUP BY n.variant ORDER BY n.variant`,
      [kind, areaId],
    );
    const base = rows.find((row) => row.variant === 'A');
    return rows.map((row) => {
      const ci =
        base && row !== base
          ? differenceInterval(row.attended, row.reminded, base.attended, base.reminded)
          : null;
      return {
        ...row,
        attendedShare: row.reminded > 0 ? row.attended / row.reminded : 0,
        differenceCiLow: ci?.low ?? null,
        differenceCiHigh: ci?.high ?? null,
      };
    });
  }
}
