import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@kith/identity';
import {
  Clock,
  Db,
  decodeCursor,
  distanceBand,
  DomainError,
  encodeCursor,
  isUuid,
  JobName,
  JobOutbox,
  KITH_CONFIG,
  Problems,
} from '@kith/platform';
import type { KithConfig, LatLng } from '@kith/platform';
import type { ActivityRow } from './activity.repository';
import { ActivityService } from './activity.service';
import { BookingRepository } from './booking.repository';
import { InterestRepository } from './interest.repository';
import { SessionRepository } from './session.repository';
import type { SessionRow } from './session.repository';
import type { AccessibilityFeature } from './taxonomy';

export interface SessionFilter {
  near?: LatLng | null;
  withinMetres?: number | null;
  interestIds?: string[] | null;
  from?: Date | null;
  to?: Date | null;
  accessibility?: AccessibilityFeature[] | null;
  hasPlaces?: boolean | null;
}

/** A session as a viewer may see it: a distance band, never a distance or a location. */
export interface SessionView extends Omit<SessionRow, 'viewerDistance'> {
  distanceBand: string | null;
  placesLeft: number;
}

export interface SessionPage {
  edges: { cursor: string; node: SessionView }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

export const MAX_PAGE = 100;
export const MAX_RADIUS_METRES = 50_000;
const DEFAULT_RADIUS_METRES = 5_000;

export function toView(row: SessionRow): SessionView {
  const { viewerDistance, ...rest } = row;
  return {
    ...rest,
    placesLeft: Math.max(row.capacity - row.bookedCount, 0),
    distanceBand: viewerDistance === null ? null : distanceBand(viewerDistance),
  };
}

@Injectable()
export class SessionService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly sessions: SessionRepository,
    private readonly bookings: BookingRepository,
    private readonly interests: InterestRepository,
    private readonly activities: ActivityService,
    private readonly outbox: JobOutbox,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  async browse(
    viewerId: string,
    filter: SessionFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<SessionPage> {
    const problems = new Problems();
    problems.intRange(first, 'first', 1, MAX_PAGE);
    problems.latLng(filter.near, 'filter.near');
    problems.intRange(filter.withinMetres, 'filter.withinMetres', 1, MAX_RADIUS_METRES);
    if (filter.from && filter.to)
      problems.check(filter.to > filter.from, 'filter.to', 'must be after from');
    let position: { startsAt: Date; id: string } | null = null;
    if (after) {
      const decoded = decodeCursor(this.config.auth.jwtSecret, after);
      const startsAt = decoded?.startsAt ? new Date(decoded.startsAt) : undefined;
      if (decoded && startsAt && !Number.isNaN(startsAt.getTime()) && isUuid(decoded.id ?? '')) {
        position = { startsAt, id: decoded.id };
      } else {
        problems.add('after', 'this cursor is not one we gave out');
      }
    }
    const interestIds = filter.interestIds ? [...new Set(filter.interestIds)] : null;
    if (interestIds) {
      const unknown = await this.interests.unknownIds(interestIds);
      problems.check(
        unknown.length === 0,
        'filter.interestIds',
        `unknown interest ids: ${unknown.join(', ')}`,
      );
    }
    problems.throwIfAny();

    let near = filter.near ?? null;
    let within = filter.withinMetres ?? null;
    if (near || within) {
      const home = await this.sessions.homeOf(viewerId);
      if (!near) {
        if (!home)
          throw DomainError.badInput([
            { path: 'filter.near', message: 'give a point, or set your home in your profile' },
          ]);
        near = { lat: home.lat, lng: home.lng };
      }
      within ??= home?.radius ?? DEFAULT_RADIUS_METRES;
    }
    const now = this.clock.now();
    const rows = await this.sessions.browse({
      viewerId,
      near,
      withinMetres: within,
      interestIds,
      from: filter.from && filter.from > now ? filter.from : now,
      to: filter.to ?? null,
      accessibility: [...new Set(filter.accessibility ?? [])],
      hasPlaces: filter.hasPlaces ?? false,
      after: position,
      limit: first + 1,
    });
    const page = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor(this.config.auth.jwtSecret, {
        startsAt: row.startsAt.toISOString(),
        id: row.id,
      }),
      node: toView(row),
    }));
    return {
      edges: page,
      pageInfo: {
        hasNextPage: rows.length > first,
        // Forward paging only: a page asked for after a cursor has one before it.
        hasPreviousPage: position !== null,
        startCursor: page[0]?.cursor ?? null,
        endCursor: page.at(-1)?.cursor ?? null,
      },
    };
  }

  async byIds(viewerId: string, ids: readonly string[]): Promise<SessionView[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? (await this.sessions.byIds(viewerId, valid)).map(toView) : [];
  }

  /** Sessions with their activities, in one read, for lists that show both. */
  async withActivities(
    viewerId: string,
    ids: readonly string[],
  ): Promise<{ session: SessionView; activity: ActivityRow }[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return [];
    return (await this.sessions.withActivities(viewerId, valid)).map(({ session, activity }) => ({
      session: toView(session),
      activity,
    }));
  }

  async upcomingOf(
    viewerId: string,
    activityIds: readonly string[],
    limit: number,
  ): Promise<SessionView[]> {
    return (await this.sessions.upcomingOf(viewerId, activityIds, this.clock.now(), limit)).map(
      toView,
    );
  }

  /** A coordinator of the area cancels a session that has not started: every place is freed. */
  async cancel(principal: Principal, sessionId: string): Promise<SessionView> {
    return this.db.transaction(async () => {
      const session = isUuid(sessionId) ? await this.bookings.lockSession(sessionId) : undefined;
      if (!session) throw DomainError.notFound('Session');
      await this.activities.assertCoordinates(principal, session.areaId);
      if (session.cancelledAt) return (await this.byIds(principal.personId, [sessionId]))[0];
      if (session.startsAt <= this.clock.now())
        throw DomainError.conflict('This session has already started');
      const cancelled = await this.bookings.cancelAll(sessionId);
      // Everyone who held a place or waited is told, through the outbox, in this transaction.
      if (cancelled.length > 0)
        await this.outbox.scheduleMany(
          cancelled.map((bookingId) => ({
            name: JobName.DecideNudge,
            payload: { event: 'SESSION_CANCELLED' as const, bookingId },
            key: `session-cancelled-${bookingId}`,
          })),
        );
      return (await this.byIds(principal.personId, [sessionId]))[0];
    });
  }
}
