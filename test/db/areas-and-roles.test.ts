import type { TestingModule } from '@nestjs/testing';
import { AreaService, AreasModule } from '@kith/areas';
import { IdentityModule, PersonService, Role } from '@kith/identity';
import { Db, DomainError } from '@kith/platform';
import { importShippedAreas } from '../support/areas';
import { createContext } from '../support/context';
import { uniqueEmail } from '../support/sign-in';

describe('areas and area-scoped roles', () => {
  let context: TestingModule;
  let areas: AreaService;
  let people: PersonService;
  let db: Db;

  beforeAll(async () => {
    context = await createContext([AreasModule, IdentityModule]);
    areas = context.get(AreaService);
    people = context.get(PersonService);
    db = context.get(Db);
    await importShippedAreas(areas);
  });

  afterAll(() => context.close());

  it('places each ward inside the borough that contains it', async () => {
    const rows = await db.query<{ code: string; parent: string | null }>(
      `SELECT a.code, p.code AS parent FROM area a LEFT JOIN area p ON p.id = a.parent_id WHERE a.code LIKE 'K0%' ORDER BY a.code`,
    );
    const parents = Object.fromEntries(rows.map((row) => [row.code, row.parent]));
    expect(parents).toMatchObject({
      K09000001: null,
      K09000002: null,
      K05000001: 'K09000001',
      K05000004: 'K09000001',
      K05000005: 'K09000002',
    });
  });

  it('re-imports by code without duplicating', async () => {
    await importShippedAreas(areas);
    const [row] = await db.query<{ count: string }>(
      `SELECT count(*) FROM area WHERE code LIKE 'K0%'`,
    );
    expect(Number(row.count)).toBe(10);
  });

  it('stores boundaries as valid WGS84 multipolygons, transforming projected files', async () => {
    // A square in British National Grid metres around Southwark.
    const bng = [
      [
        [532000, 179000],
        [533000, 179000],
        [533000, 180000],
        [532000, 180000],
        [532000, 179000],
      ],
    ];
    await areas.importGeoJson(
      {
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
        features: [
          {
            type: 'Feature',
            properties: { c: 'T27700', n: 'Projected' },
            geometry: { type: 'Polygon', coordinates: bng },
          },
        ],
      },
      'test_zone',
      { codeProperty: 'c', nameProperty: 'n' },
    );
    const [row] = await db.query<{
      srid: number;
      type: string;
      valid: boolean;
      lng: number;
      lat: number;
    }>(
      `SELECT ST_SRID(boundary) AS srid, GeometryType(boundary) AS type, ST_IsValid(boundary) AS valid,
              ST_X(ST_Centroid(boundary)) AS lng, ST_Y(ST_Centroid(boundary)) AS lat
         FROM area WHERE code = 'T27700'`,
    );
    expect(row).toMatchObject({ srid: 4326, type: 'MULTIPOLYGON', valid: true });
    expect(row.lng).toBeCloseTo(-0.089, 2);
    expect(row.lat).toBeCloseTo(51.496, 2);
  });

  it('imports all of a file or none of it', async () => {
    const before = await db.query(`SELECT 1 FROM area WHERE code IN ('OK1', 'BAD1')`);
    await expect(
      areas.importGeoJson(
        {
          type: 'FeatureCollection',
          features: [
            {
              type: 'Feature',
              properties: { c: 'OK1', n: 'Fine' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [0, 0],
                    [0, 1],
                    [1, 1],
                    [0, 0],
                  ],
                ],
              },
            },
            {
              type: 'Feature',
              properties: { c: 'BAD1' },
              geometry: {
                type: 'Polygon',
                coordinates: [
                  [
                    [0, 0],
                    [0, 1],
                    [1, 1],
                    [0, 0],
                  ],
                ],
              },
            },
          ],
        },
        'ward',
        { codeProperty: 'c', nameProperty: 'n' },
      ),
    ).rejects.toBeInstanceOf(DomainError);
    expect(await db.query(`SELECT 1 FROM area WHERE code IN ('OK1', 'BAD1')`)).toEqual(before);
  });

  it('holds a role granted in a borough in its wards, and nowhere else', async () => {
    const { person } = await people.grantRole(uniqueEmail('coord'), Role.COORDINATOR, 'K09000001');
    const ward = await areas.byCode('K05000002');
    const otherWard = await areas.byCode('K05000005');
    const borough = await areas.byCode('K09000001');
    expect(await people.holdsRoleIn(person.id, Role.COORDINATOR, borough.id)).toBe(true);
    expect(await people.holdsRoleIn(person.id, Role.COORDINATOR, ward.id)).toBe(true);
    expect(await people.holdsRoleIn(person.id, Role.COORDINATOR, otherWard.id)).toBe(false);
    expect(await people.holdsRoleIn(person.id, Role.COMMISSIONER, ward.id)).toBe(false);
  });

  it('holds a role granted without an area everywhere, and grants idempotently', async () => {
    const email = uniqueEmail('everywhere');
    const first = await people.grantRole(email, Role.HELPER);
    const again = await people.grantRole(email.toUpperCase(), Role.HELPER);
    expect(first).toMatchObject({ createdPerson: true, newGrant: true });
    expect(again).toMatchObject({ createdPerson: false, newGrant: false });
    const ward = await areas.byCode('K05000007');
    expect(await people.holdsRoleIn(first.person.id, Role.HELPER, ward.id)).toBe(true);
    expect(await people.rolesOf(first.person.id)).toEqual([{ role: Role.HELPER, areaId: null }]);
  });

  it('refuses an unknown area and writes no person', async () => {
    const email = uniqueEmail('nowhere');
    await expect(people.grantRole(email, Role.COORDINATOR, 'NO-SUCH-AREA')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await db.query(`SELECT 1 FROM person WHERE email = $1`, [email])).toEqual([]);
  });
});
