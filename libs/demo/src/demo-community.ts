import { base, en, en_GB, Faker } from '@faker-js/faker';
import {
  AccessibilityFeature,
  GOALS,
  INTERESTS,
  occurrencesBetween,
  parseRecurrence,
  Weekday,
} from '@kith/community';

export interface Box {
  id: string;
  minLng: number;
  minLat: number;
  maxLng: number;
  maxLat: number;
}

export interface DemoVenue {
  name: string;
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

const VENUE_KINDS = [
  'Community Centre',
  'Library',
  'Church Hall',
  'Park Café',
  'Leisure Centre',
  'Community Garden',
  'Tenants Hall',
];
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
const START_TIMES = [
  [10, 0],
  [10, 30],
  [11, 0],
  [14, 0],
  [14, 30],
  [18, 30],
];
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

/** `count` venues spread evenly over the wards (ward by ward), the same for the same seed. */
export function generateVenues(wards: Box[], count: number, seed: number): DemoVenue[] {
  const faker = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const ward = wards[Math.floor((i * wards.length) / count)];
    return {
      ...pointIn(faker, ward),
      name: `${faker.location.street()} ${faker.helpers.arrayElement(VENUE_KINDS)}`,
      areaId: ward.id,
      accessibility: faker.helpers.arrayElements(Object.values(AccessibilityFeature), {
        min: 1,
        max: 5,
      }),
    };
  });
}

/**
 * Weekly activities at the venues that began `historyWeeks` ago, with their sessions from then
 * until `horizonWeeks` ahead, in London wall time.
 */
export function generateActivities(
  venues: DemoVenue[],
  perVenue: number,
  seed: number,
  now: Date,
  historyWeeks: number,
  horizonWeeks: number,
): DemoActivity[] {
  const faker = seeded(seed);
  const from = new Date(now.getTime() - historyWeeks * WEEK_MS);
  const until = new Date(now.getTime() + horizonWeeks * WEEK_MS);
  return venues.flatMap((venue, venueIndex) =>
    Array.from({ length: perVenue }, () => {
      const interests = faker.helpers.arrayElements(INTERESTS, { min: 1, max: 3 });
      const weekday = faker.helpers.arrayElement(WEEKDAYS);
      const [hour, minute] = faker.helpers.arrayElement(START_TIMES);
      const first = new Date(from);
      first.setUTCHours(hour, minute, 0, 0);
      const recurrence = `FREQ=WEEKLY;BYDAY=${BYDAY[weekday]}`;
      const rule = parseRecurrence(recurrence, first);
      return {
        venueIndex,
        title: `${interests[0].label} at ${venue.name}`,
        description: `${faker.helpers.arrayElement(['A friendly', 'A relaxed', 'A welcoming', 'A small'])} ${interests[0].label.toLowerCase()} group. ${faker.helpers.arrayElement(['Newcomers always welcome.', 'Tea and biscuits afterwards.', 'Come with a friend, or come to make one.', 'No experience needed.'])}`,
        interestSlugs: interests.map((i) => i.slug),
        capacity: faker.number.int({ min: 8, max: 30 }),
        durationMinutes: faker.helpers.arrayElement([60, 90, 120]),
        firstStartsAt: first,
        recurrence,
        starts: occurrencesBetween(rule, first, until),
      };
    }),
  );
}

/**
 * A profile for each member: a home inside one of the boxes (chosen evenly), interests, goals,
 * availability.
 */
export function generateProfiles(count: number, boxes: Box[], seed: number): DemoProfile[] {
  const faker = seeded(seed);
  return Array.from({ length: count }, () => {
    const box = boxes.length === 1 ? boxes[0] : faker.helpers.arrayElement(boxes);
    const days = faker.helpers.arrayElements(WEEKDAYS, { min: 1, max: 4 });
    return {
      ...pointIn(faker, box),
      travelRadiusMetres: faker.helpers.arrayElement([1000, 1500, 2000, 3000, 5000]),
      interestSlugs: faker.helpers.arrayElements(INTERESTS, { min: 2, max: 6 }).map((i) => i.slug),
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

// Regulars come from members living near the venue: a grid of cells about 2 km across.
const CELL_LAT = 0.018;
const CELL_LNG = 0.03;
const cell = (lat: number, lng: number) => [Math.floor(lat / CELL_LAT), Math.floor(lng / CELL_LNG)];

/** Members by interest and grid cell, so a venue's neighbours who share an interest are cheap to find. */
function neighboursByInterest(profiles: DemoProfile[]): Map<string, Map<string, number[]>> {
  const index = new Map<string, Map<string, number[]>>();
  profiles.forEach((profile, memberIndex) => {
    const key = cell(profile.lat, profile.lng).join(':');
    for (const slug of profile.interestSlugs) {
      let cells = index.get(slug);
      if (!cells) index.set(slug, (cells = new Map<string, number[]>()));
      const members = cells.get(key);
      if (members) members.push(memberIndex);
      else cells.set(key, [memberIndex]);
    }
  });
  return index;
}

/**
 * Who went: each activity has regulars drawn from members living nearby who share an interest,
 * and each session some of them plus the odd newcomer; past sessions carry attendance. Yielded
 * activity by activity, so a city's million bookings are never all in memory.
 */
export function* generateBookings(
  activities: DemoActivity[],
  venues: DemoVenue[],
  profiles: DemoProfile[],
  seed: number,
  now: Date,
): Generator<DemoBooking> {
  const faker = seeded(seed);
  const index = neighboursByInterest(profiles);
  for (const [activityIndex, activity] of activities.entries()) {
    const venue = venues[activity.venueIndex];
    const [row, column] = cell(venue.lat, venue.lng);
    const near = new Set<number>();
    for (const slug of activity.interestSlugs) {
      const cells = index.get(slug);
      for (let dy = -1; dy <= 1; dy += 1)
        for (let dx = -1; dx <= 1; dx += 1)
          for (const member of cells?.get(`${row + dy}:${column + dx}`) ?? []) near.add(member);
    }
    const pool = [...near];
    if (pool.length === 0) continue;
    const regulars = faker.helpers.arrayElements(
      pool,
      Math.min(pool.length, Math.ceil(activity.capacity * 0.8)),
    );
    for (const [startIndex, start] of activity.starts.entries()) {
      const past = start.getTime() < now.getTime();
      const going = new Set(
        regulars.filter(() => faker.datatype.boolean({ probability: past ? 0.55 : 0.35 })),
      );
      if (faker.datatype.boolean({ probability: 0.4 })) going.add(faker.helpers.arrayElement(pool));
      for (const memberIndex of [...going].slice(0, activity.capacity)) {
        yield {
          activityIndex,
          startIndex,
          memberIndex,
          status: past
            ? faker.datatype.boolean({ probability: 0.87 })
              ? 'ATTENDED'
              : 'NO_SHOW'
            : 'BOOKED',
        };
      }
    }
  }
}
