import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import { Role } from '@kith/identity';
import { Db, DomainError } from '@kith/platform';
import { generatePeople } from './demo-people';
import { DemoRepository } from './demo.repository';

export interface DemoOptions {
  members: number;
  seed: number;
}

export interface DemoPerson {
  email: string;
  displayName: string;
  role: Role;
  area: string | null;
}

export interface DemoResult {
  seeded: boolean;
  demoPeople: DemoPerson[];
  counts: { areas: number; people: number; grants: number };
}

export const DEMO_BOROUGH = 'K09000001';
export const DEMO_WARD = 'K05000001';

/** The people the README tells you to sign in as. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { email: 'member@demo.kith.example', displayName: 'Sam', role: Role.MEMBER, area: null },
  {
    email: 'coordinator@demo.kith.example',
    displayName: 'Priya',
    role: Role.COORDINATOR,
    area: DEMO_BOROUGH,
  },
  {
    email: 'commissioner@demo.kith.example',
    displayName: 'Gareth',
    role: Role.COMMISSIONER,
    area: DEMO_BOROUGH,
  },
  { email: 'helper@demo.kith.example', displayName: 'Tomasz', role: Role.HELPER, area: null },
];

/** The shipped synthetic boundaries, found from here whether running from src or dist. */
export function shippedAreasDir(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'infra', 'data', 'areas');
    if (existsSync(join(candidate, 'demo-wards.geojson'))) return candidate;
  }
  throw new Error('infra/data/areas is missing: run from a checkout of the repository');
}

/**
 * Fills an empty database with a believable neighbourhood, the same for the same seed: areas,
 * the demo people, a coordinator per ward, a commissioner per borough and `members` members.
 * Later capabilities add their own parts here.
 */
@Injectable()
export class DemoService {
  constructor(
    private readonly db: Db,
    private readonly areas: AreaService,
    private readonly demo: DemoRepository,
  ) {}

  async seed(options: DemoOptions): Promise<DemoResult> {
    if (!Number.isInteger(options.members) || options.members < 0 || options.members > 2_000_000) {
      throw DomainError.badInput([
        { path: 'members', message: 'give a whole number from 0 to 2,000,000' },
      ]);
    }
    // One transaction: a failure part-way leaves the database as empty as it was.
    return this.db.transaction(async () => {
      if ((await this.demo.personCount()) > 0) {
        throw DomainError.conflict(
          'The database already holds people; the demo seeds an empty database',
        );
      }
      const dir = shippedAreasDir();
      const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
      await this.areas.importGeoJson(read('demo-boroughs.geojson'), 'borough', {
        codeProperty: 'LAD23CD',
        nameProperty: 'LAD23NM',
      });
      await this.areas.importGeoJson(read('demo-wards.geojson'), 'ward', {
        codeProperty: 'WD23CD',
        nameProperty: 'WD23NM',
      });

      const areas = await this.demo.areaIdsByCode();
      const wards = [...areas].filter(([, a]) => a.kind === 'ward');
      const boroughs = [...areas].filter(([, a]) => a.kind === 'borough');
      const coordinators = generatePeople(wards.length, options.seed + 1, 'coordinator');
      const commissioners = generatePeople(boroughs.length, options.seed + 2, 'commissioner');
      const members = generatePeople(options.members, options.seed, 'member');
      const everyone = [
        ...DEMO_PEOPLE.map(({ email, displayName }) => ({ email, displayName })),
        ...coordinators,
        ...commissioners,
        ...members,
      ];
      const ids = await this.demo.insertPeople(everyone);
      const grants: { personId: string; role: Role; areaId: string | null }[] = [];
      DEMO_PEOPLE.forEach((p, i) => {
        grants.push({
          personId: ids[i],
          role: p.role,
          areaId: p.area ? (areas.get(p.area)?.id ?? null) : null,
        });
        if (p.role !== Role.MEMBER)
          grants.push({ personId: ids[i], role: Role.MEMBER, areaId: null });
      });
      let at = DEMO_PEOPLE.length;
      for (const [, ward] of wards)
        grants.push({ personId: ids[at++], role: Role.COORDINATOR, areaId: ward.id });
      for (const [, borough] of boroughs)
        grants.push({ personId: ids[at++], role: Role.COMMISSIONER, areaId: borough.id });
      for (; at < ids.length; at += 1)
        grants.push({ personId: ids[at], role: Role.MEMBER, areaId: null });
      await this.demo.insertGrants(grants);
      return {
        seeded: true,
        demoPeople: DEMO_PEOPLE,
        counts: { areas: areas.size, people: ids.length, grants: grants.length },
      };
    });
  }

  async isEmpty(): Promise<boolean> {
    return (await this.demo.personCount()) === 0;
  }
}
