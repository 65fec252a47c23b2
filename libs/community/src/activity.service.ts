import { Injectable } from '@nestjs/common';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import {
  Clock,
  Db,
  DomainError,
  isUuid,
  JobName,
  JobOutbox,
  londonWallTime,
  Problems,
} from '@kith/platform';
import { ActivityRepository } from './activity.repository';
import type { ActivityRow } from './activity.repository';
import { ActivityStatus } from './community.entities';
import { InterestRepository } from './interest.repository';
import { parseRecurrence, RecurrenceError, shortestGapMinutes } from './recurrence';
import { RecurrenceEngine } from './recurrence-engine';
import type { AccessibilityFeature } from './taxonomy';
import type { LatLng } from '@kith/platform';

export const EXPANSION_WEEKS = 8;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** A rule is tried over this many years from its first start: a leap day comes in four. */
const RULE_CHECK_YEARS = 5;

export interface NewActivity {
  title: string;
  description: string;
  interestIds: string[];
  venueName: string;
  /** The street address with its postcode, as people would find it; absent: none (or unchanged). */
  venueAddress?: string | null;
  venueLocation: LatLng;
  venueAccessibility?: AccessibilityFeature[] | null;
  capacity: number;
  firstStartsAt: Date;
  durationMinutes: number;
  recurrence?: string | null;
}

@Injectable()
export class ActivityService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly activities: ActivityRepository,
    private readonly interests: InterestRepository,
    private readonly people: PersonService,
    private readonly outbox: JobOutbox,
    private readonly recurrences: RecurrenceEngine,
  ) {}

  byIds(ids: readonly string[]): Promise<ActivityRow[]> {
    return this.activities.byIds(ids);
  }

  /**
   * A coordinator of the venue's area creates an approved activity, whose sessions for the next
   * eight weeks exist at once. Anyone else proposes a member-led one that waits for approval.
   */
  async create(principal: Principal, input: NewActivity): Promise<ActivityRow> {
    const now = this.clock.now();
    const problems = new Problems();
    const title = problems.text(input.title, 'title', 120) ?? '';
    const description = problems.text(input.description, 'description', 4000, true) ?? '';
    const venueName = problems.text(input.venueName, 'venueName', 120) ?? '';
    const venueAddress =
      typeof input.venueAddress === 'string' && input.venueAddress.trim() !== ''
        ? (problems.text(input.venueAddress, 'venueAddress', 300, true) ?? null)
        : null;
    problems.latLng(input.venueLocation, 'venueLocation');
    problems.intRange(input.capacity, 'capacity', 1, 500);
    problems.intRange(input.durationMinutes, 'durationMinutes', 5, 1440);
    const firstStartsAt = input.firstStartsAt;
    if (problems.check(!Number.isNaN(firstStartsAt.getTime()), 'firstStartsAt', 'not a date')) {
      problems.check(firstStartsAt > now, 'firstStartsAt', 'must be in the future');
      problems.check(
        firstStartsAt.getTime() < now.getTime() + 366 * 24 * 3600 * 1000,
        'firstStartsAt',
        'must be within a year',
      );
    }
    const interestIds = [...new Set(input.interestIds)];
    if (
      problems.check(
        interestIds.length >= 1 && interestIds.length <= 10,
        'interestIds',
        'choose 1 to 10 interests',
      )
    ) {
      const unknown = await this.interests.unknownIds(interestIds);
      problems.check(
        unknown.length === 0,
        'interestIds',
        `unknown interest ids: ${unknown.join(', ')}`,
      );
    }
    const recurrence = input.recurrence?.trim()
      ? input.recurrence.trim().replace(/^RRULE:/i, '')
      : null;
    if (recurrence !== null && !Number.isNaN(firstStartsAt.getTime())) {
      try {
        const starts = await this.recurrences.occurrences(
          parseRecurrence(recurrence, firstStartsAt),
          firstStartsAt,
          new Date(firstStartsAt.getTime() + RULE_CHECK_YEARS * YEAR_MS),
        );
        if (
          problems.check(
            starts.length > 0,
            'recurrence',
            'this rule yields no session in the next five years',
          )
        ) {
          const gap = shortestGapMinutes(starts);
          problems.check(
            gap >= input.durationMinutes,
            'recurrence',
            `sessions of one activity may not overlap: this rule starts them ${gap} minutes apart, and each lasts ${input.durationMinutes}`,
          );
        }
      } catch (error) {
        if (!(error instanceof RecurrenceError)) throw error;
        problems.add('recurrence', error.message);
      }
    }
    problems.throwIfAny('The activity was not created');

    const areaId = await this.activities.areaAt(input.venueLocation);
    if (!areaId) {
      throw DomainError.badInput([
        { path: 'venueLocation', message: 'this place is outside the areas Kith serves' },
      ]);
    }
    const coordinates = await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, areaId);
    return this.db.transaction(async () => {
      const venueId = await this.activities.findOrCreateVenue(
        venueName,
        input.venueLocation,
        [...new Set(input.venueAccessibility ?? [])],
        areaId,
        coordinates,
        venueAddress,
      );
      const id = await this.activities.insert({
        title,
        description,
        venueId,
        capacity: input.capacity,
        durationMinutes: input.durationMinutes,
        firstStartsAt,
        recurrence,
        status: coordinates ? ActivityStatus.APPROVED : ActivityStatus.PROPOSED,
        createdBy: principal.personId,
        approvedBy: coordinates ? principal.personId : null,
        interestIds,
      });
      if (coordinates) await this.expand(id);
      return this.mustGet(id);
    });
  }

  /** A coordinator of the area approves (or declines) a member-led activity. */
  async review(principal: Principal, activityId: string, approve: boolean): Promise<ActivityRow> {
    if (!isUuid(activityId)) throw DomainError.notFound('Activity');
    return this.db.transaction(async () => {
      const activity = await this.activities.lock(activityId);
      if (!activity) throw DomainError.notFound('Activity');
      await this.assertCoordinates(principal, activity.areaId);
      if (activity.status !== ActivityStatus.PROPOSED) {
        throw DomainError.conflict(`This activity is already ${activity.status.toLowerCase()}`);
      }
      await this.activities.setStatus(
        activityId,
        approve ? ActivityStatus.APPROVED : ActivityStatus.DECLINED,
        principal.personId,
      );
      if (approve) await this.expand(activityId);
      return this.mustGet(activityId);
    });
  }

  async assertCoordinates(principal: Principal, areaId: string): Promise<void> {
    if (!(await this.people.holdsRoleIn(principal.personId, Role.COORDINATOR, areaId))) {
      throw DomainError.forbidden('Only a coordinator of this area can do that');
    }
  }

  /**
   * Creates the sessions of an approved activity up to eight weeks ahead; safe to repeat (unique
   * activity + start). Returns how many sessions were new.
   */
  async expand(activityId: string): Promise<number> {
    return this.db.transaction(async () => {
      const activity = await this.activities.lock(activityId);
      if (!activity || activity.status !== ActivityStatus.APPROVED) return 0;
      const now = this.clock.now();
      const horizon = new Date(now.getTime() + EXPANSION_WEEKS * WEEK_MS);
      let starts: Date[];
      if (activity.recurrence === null) {
        starts = activity.firstStartsAt > now ? [activity.firstStartsAt] : [];
      } else {
        const from = new Date(
          Math.max(
            now.getTime(),
            (activity.expandedUntil ?? activity.firstStartsAt).getTime(),
            activity.firstStartsAt.getTime(),
          ),
        );
        starts = await this.recurrences.occurrences(
          parseRecurrence(activity.recurrence, activity.firstStartsAt),
          from,
          horizon,
        );
      }
      const created = await this.activities.insertSessions(
        activityId,
        starts,
        activity.durationMinutes,
        activity.capacity,
      );
      await this.activities.setExpandedUntil(activityId, horizon);
      return created;
    });
  }

  /**
   * The daily run's decision: one expansion job per approved recurring activity whose sessions
   * stop short of the horizon, each keyed by the activity and the London day, so a second run
   * that day adds none. Returns how many jobs were new.
   */
  async scheduleExpansions(batch = 1000): Promise<number> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() + EXPANSION_WEEKS * WEEK_MS - 60_000);
    const { year, month, day } = londonWallTime(now);
    const dayKey = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    let scheduled = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.activities.needingExpansion(horizon, after, batch);
      scheduled += await this.outbox.scheduleMany(
        ids.map((activityId) => ({
          name: JobName.ExpandActivitySessions,
          payload: { activityId },
          key: `${activityId}-${dayKey}`,
        })),
      );
      if (ids.length < batch) return scheduled;
      after = ids[ids.length - 1];
    }
  }

  private async mustGet(id: string): Promise<ActivityRow> {
    const [row] = await this.activities.byIds([id]);
    if (!row) throw DomainError.notFound('Activity');
    return row;
  }
}
