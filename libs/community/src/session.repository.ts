import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import { activityColumns } from './activity.repository';
import type { ActivityRow } from './activity.repository';
import type { AccessibilityFeature } from './taxonomy';

export interface SessionRow {
  id: string;
  activityId: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  bookedCount: number;
  waitlistCount: number;
  cancelledAt: Date | null;
  areaId: string;
  /** Metres from the viewer's home to the venue, when the viewer has a home. */
  viewerDistance: number | null;
}

export interface BrowseQuery {
  viewerId: string;
  near: { lat: number; lng: number } | null;
  withinMetres: number | null;
  interestIds: string[] | null;
  from: Date;
  to: Date | null;
  accessibility: AccessibilityFeature[];
  hasPlaces: boolean;
  after: { startsAt: Date; id: string } | null;
  limit: number;
}

const SESSION = `s.id, s.activity_id AS "activityId", s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity,
  s.booked_count AS "bookedCount", s.waitlist_count AS "waitlistCount", s.cancelled_at AS "cancelledAt", v.area_id AS "areaId"`;

const ACTIVITY_PREFIX = 'activity.';

// The viewer's home, or NULL: distances are computed here and only bands leave the service.
const VIEWER_DISTANCE = `(SELECT ST_Distance(v.location, mp.home) FROM member_profile mp WHERE mp.person_id = $1) AS "viewerDistance"`;

@Injectable()
export class SessionRepository {
  constructor(private readonly db: Db) {}

  /**
   * Upcoming sessions of approved activities matching the filter, in start order with the id as
   * tie-break: keyset pagination, so rows inserted meanwhile never shift a page.
   */
  browse(q: BrowseQuery): Promise<SessionRow[]> {
    return this.db.query<SessionRow>(
      `SELECT ${SESSION}, ${VIEWER_DISTANCE}
         FROM session s
         JOIN activity a ON a.id = s.activity_id AND a.status = 'APPROVED'
         JOIN venue v ON v.id = a.venue_id
        WHERE s.cancelled_at IS NULL
          AND s.starts_at >= $2
          AND ($3::timestamptz IS NULL OR s.starts_at < $3)
          AND ($4::float8 IS NULL OR ST_DWithin(v.location, ST_SetSRID(ST_MakePoint($4, $5), 4326)::geography, $6))
          AND ($7::uuid[] IS NULL OR EXISTS (
                SELECT 1 FROM activity_interest ai WHERE ai.activity_id = a.id AND ai.interest_id = ANY($7::uuid[])))
          AND v.accessibility @> $8::accessibility_feature[]
          AND (NOT $9 OR s.booked_count < s.capacity)
          AND ($10::timestamptz IS NULL OR (s.starts_at, s.id) > ($10, $11::uuid))
        ORDER BY s.starts_at, s.id
        LIMIT $12`,
      [
        q.viewerId,
        q.from,
        q.to,
        q.near?.lng ?? null,
        q.near?.lat ?? null,
        q.withinMetres,
        q.interestIds,
        q.accessibility,
        q.hasPlaces,
        q.after?.startsAt ?? null,
        q.after?.id ?? null,
        q.limit,
      ],
    );
  }

  byIds(viewerId: string, ids: readonly string[]): Promise<SessionRow[]> {
    return this.db.query<SessionRow>(
      `SELECT ${SESSION}, ${VIEWER_DISTANCE}
         FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
        WHERE s.id = ANY($2::uuid[])`,
      [viewerId, ids],
      // Behind every session field of every list: planned once per connection.
      { prepare: true },
    );
  }

  /** Sessions with their activities, in one read, for lists that show both. */
  async withActivities(
    viewerId: string,
    ids: readonly string[],
  ): Promise<{ session: SessionRow; activity: ActivityRow }[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT ${SESSION}, ${VIEWER_DISTANCE}, ${activityColumns(ACTIVITY_PREFIX)}
         FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
        WHERE s.id = ANY($2::uuid[])`,
      [viewerId, ids],
      { prepare: true },
    );
    return rows.map((row) => {
      const session: Record<string, unknown> = {};
      const activity: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(row)) {
        if (key.startsWith(ACTIVITY_PREFIX)) activity[key.slice(ACTIVITY_PREFIX.length)] = value;
        else session[key] = value;
      }
      return {
        session: session as unknown as SessionRow,
        activity: activity as unknown as ActivityRow,
      };
    });
  }

  /** The next `limit` sessions of each activity, for a batch of activities. */
  upcomingOf(
    viewerId: string,
    activityIds: readonly string[],
    from: Date,
    limit: number,
  ): Promise<SessionRow[]> {
    return this.db.query<SessionRow>(
      `SELECT ${SESSION}, ${VIEWER_DISTANCE}
         FROM unnest($2::uuid[]) AS wanted(activity_id)
         CROSS JOIN LATERAL (
           SELECT * FROM session WHERE activity_id = wanted.activity_id AND starts_at >= $3
            ORDER BY starts_at LIMIT $4) s
         JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
        ORDER BY s.starts_at`,
      [viewerId, activityIds, from, limit],
    );
  }

  async homeOf(
    personId: string,
  ): Promise<{ lat: number; lng: number; radius: number } | undefined> {
    const [row] = await this.db.query<{ lat: number; lng: number; radius: number }>(
      `SELECT ST_Y(home::geometry) AS lat, ST_X(home::geometry) AS lng, travel_radius_metres AS radius
         FROM member_profile WHERE person_id = $1 AND home IS NOT NULL`,
      [personId],
    );
    return row;
  }
}
