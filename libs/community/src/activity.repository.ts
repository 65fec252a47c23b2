import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { ActivityStatus } from './community.entities';
import type { AccessibilityFeature } from './taxonomy';
import type { LatLng } from '@kith/platform';

export interface ActivityRow {
  id: string;
  title: string;
  description: string;
  status: ActivityStatus;
  capacity: number;
  durationMinutes: number;
  firstStartsAt: Date;
  recurrence: string | null;
  expandedUntil: Date | null;
  venueId: string;
  venueName: string;
  venueAddress: string | null;
  accessibility: AccessibilityFeature[];
  areaId: string;
  createdBy: string;
}

const ACTIVITY_COLUMNS: Record<keyof ActivityRow, string> = {
  id: 'a.id',
  title: 'a.title',
  description: 'a.description',
  status: 'a.status',
  capacity: 'a.capacity',
  durationMinutes: 'a.duration_minutes',
  firstStartsAt: 'a.first_starts_at',
  recurrence: 'a.recurrence',
  expandedUntil: 'a.expanded_until',
  venueId: 'a.venue_id',
  venueName: 'v.name',
  venueAddress: 'v.address',
  accessibility: 'v.accessibility::text[]',
  areaId: 'v.area_id',
  createdBy: 'a.created_by',
};

/** An ActivityRow's columns from `activity a JOIN venue v`, each named `${prefix}${field}`. */
export function activityColumns(prefix = ''): string {
  return Object.entries(ACTIVITY_COLUMNS)
    .map(([field, column]) => `${column} AS "${prefix}${field}"`)
    .join(', ');
}

const ACTIVITY = activityColumns();

@Injectable()
export class ActivityRepository {
  constructor(private readonly db: Db) {}

  byIds(ids: readonly string[]): Promise<ActivityRow[]> {
    return this.db.query<ActivityRow>(
      `SELECT ${ACTIVITY} FROM activity a JOIN venue v ON v.id = a.venue_id WHERE a.id = ANY($1::uuid[])`,
      [ids],
      { prepare: true },
    );
  }

  async lock(id: string): Promise<ActivityRow | undefined> {
    const [row] = await this.db.query<ActivityRow>(
      `SELECT ${ACTIVITY} FROM activity a JOIN venue v ON v.id = a.venue_id WHERE a.id = $1 FOR UPDATE OF a`,
      [id],
    );
    return row;
  }

  /** The smallest area containing the point (its ward), or undefined outside them all. */
  async areaAt(point: LatLng): Promise<string | undefined> {
    const [row] = await this.db.query<{ id: string | null }>(
      `SELECT area_at(ST_MakePoint($1, $2)) AS id`,
      [point.lng, point.lat],
    );
    return row.id ?? undefined;
  }

  /** A venue of this name within 50 m, or a new one. */
  /**
   * The venue of this name within 50 m, or a new one. Only `owner` (a coordinator of the area)
   * changes an existing venue's accessibility: a proposal never edits a venue others use.
   */
  async findOrCreateVenue(
    name: string,
    point: LatLng,
    accessibility: AccessibilityFeature[],
    areaId: string,
    owner: boolean,
    address: string | null,
  ): Promise<string> {
    const [existing] = await this.db.query<{ id: string }>(
      `SELECT id FROM venue
        WHERE lower(name) = lower($1) AND ST_DWithin(location, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, 50)
        LIMIT 1`,
      [name, point.lng, point.lat],
    );
    if (existing) {
      if (!owner) return existing.id;
      await this.db.query(
        `UPDATE venue SET accessibility = $2::accessibility_feature[], address = COALESCE($3, address) WHERE id = $1`,
        [existing.id, accessibility, address],
      );
      return existing.id;
    }
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO venue (name, location, accessibility, area_id, address)
       VALUES ($1, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4::accessibility_feature[], $5, $6) RETURNING id`,
      [name, point.lng, point.lat, accessibility, areaId, address],
    );
    return row.id;
  }

  async insert(activity: {
    title: string;
    description: string;
    venueId: string;
    capacity: number;
    durationMinutes: number;
    firstStartsAt: Date;
    recurrence: string | null;
    status: ActivityStatus;
    createdBy: string;
    approvedBy: string | null;
    interestIds: string[];
  }): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO activity (title, description, venue_id, capacity, duration_minutes, first_starts_at, recurrence, status, created_by, approved_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
      [
        activity.title,
        activity.description,
        activity.venueId,
        activity.capacity,
        activity.durationMinutes,
        activity.firstStartsAt,
        activity.recurrence,
        activity.status,
        activity.createdBy,
        activity.approvedBy,
      ],
    );
    await this.db.query(
      `INSERT INTO activity_interest (activity_id, interest_id) SELECT $1, unnest($2::uuid[])`,
      [row.id, activity.interestIds],
    );
    return row.id;
  }

  async setStatus(id: string, status: ActivityStatus, approvedBy: string | null): Promise<void> {
    await this.db.query(`UPDATE activity SET status = $2, approved_by = $3 WHERE id = $1`, [
      id,
      status,
      approvedBy,
    ]);
  }

  /** Inserts sessions that are not there yet (unique activity + start); returns how many. */
  async insertSessions(
    activityId: string,
    starts: Date[],
    durationMinutes: number,
    capacity: number,
  ): Promise<number> {
    if (starts.length === 0) return 0;
    const rows = await this.db.query(
      `INSERT INTO session (activity_id, starts_at, ends_at, capacity)
       SELECT $1, s, s + make_interval(mins => $3), $4 FROM unnest($2::timestamptz[]) AS s
       ON CONFLICT (activity_id, starts_at) DO NOTHING RETURNING id`,
      [activityId, starts, durationMinutes, capacity],
    );
    return rows.length;
  }

  async setExpandedUntil(id: string, until: Date): Promise<void> {
    await this.db.query(
      `UPDATE activity SET expanded_until = GREATEST(expanded_until, $2) WHERE id = $1`,
      [id, until],
    );
  }

  /** Approved recurring activities whose sessions stop short of the horizon, by id after `afterId`. */
  async needingExpansion(horizon: Date, afterId: string | null, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM activity
        WHERE status = 'APPROVED' AND recurrence IS NOT NULL AND (expanded_until IS NULL OR expanded_until < $1)
          AND ($2::uuid IS NULL OR id > $2)
        ORDER BY id LIMIT $3`,
      [horizon, afterId, limit],
    );
    return rows.map((row) => row.id);
  }
}
