import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AreaService, PostcodeService } from '@kith/areas';
import { Role } from '@kith/identity';
import { NetworkSnapshotService, SurveyService, TieService, TieSource } from '@kith/network';
import { ParticipationRollups } from '@kith/reporting';
import type { ContactInput } from '@kith/network';
import { Weekday } from '@kith/community';
import { Db, DomainError, JobName, JobOutbox, KITH_CONFIG, present } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import {
  generateActivities,
  generateBookings,
  generateMonitoring,
  generateProfiles,
  generateVenues,
} from './demo-community';
import type { Box, DemoProfile, DemoVenue, FixedActivity } from './demo-community';
import { describeNeed, generateHelpers, generateHelpHistory } from './demo-help';
import type { DemoHelp, DemoHelper } from './demo-help';
import { CITY_DEMO_BOROUGH, cityAreas } from './demo-city';
import { generatePeople } from './demo-people';
import { generateSurveyHistory } from './demo-surveys';
import { DemoRepository } from './demo.repository';

export interface DemoOptions {
  members: number;
  seed: number;
  /** A synthetic Greater London at the members' scale, instead of the demo neighbourhood. */
  city?: boolean;
  /** "now" for the history: six months back and eight weeks ahead of it. */
  now?: Date;
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
  counts: {
    areas: number;
    people: number;
    grants: number;
    venues: number;
    activities: number;
    sessions: number;
    bookings: number;
    helpers: number;
    helpGiven: number;
    ties: number;
    surveyed: number;
    snapshots: number;
  };
}

/** How much of everything there is, for the members and the areas. */
interface DemoShape {
  venues: number;
  activitiesPerVenue: number;
  helperShare: number;
  /** Sessions from this many weeks back (with attendance) to this many weeks ahead. */
  historyWeeks: number;
  horizonWeeks: number;
}

/**
 * The neighbourhood: three venues a ward, six months of history. The city: one venue for every
 * 20 members with four weekly activities each, one member in ten a helper, and five weeks ahead,
 * so 100,000 members bring 5,000 venues, 20,000 activities and 100,000 upcoming sessions.
 */
function shapeOf(options: DemoOptions, wards: number): DemoShape {
  if (!options.city)
    return {
      venues: wards * 3,
      activitiesPerVenue: 2,
      helperShare: 1 / 30,
      historyWeeks: 26,
      horizonWeeks: 8,
    };
  return {
    venues: Math.max(1, Math.round(options.members / 20)),
    activitiesPerVenue: 4,
    helperShare: 1 / 10,
    historyWeeks: 4,
    horizonWeeks: 5,
  };
}

export const DEMO_BOROUGH = 'K09000001';
export const DEMO_WARD = 'K05000001';

/**
 * The demo member's story, in the first ward of the demo borough: Sam sings in the community
 * choir on Friday evenings and goes to a strength and balance class on Tuesday mornings (both
 * for months), has been helped by Tomasz, knows people there, and has an introduction waiting.
 * A music afternoon on Sundays, which Sam has not tried, is what matching should find first.
 */
const SAM_ACTIVITIES: FixedActivity[] = [
  {
    venueIndex: 0,
    slot: 0,
    title: 'Strength and balance class',
    weekday: Weekday.TUE,
    hour: 10,
    minute: 30,
  },
  { venueIndex: 2, slot: 0, title: 'Community choir', weekday: Weekday.FRI, hour: 18, minute: 30 },
  {
    venueIndex: 1,
    slot: 0,
    title: 'Music memories afternoon',
    weekday: Weekday.SUN,
    hour: 14,
    minute: 0,
  },
];
/** Which of the fixed activities Sam is a regular at (indexes into SAM_ACTIVITIES). */
const SAM_REGULAR_AT = [0, 1];

function samProfile(venues: DemoVenue[]): DemoProfile {
  // A few streets from the community centre: about 300 m north-east.
  const near = venues[0];
  return {
    lat: near.lat + 0.002,
    lng: near.lng + 0.003,
    travelRadiusMetres: 2000,
    interestSlugs: [
      'choir',
      'singing-for-wellbeing',
      'listening-to-music',
      'falls-prevention',
      'gardening',
      'coffee-mornings',
    ],
    goals: ['meet-new-people', 'give-back'],
    peerIntroductions: true,
    accessibilityNeeds: [],
    availability: [
      { weekday: Weekday.TUE, startMinute: 600, endMinute: 780 },
      { weekday: Weekday.FRI, startMinute: 1020, endMinute: 1260 },
      { weekday: Weekday.SUN, startMinute: 780, endMinute: 1020 },
    ],
  };
}

/** Tomasz lives in the demo borough too, and has helped Sam twice. */
function samHelp(now: Date): DemoHelp[] {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 3600 * 1000);
  const help = (skillSlug: string, minutes: number, atHome: boolean, days: number): DemoHelp => ({
    memberIndex: 0,
    helperIndex: 0,
    skillSlug,
    description: describeNeed(skillSlug),
    durationMinutes: minutes,
    atHome,
    minutes,
    rating: 5,
    completedAt: daysAgo(days),
  });
  return [help('first-visit-company', 60, false, 150), help('smartphone-help', 45, true, 40)];
}

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

function* mapIterable<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}

/** The shipped synthetic boundaries, found from here whether running from src or dist. */
export function shippedAreasDir(from = __dirname): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'infra', 'data', 'areas');
    if (existsSync(join(candidate, 'demo-wards.geojson'))) return candidate;
  }
  throw new Error('infra/data/areas is missing: run from a checkout of the repository');
}

/** The shipped synthetic postcodes (ONS Postcode Directory columns), beside the areas. */
export function shippedPostcodesDir(from = __dirname): string {
  return join(dirname(shippedAreasDir(from)), 'postcodes');
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
    private readonly postcodes: PostcodeService,
    private readonly demo: DemoRepository,
    private readonly outbox: JobOutbox,
    private readonly ties: TieService,
    private readonly surveys: SurveyService,
    private readonly snapshots: NetworkSnapshotService,
    private readonly rollups: ParticipationRollups,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
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
      await this.importAreas(options.city === true);

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
      const areaOf = (code: string) => {
        const area = areas.get(options.city && code === DEMO_BOROUGH ? CITY_DEMO_BOROUGH : code);
        if (!area) throw new Error(`the demo area ${code} was not imported`);
        return area.id;
      };
      DEMO_PEOPLE.forEach((p, i) => {
        grants.push({ personId: ids[i], role: p.role, areaId: p.area ? areaOf(p.area) : null });
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
      const community = await this.seedCommunity(options, ids, wards.length);
      // A snapshot a week through the history, so a member's network shows change (the city is
      // for load: its nights are left to the schedule).
      const snapshots = options.city ? 0 : (await this.snapshots.backfillWeekly()).length;
      // The history went in set-based, not through recorded attendance: its rollups at once.
      await this.rollups.rebuild();
      // Fresh statistics, so the first queries on a freshly seeded city are planned well.
      await this.demo.analyze();
      return {
        seeded: true,
        demoPeople: DEMO_PEOPLE,
        counts: {
          areas: areas.size,
          people: ids.length,
          grants: grants.length,
          ...community,
          snapshots,
        },
      };
    });
  }

  private async importAreas(city: boolean): Promise<void> {
    let boroughs: unknown;
    let wards: unknown;
    if (city) {
      ({ boroughs, wards } = cityAreas());
    } else {
      const dir = shippedAreasDir();
      const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
      boroughs = read('demo-boroughs.geojson');
      wards = read('demo-wards.geojson');
    }
    await this.areas.importGeoJson(boroughs, 'borough', {
      codeProperty: 'LAD23CD',
      nameProperty: 'LAD23NM',
    });
    await this.areas.importGeoJson(wards, 'ward', {
      codeProperty: 'WD23CD',
      nameProperty: 'WD23NM',
    });
    // The neighbourhood's own postcodes, so a member can give one for home (the city has none).
    if (!city)
      await this.postcodes.import(
        createReadStream(join(shippedPostcodesDir(), 'demo-postcodes.csv')),
      );
  }

  /**
   * Venues and weekly activities in every ward, a profile for every member, and six months of
   * bookings and attendance: the history later network and report work reads.
   */
  private async seedCommunity(
    options: DemoOptions,
    personIds: string[],
    wardCount: number,
  ): Promise<{
    venues: number;
    activities: number;
    sessions: number;
    bookings: number;
    helpers: number;
    helpGiven: number;
    ties: number;
    surveyed: number;
  }> {
    const now = options.now ?? new Date();
    // The neighbourhood's ward names read as places; the synthetic city's do not.
    const wardBoxes: Box[] = (await this.demo.wardBoxes()).map((ward) => ({
      ...ward,
      name: options.city ? undefined : ward.name,
    }));
    const shape = shapeOf(options, wardBoxes.length);
    const story = !options.city;
    const interestIds = await this.demo.interestIdsBySlug();
    // Coordinators were inserted right after the demo people, one per ward in code order.
    const coordinatorIds = personIds.slice(DEMO_PEOPLE.length, DEMO_PEOPLE.length + wardCount);
    const venues = generateVenues(wardBoxes, shape.venues, options.seed + 3);
    const venueIds = await this.demo.insertVenues(venues);
    const activities = generateActivities(
      venues,
      shape.activitiesPerVenue,
      options.seed + 4,
      now,
      shape.historyWeeks,
      shape.horizonWeeks,
      story ? SAM_ACTIVITIES : [],
    );
    const wardIndex = new Map(wardBoxes.map((box, i) => [box.id, i]));
    const coordinatorOf = (venueIndex: number) =>
      coordinatorIds[wardIndex.get(venues[venueIndex].areaId) ?? 0];
    const sessionIds = await this.demo.insertActivities(
      activities,
      venueIds,
      coordinatorOf,
      interestIds,
      new Date(now.getTime() + shape.horizonWeeks * 7 * 24 * 3600 * 1000),
    );
    // Everyone is given a profile, members and the demo people alike: in the neighbourhood
    // anywhere inside its bounds, in the city in a ward chosen evenly (the grid leaves gaps).
    const bounds = {
      id: 'all',
      minLng: Math.min(...wardBoxes.map((b) => b.minLng)),
      minLat: Math.min(...wardBoxes.map((b) => b.minLat)),
      maxLng: Math.max(...wardBoxes.map((b) => b.maxLng)),
      maxLat: Math.max(...wardBoxes.map((b) => b.maxLat)),
    };
    const profiles = generateProfiles(
      personIds.length,
      options.city ? wardBoxes : [bounds],
      options.seed + 5,
    );
    const fixedRegulars = new Map<number, number[]>();
    if (story) {
      // The demo people all live in the demo borough's first ward, Sam (index 0) among them.
      profiles[0] = samProfile(venues);
      for (let i = 1; i < DEMO_PEOPLE.length; i += 1)
        profiles[i] = {
          ...profiles[i],
          lat: profiles[0].lat - 0.001 * i,
          lng: profiles[0].lng + 0.002 * i,
        };
      for (const at of SAM_REGULAR_AT) {
        const fixed = SAM_ACTIVITIES[at];
        fixedRegulars.set(fixed.venueIndex * shape.activitiesPerVenue + fixed.slot, [0]);
      }
    }
    await this.demo.insertProfiles(personIds, profiles, interestIds);
    await this.demo.insertMonitoring(
      personIds,
      generateMonitoring(personIds.length, options.seed + 10),
    );
    const bookings = await this.demo.insertBookings(
      mapIterable(
        generateBookings(activities, venues, profiles, options.seed + 6, now, fixedRegulars),
        (b) => ({
          sessionId: sessionIds[b.activityIndex][b.startIndex],
          personId: personIds[b.memberIndex],
          status: b.status,
          recordedBy:
            b.status === 'BOOKED' ? null : coordinatorOf(activities[b.activityIndex].venueIndex),
        }),
      ),
    );
    const { contacts, ...help } = await this.seedHelp(
      options,
      shape,
      now,
      personIds,
      profiles,
      coordinatorIds[0],
    );
    if (story) {
      const { introduced, waiting } = await this.demo.introduceDemoMember(personIds[0], now);
      if (introduced)
        contacts.push({
          a: introduced.fromId,
          b: personIds[0],
          source: TieSource.INTRODUCTION,
          refId: introduced.id,
          at: introduced.at,
          weight: 1,
        });
      await this.tellDemoMember(personIds[0], waiting);
    }
    await this.demo.backdateJoining(now, shape.historyWeeks);
    // Baselines and reviews for part of the members, so outcome reports have something true.
    const surveyed = await this.surveys.importHistory(
      generateSurveyHistory(await this.demo.membersForSurveys(), options.seed + 9, now),
    );
    // The history's ties: help given, the introduction, then every session attended together.
    const { ties } = await this.ties.importHistory(contacts);
    return {
      ...help,
      ties,
      surveyed,
      venues: venueIds.length,
      activities: activities.length,
      sessions: sessionIds.reduce((sum, ids) => sum + ids.length, 0),
      bookings,
    };
  }

  /**
   * What the demo member's inbox is made of, through the same events the services write: the
   * introduction waiting for their answer, the help Tomasz gave most recently, and their places
   * ahead (whose reminders are planned, to come a day and two hours before). The worker decides
   * them as it decides everyone's.
   */
  private async tellDemoMember(memberId: string, introductionId: string | null): Promise<void> {
    const { bookingIds, assignmentId } = await this.demo.newsFor(memberId);
    await this.outbox.scheduleMany([
      ...(introductionId
        ? [
            {
              name: JobName.DecideNudge,
              payload: { event: 'INTRODUCTION_RECEIVED' as const, introductionId },
              key: `demo-introduction-received-${introductionId}`,
            },
          ]
        : []),
      ...(assignmentId
        ? [
            {
              name: JobName.DecideNudge,
              payload: { event: 'ASSIGNMENT_COMPLETED' as const, assignmentId },
              key: `demo-assignment-completed-${assignmentId}`,
            },
          ]
        : []),
      ...bookingIds.map((bookingId) => ({
        name: JobName.DecideNudge,
        payload: { event: 'SESSION_BOOKED' as const, bookingId },
        key: `demo-session-booked-${bookingId}`,
      })),
    ]);
  }

  /** Helpers with skills and approvals, and six months of completed help with its ledger. */
  private async seedHelp(
    options: DemoOptions,
    shape: DemoShape,
    now: Date,
    personIds: string[],
    profiles: DemoProfile[],
    approver: string,
  ): Promise<{ helpers: number; helpGiven: number; contacts: ContactInput[] }> {
    const skillIds = await this.demo.skillIdsBySlug();
    const demoHelper = DEMO_PEOPLE.findIndex((p) => p.role === Role.HELPER);
    const helpers: DemoHelper[] = [
      {
        memberIndex: demoHelper,
        skillSlugs: ['gardening', 'smartphone-help', 'first-visit-company'],
        travelRadiusMetres: 5000,
        status: 'APPROVED',
        dbsCheckedOn: '2026-01-15',
        dbsExpiresOn: '2029-01-15',
        availability: [{ weekday: Weekday.SAT, startMinute: 540, endMinute: 1020 }],
      },
      ...generateHelpers(profiles, options.seed + 7, now, DEMO_PEOPLE.length, shape.helperShare),
    ];
    await this.demo.insertHelpers(
      helpers.map((h) => ({
        personId: personIds[h.memberIndex],
        lat: profiles[h.memberIndex].lat,
        lng: profiles[h.memberIndex].lng,
        radius: h.travelRadiusMetres,
        status: h.status,
        checked: h.dbsCheckedOn,
        expires: h.dbsExpiresOn,
        availability: h.availability,
        approvedBy: approver,
        skillIds: h.skillSlugs.map((slug) => present(skillIds.get(slug), `skill ${slug}`)),
      })),
    );
    const history = generateHelpHistory(
      helpers,
      personIds.length,
      options.seed + 8,
      now,
      options.city ? [] : samHelp(now),
    );
    const given = history.map((h) => ({
      requestId: randomUUID(),
      assignmentId: randomUUID(),
      transferId: randomUUID(),
      memberId: personIds[h.memberIndex],
      helperId: personIds[helpers[h.helperIndex].memberIndex],
      skillId: present(skillIds.get(h.skillSlug), `skill ${h.skillSlug}`),
      description: h.description,
      minutes: h.minutes,
      atHome: h.atHome,
      rating: h.rating,
      completedAt: h.completedAt,
    }));
    await this.demo.insertHelpHistory(given, this.config.timeCredits.floorMinutes);
    return {
      helpers: helpers.length,
      helpGiven: history.length,
      contacts: given.map((g) => ({
        a: g.memberId,
        b: g.helperId,
        source: TieSource.HELP,
        refId: g.assignmentId,
        at: g.completedAt,
        weight: 1,
      })),
    };
  }

  async isEmpty(): Promise<boolean> {
    return (await this.demo.personCount()) === 0;
  }
}
