import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { AreaService } from '@kith/areas';
import type { AreaRow } from '@kith/areas';
import { ActivityService, InterestCatalogue, SessionService } from '@kith/community';
import type { ActivityRow, InterestRow, MemberInterestRow, SessionView } from '@kith/community';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupedBy<V>(keys: readonly string[], rows: V[], keyOf: (row: V) => string): V[][] {
  const map = new Map<string, V[]>();
  for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
  return keys.map((key) => map.get(key) ?? []);
}

/** One set of loaders per request: every field that would query per parent batches instead. */
export interface Loaders {
  activity: DataLoader<string, ActivityRow | null>;
  activityInterests: DataLoader<string, InterestRow[]>;
  memberInterests: DataLoader<string, MemberInterestRow[]>;
  area: DataLoader<string, AreaRow | null>;
  session: DataLoader<string, SessionView | null>;
  /** Keyed by `${activityId}:${first}`. */
  activitySessions: DataLoader<string, SessionView[]>;
}

@Injectable()
export class LoaderFactory {
  constructor(
    private readonly activities: ActivityService,
    private readonly interests: InterestCatalogue,
    private readonly areas: AreaService,
    private readonly sessions: SessionService,
  ) {}

  /** `viewer` is read when a batch runs, after the guard has identified the caller. */
  create(viewer: () => string | undefined): Loaders {
    const viewerId = () => viewer() ?? '00000000-0000-0000-0000-000000000000';
    return {
      activity: new DataLoader(async (ids) =>
        byKey(ids, await this.activities.byIds(ids), (r) => r.id),
      ),
      activityInterests: new DataLoader(async (ids) =>
        groupedBy(ids, await this.interests.ofActivities(ids), (r) => r.ownerId),
      ),
      memberInterests: new DataLoader(async (ids) =>
        groupedBy(ids, await this.interests.ofMembers(ids), (r) => r.ownerId),
      ),
      area: new DataLoader(async (ids) => byKey(ids, await this.areas.byIds(ids), (r) => r.id)),
      session: new DataLoader(async (ids) =>
        byKey(ids, await this.sessions.byIds(viewerId(), ids), (r) => r.id),
      ),
      activitySessions: new DataLoader(async (keys) => {
        const firsts = new Map<number, string[]>();
        for (const key of keys) {
          const [id, first] = key.split(':');
          firsts.set(Number(first), [...(firsts.get(Number(first)) ?? []), id]);
        }
        const found = new Map<string, SessionView[]>();
        for (const [first, ids] of firsts) {
          const rows = await this.sessions.upcomingOf(viewerId(), ids, first);
          for (const id of ids)
            found.set(
              `${id}:${first}`,
              rows.filter((r) => r.activityId === id),
            );
        }
        return keys.map((key) => found.get(key) ?? []);
      }),
    };
  }
}
