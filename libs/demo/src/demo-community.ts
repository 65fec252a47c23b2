import { base, en, en_GB, Faker } from '@faker-js/faker';
import {
  AccessibilityFeature,
  EQUALITY_QUESTIONS,
  GOALS,
  INTEREST_GROUPS,
  INTERESTS,
  occurrencesBetween,
  parseRecurrence,
  Weekday,
  WEEKDAY_NUMBER,
} from '@kith/community';
import { londonToUtc, londonWallTime } from '@kith/platform';
import { ACTIVITY_TEMPLATES, PLACES, START_TIMES, VENUE_KINDS, venueName } from './demo-catalogue';
import type { ActivityTemplate, VenueKind } from './demo-catalogue';

export interface Box {
  id: string;
  /** The ward's name, where it reads as a place (the neighbourhood's do; the city's do not). */
  name?: string;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface DemoVenue {
  name: string;
  /** Number and street; the postcode nearest the venue is added as it is stored. */
  street: string;
  kind: VenueKind;
  lat: number;
  lng: number;
  areaId: string;
  accessibility: AccessibilityFeature[];
}

export interface DemoActivity {
  venueIndex: number;
  title: string;
  description: string;
  interestSlugs: string[];
  capacity: number;
  durationMinutes: number;
  firstStartsAt: Date;
  recurrence: string;
  starts: Date[];
}

export interface DemoProfile {
  lat: number;
  lng: number;
  travelRadiusMetres: number;
  interestSlugs: string[];
  goals: string[];
  peerIntroductions: boolean;
  accessibilityNeeds: AccessibilityFeature[];
  availability: { weekday: Weekday; startMinute: number; endMinute: number }[];
}

const WEEKDAYS = [
  Weekday.MON,
  Weekday.TUE,
  Weekday.WED,
  Weekday.THU,
  Weekday.FRI,
  Weekday.SAT,
  Weekday.SUN,
];
const BYDAY: Record<Weekday, string> = {
  MON: 'MO',
  TUE: 'TU',
  WED: 'WE',
  THU: 'TH',
  FRI: 'FR',
  SAT: 'SA',
  SUN: 'SU',
};
const WEEK_MS = 7 * 24 * 3600 * 1000;

function seeded(seed: number): Faker {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  return faker;
}

function pointIn(faker: Faker, box: Box): { lat: number; lng: number } {
  return {
    lat: faker.number.float({ min: box.minLat, max: box.maxLat, fractionDigits: 6 }),
    lng: faker.number.float({ min: box.minLng, max: box.maxLng, fractionDigits: 6 }),
  };
}

/** Metres between two points on the sphere (haversine): close enough for a demo. */
export function metresBetween(
  a: { lat: number; lng: number },
  b: { lat: number; lng: number },
): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

const STREETS = [
  'Union Street',
  'Long Lane',
  'Tabard Street',
  'Webber Row',
  'Mint Street',
  'Marshall Street',
  'Gaywood Road',
  'Crane Street',
  'Lant Street',
  'Redcross Way',
  'Copperfield Road',
];

/**
 * `count` venues spread evenly over the wards (ward by ward), the same for the same seed. Each
 * ward's venues are of different kinds, named as locals would name them.
 */
export function generateVenues(wards: Box[], count: number, seed: number): DemoVenue[] {
  const faker = seeded(seed);
  const pick = (names: string[]) => faker.helpers.arrayElement(names);
  const inWard = new Map<number, number>();
  return Array.from({ length: count }, (_, i) => {
    const wardIndex = Math.floor((i * wards.length) / count);
    const ward = wards[wardIndex];
    const nth = inWard.get(wardIndex) ?? 0;
    inWard.set(wardIndex, nth + 1);
    const kind = VENUE_KINDS[(wardIndex * 3 + nth) % VENUE_KINDS.length];
    return {
      ...pointIn(faker, ward),
      name: venueName(kind, ward.name ?? pick(PLACES), pick),
      // Not drawn from the seeded stream, so the rest of the demo stays as it was.
      street: `${((i * 37) % 140) + 2} ${STREETS[(i * 7) % STREETS.length]}`,
      kind,
      areaId: ward.id,
      accessibility: faker.helpers.arrayElements(Object.values(AccessibilityFeature), {
        min: 1,
        max: 5,
      }),
    };
  });
}

/** An activity placed by hand (the demo member's regular ones), instead of a random one. */
export interface FixedActivity {
  venueIndex: number;
  /** Which of the venue's activities it replaces, 0 first. */
  slot: number;
  title: string;
  weekday: Weekday;
  hour: number;
  minute: number;
}

const DESCRIPTION_OPENINGS = ['A friendly', 'A relaxed', 'A welcoming', 'A small', 'A weekly'];
const DESCRIPTION_ENDINGS = [
  'Newcomers always welcome.',
  'Tea and biscuits afterwards.',
  'Come with a friend, or come to make one.',
  'No experience needed.',
  'Drop in when you can; no need to come every week.',
];

function templateNamed(title: string): ActivityTemplate {
  const template = ACTIVITY_TEMPLATES.find((t) => t.title === title);
  if (!template) throw new Error(`no demo activity is called ${title}`);
  return template;
}

/**
 * Weekly activities at the venues that began `historyWeeks` ago, with their sessions from then
 * until `horizonWeeks` ahead, at a London wall time suited to each (no tea dance at 10 am).
 */
export function generateActivities(
  venues: DemoVenue[],
  perVenue: number,
  seed: number,
  now: Date,
  historyWeeks: number,
  horizonWeeks: number,
  fixed: FixedActivity[] = [],
): DemoActivity[] {
  const faker = seeded(seed);
  const from = new Date(now.getTime() - historyWeeks * WEEK_MS);
  const until = new Date(now.getTime() + horizonWeeks * WEEK_MS);
  const fromDay = londonWallTime(from);
  const byKind = new Map<VenueKind, ActivityTemplate[]>(
    VENUE_KINDS.map((kind) => [
      kind,
      ACTIVITY_TEMPLATES.filter(
        (t) => (t.at ?? []).includes(kind) || (!t.at && kind !== 'park-cafe'),
      ),
    ]),
  );
  return venues.flatMap((venue, venueIndex) => {
    const used = new Set<string>();
    return Array.from({ length: perVenue }, (_, slot) => {
      // Drawn whether or not a fixed activity replaces it, so the rest stay as they were.
      const options = (byKind.get(venue.kind) ?? ACTIVITY_TEMPLATES).filter(
        (t) => !used.has(t.title),
      );
      let template = faker.helpers.arrayElement(options.length > 0 ? options : ACTIVITY_TEMPLATES);
      let weekday = faker.helpers.arrayElement(WEEKDAYS);
      let [hour, minute] = faker.helpers.arrayElement(
        START_TIMES[faker.helpers.arrayElement(template.when)],
      );
      const capacity = faker.number.int({ min: 8, max: 30 });
      const durationMinutes = faker.helpers.arrayElement([60, 90, 120]);
      const description = `${faker.helpers.arrayElement(DESCRIPTION_OPENINGS)} ${template.title.toLowerCase()} group. ${faker.helpers.arrayElement(DESCRIPTION_ENDINGS)}`;
      const pinned = fixed.find((f) => f.venueIndex === venueIndex && f.slot === slot);
      if (pinned) {
        template = templateNamed(pinned.title);
        ({ weekday, hour, minute } = pinned);
      }
      used.add(template.title);
      const first = londonToUtc(fromDay.year, fromDay.month, fromDay.day, hour, minute);
      const recurrence = `FREQ=WEEKLY;BYDAY=${BYDAY[weekday]}`;
      const rule = parseRecurrence(recurrence, first);
      return {
        venueIndex,
        title: template.title,
        description: pinned
          ? `A friendly ${template.title.toLowerCase()} group. Newcomers always welcome.`
          : description,
        interestSlugs: template.tags,
        capacity,
        durationMinutes,
        firstStartsAt: first,
        recurrence,
        starts: occurrencesBetween(rule, first, until),
      };
    });
  });
}

/**
 * A profile for each member: a home inside one of the boxes (chosen evenly), interests mostly
 * within one to three groups (people who sing tend to like music), goals, availability.
 */
/** What a demo member chose to give: an age band, and equality monitoring answers (or none). */
export interface DemoMonitoring {
  ageBand: string | null;
  answers: Record<string, string | null> | null;
}

/** Rough shares for a south London neighbourhood service with older members. */
const MONITORING_WEIGHTS: Record<string, Record<string, number>> = {
  ageBand: {
    '16-24': 4,
    '25-34': 7,
    '35-44': 9,
    '45-54': 13,
    '55-64': 18,
    '65-74': 23,
    '75-84': 18,
    '85+': 8,
  },
  sex: { female: 60, male: 40 },
  genderIdentity: { same: 99, different: 1 },
  ethnicGroup: { white: 51, black: 25, asian: 10, mixed: 7, other: 7 },
  disability: { yes: 35, no: 65 },
  religion: {
    christian: 45,
    none: 32,
    muslim: 10,
    buddhist: 2,
    hindu: 2,
    jewish: 1,
    sikh: 1,
    other: 7,
  },
  sexualOrientation: { straight: 90, 'gay-or-lesbian': 5, bisexual: 3, other: 2 },
};

/**
 * Each member's age band (three in four give it) and equality monitoring answers (a little over
 * half answer, each question skipped now and then, "prefer not to say" about one time in twelve);
 * from a seed of its own, so the rest of the demo is the same with or without it.
 */
export function generateMonitoring(count: number, seed: number): DemoMonitoring[] {
  const faker = seeded(seed);
  const pick = (weights: Record<string, number>) =>
    faker.helpers.weightedArrayElement(
      Object.entries(weights).map(([value, weight]) => ({ value, weight })),
    );
  return Array.from({ length: count }, () => {
    const ageBand = faker.datatype.boolean({ probability: 0.75 })
      ? pick(MONITORING_WEIGHTS.ageBand)
      : null;
    if (!faker.datatype.boolean({ probability: 0.55 })) return { ageBand, answers: null };
    const answers = Object.fromEntries(
      EQUALITY_QUESTIONS.map((q) => {
        if (!faker.datatype.boolean({ probability: 0.9 })) return [q.key, null];
        if (faker.datatype.boolean({ probability: 0.08 })) return [q.key, 'prefer-not-to-say'];
        return [q.key, pick(MONITORING_WEIGHTS[q.key])];
      }),
    );
    return { ageBand, answers };
  });
}

const HEALTH_GROUP = 'wellbeing';

/**
 * The interests a demo member shows to people they might meet, as members choose: those who want
 * to be introduced show what they like, and keep what says something of their health (the
 * "Health and wellbeing" group) to themselves. Worked out, not drawn, so the seeded history
 * stays as it was.
 */
export function shownInterestSlugs(
  profile: Pick<DemoProfile, 'interestSlugs' | 'peerIntroductions'>,
): string[] {
  if (!profile.peerIntroductions) return [];
  const health = new Set(
    INTERESTS.filter((interest) => interest.group.slug === HEALTH_GROUP).map((i) => i.slug),
  );
  return profile.interestSlugs.filter((slug) => !health.has(slug));
}

export function generateProfiles(count: number, boxes: Box[], seed: number): DemoProfile[] {
  const faker = seeded(seed);
  return Array.from({ length: count }, () => {
    const box = boxes.length === 1 ? boxes[0] : faker.helpers.arrayElement(boxes);
    const days = faker.helpers.arrayElements(WEEKDAYS, { min: 1, max: 4 });
    const groups = faker.helpers.arrayElements(INTEREST_GROUPS, { min: 1, max: 3 });
    const wanted = faker.number.int({ min: 2, max: 6 });
    const interests = new Set<string>();
    for (let tries = 0; interests.size < wanted && tries < 30; tries += 1) {
      const group = faker.datatype.boolean({ probability: 0.8 })
        ? faker.helpers.arrayElement(groups)
        : faker.helpers.arrayElement(INTEREST_GROUPS);
      interests.add(faker.helpers.arrayElement(group.interests).slug);
    }
    return {
      ...pointIn(faker, box),
      travelRadiusMetres: faker.helpers.arrayElement([1000, 1500, 2000, 3000, 5000]),
      interestSlugs: [...interests],
      goals: faker.helpers.arrayElements(GOALS, { min: 1, max: 3 }).map((g) => g.slug),
      peerIntroductions: faker.datatype.boolean({ probability: 0.6 }),
      accessibilityNeeds: faker.datatype.boolean({ probability: 0.25 })
        ? faker.helpers.arrayElements(Object.values(AccessibilityFeature), { min: 1, max: 2 })
        : [],
      availability: days.map((weekday) => {
        const start = faker.helpers.arrayElement([9, 10, 13, 17]) * 60;
        return {
          weekday,
          startMinute: start,
          endMinute: start + faker.helpers.arrayElement([120, 180, 240]),
        };
      }),
    };
  });
}

export interface DemoBooking {
  activityIndex: number;
  startIndex: number;
  memberIndex: number;
  status: 'BOOKED' | 'ATTENDED' | 'NO_SHOW';
}

/**
 * The attendance model: who goes to what. It is written from what is known of community groups,
 * not from Kith's scoring (it never reads matching's weights), so the offline evaluation can ask
 * whether the recommender finds what members would choose:
 * - a member only considers activities inside their travel radius at venues that meet their
 *   access needs;
 * - appeal: sharing one of the activity's interests makes it appealing (1, and 0.5 more for each
 *   further one shared); an activity sharing none is tried only out of curiosity (0.03);
 * - nearness: appeal falls off with distance, halving about every kilometre (exp(-d / 1.5 km));
 * - time: a session outside the member's usual free times is a fifth as likely;
 * - each member in reach becomes a regular with a chance of 0.6 times that affinity, up to seven
 *   tenths of the places (the most drawn first when more want to come);
 *   most were there from the start, others join part-way through and some drift away; a regular
 *   goes to a given week's session with a chance that grows with affinity (35-75 % past,
 *   25-55 % booked ahead), and four sessions in ten also see one newcomer drawn by affinity.
 * Past sessions carry attendance (87 % of those booked came). Yielded activity by activity, so a
 * city's million bookings are never all in memory.
 */
export const ATTENDANCE_MODEL = {
  curiosity: 0.03,
  regularChance: 0.6,
  extraSharedInterest: 0.5,
  distanceScaleMetres: 1500,
  outsideFreeTimes: 0.2,
  regularShareOfPlaces: 0.7,
  regularsFromStart: 0.55,
  driftAway: 0.15,
  newcomerChance: 0.4,
  attended: 0.87,
} as const;

// Candidates come from members living near the venue: a grid of cells about 2 km across.
const CELL_LAT = 0.018;
const CELL_LNG = 0.03;
const cellOf = (lat: number, lng: number) => [
  Math.floor(lat / CELL_LAT),
  Math.floor(lng / CELL_LNG),
];

function membersByCell(profiles: DemoProfile[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  profiles.forEach((profile, memberIndex) => {
    const key = cellOf(profile.lat, profile.lng).join(':');
    const members = index.get(key);
    if (members) members.push(memberIndex);
    else index.set(key, [memberIndex]);
  });
  return index;
}

/** How drawn a member is to an activity (0 when it is out of reach), by the model above. */
export function affinity(
  profile: DemoProfile,
  activity: Pick<DemoActivity, 'interestSlugs'>,
  venue: DemoVenue,
  when: { weekday: number; minute: number },
): number {
  const m = ATTENDANCE_MODEL;
  const metres = metresBetween(profile, venue);
  if (metres > profile.travelRadiusMetres) return 0;
  if (!profile.accessibilityNeeds.every((need) => venue.accessibility.includes(need))) return 0;
  const shared = activity.interestSlugs.filter((slug) =>
    profile.interestSlugs.includes(slug),
  ).length;
  const appeal = shared > 0 ? 1 + m.extraSharedInterest * (shared - 1) : m.curiosity;
  const free = profile.availability.some(
    (w) =>
      WEEKDAY_NUMBER[w.weekday] === when.weekday &&
      when.minute >= w.startMinute &&
      when.minute < w.endMinute,
  );
  return appeal * Math.exp(-metres / m.distanceScaleMetres) * (free ? 1 : m.outsideFreeTimes);
}

/** Members who must be among an activity's regulars (the demo member's story), by activity. */
export type FixedRegulars = ReadonlyMap<number, readonly number[]>;

export function* generateBookings(
  activities: DemoActivity[],
  venues: DemoVenue[],
  profiles: DemoProfile[],
  seed: number,
  now: Date,
  fixedRegulars: FixedRegulars = new Map(),
): Generator<DemoBooking> {
  const m = ATTENDANCE_MODEL;
  const faker = seeded(seed);
  const index = membersByCell(profiles);
  for (const [activityIndex, activity] of activities.entries()) {
    if (activity.starts.length === 0) continue;
    const venue = venues[activity.venueIndex];
    const [row, column] = cellOf(venue.lat, venue.lng);
    const wall = londonWallTime(activity.starts[0]);
    const when = { weekday: wall.weekday, minute: wall.hour * 60 + wall.minute };
    const pool: { member: number; weight: number }[] = [];
    for (let dy = -1; dy <= 1; dy += 1)
      for (let dx = -1; dx <= 1; dx += 1)
        for (const member of index.get(`${row + dy}:${column + dx}`) ?? []) {
          const weight = affinity(profiles[member], activity, venue, when);
          if (weight > 0) pool.push({ member, weight });
        }
    const fixed = fixedRegulars.get(activityIndex) ?? [];
    if (pool.length === 0 && fixed.length === 0) continue;
    // Who would come; when more would than there are places, weighted sampling without
    // replacement (Efraimidis and Spirakis: the largest log(u)/w).
    const keyed = pool
      .filter((p) =>
        faker.datatype.boolean({ probability: Math.min(1, p.weight * m.regularChance) }),
      )
      .map((p) => ({ ...p, key: Math.log(faker.number.float({ min: 1e-9, max: 1 })) / p.weight }))
      .sort((a, b) => b.key - a.key);
    const places = Math.ceil(activity.capacity * m.regularShareOfPlaces);
    const weeks = activity.starts.length;
    const regulars = keyed.slice(0, places).map((p) => {
      const joins = faker.datatype.boolean({ probability: m.regularsFromStart })
        ? 0
        : faker.number.int({ min: 0, max: weeks - 1 });
      const leaves = faker.datatype.boolean({ probability: m.driftAway })
        ? faker.number.int({ min: joins, max: weeks })
        : weeks;
      return { member: p.member, weight: Math.min(1, p.weight), joins, leaves };
    });
    for (const member of fixed)
      if (!regulars.some((r) => r.member === member))
        regulars.push({ member, weight: 1, joins: 2, leaves: weeks });
    const cumulative: number[] = [];
    let total = 0;
    for (const p of pool) cumulative.push((total += p.weight));
    const drawNewcomer = (): number | undefined => {
      if (total === 0) return undefined;
      const target = faker.number.float({ min: 0, max: total });
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (cumulative[mid] < target) lo = mid + 1;
        else hi = mid;
      }
      return pool[lo].member;
    };
    for (const [startIndex, start] of activity.starts.entries()) {
      const past = start.getTime() < now.getTime();
      const going = new Set<number>();
      for (const r of regulars) {
        if (startIndex < r.joins || startIndex >= r.leaves) continue;
        const chance = past ? 0.35 + 0.4 * r.weight : 0.25 + 0.3 * r.weight;
        if (faker.datatype.boolean({ probability: chance })) going.add(r.member);
      }
      if (faker.datatype.boolean({ probability: m.newcomerChance })) {
        const newcomer = drawNewcomer();
        if (newcomer !== undefined) going.add(newcomer);
      }
      for (const memberIndex of [...going].slice(0, activity.capacity)) {
        yield {
          activityIndex,
          startIndex,
          memberIndex,
          status: past
            ? faker.datatype.boolean({ probability: m.attended })
              ? 'ATTENDED'
              : 'NO_SHOW'
            : 'BOOKED',
        };
      }
    }
  }
}
