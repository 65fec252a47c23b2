import type { TestingModule } from '@nestjs/testing';
import { AreaService } from '@kith/areas';
import { CommunityModule, ProfileService } from '@kith/community';
import { PersonService, Role } from '@kith/identity';
import { Db } from '@kith/platform';
import { importShippedAreas } from '../support/areas';
import { testConfig } from '../support/config';
import { createContext } from '../support/context';
import { uniqueEmail } from '../support/sign-in';

/**
 * Each member's history of homes, what reports count them by: a first home from the start of
 * its month, a move from when it is made, a move within the same area nothing; and two changes
 * sent at once both kept in order, the last the home the profile has.
 */
describe("a member's history of homes", () => {
  let context: TestingModule;
  let db: Db;
  let profiles: ProfileService;
  const points: { lat: number; lng: number; area: string }[] = [];

  beforeAll(async () => {
    context = await createContext([CommunityModule], testConfig());
    db = context.get(Db);
    profiles = context.get(ProfileService);
    await importShippedAreas(context.get(AreaService));
    points.push(
      ...(await db.query<{ lat: number; lng: number; area: string }>(
        `SELECT ST_Y(p) AS lat, ST_X(p) AS lng, id AS area
           FROM (SELECT id, ST_PointOnSurface(boundary::geometry) AS p FROM area
                  WHERE kind = 'ward' ORDER BY code LIMIT 2) w`,
      )),
    );
  });

  afterAll(() => context.close());

  const member = async () =>
    (await context.get(PersonService).grantRole(uniqueEmail('home'), Role.MEMBER)).person.id;
  const history = (id: string) =>
    db.query<{ area: string; first: boolean; fromNow: boolean }>(
      `SELECT area_id AS area,
              from_at = date_trunc('month', now() AT TIME ZONE 'Europe/London') AT TIME ZONE 'Europe/London' AS first,
              from_at > now() - interval '1 minute' AS "fromNow"
         FROM member_home WHERE person_id = $1 ORDER BY from_at`,
      [id],
    );

  it('keeps a first home from the start of its month, a move from now, and nothing for a move within the area', async () => {
    const id = await member();
    const [a, b] = points;
    await profiles.update(id, { home: { lat: a.lat, lng: a.lng } });
    await profiles.update(id, { home: { lat: a.lat + 0.0001, lng: a.lng } });
    expect(await history(id)).toEqual([{ area: a.area, first: true, fromNow: false }]);
    await profiles.update(id, { home: { lat: b.lat, lng: b.lng } });
    expect(await history(id)).toEqual([
      { area: a.area, first: true, fromNow: false },
      { area: b.area, first: false, fromNow: true },
    ]);
  });

  it('keeps two homes sent at once in order, the last the profile’s', async () => {
    const id = await member();
    const [a, b] = points;
    await Promise.all([
      profiles.update(id, { home: { lat: a.lat, lng: a.lng } }),
      profiles.update(id, { home: { lat: b.lat, lng: b.lng } }),
    ]);
    const rows = await history(id);
    const [{ home }] = await db.query<{ home: string }>(
      `SELECT home_area_id AS home FROM member_profile WHERE person_id = $1`,
      [id],
    );
    // One first home from the start of the month, then the other from now.
    expect(rows).toHaveLength(2);
    expect(rows[0].first).toBe(true);
    expect(rows[1].fromNow).toBe(true);
    expect(rows[1].area).toBe(home);
    expect(new Set(rows.map((r) => r.area))).toEqual(new Set([a.area, b.area]));
  });
});
