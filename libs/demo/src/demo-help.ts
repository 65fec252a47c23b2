import { base, en, en_GB, Faker } from '@faker-js/faker';
import { Weekday } from '@kith/community';
import { SKILLS } from '@kith/help';
import type { DemoProfile } from './demo-community';

export interface DemoHelper {
  memberIndex: number;
  availability: { weekday: Weekday; startMinute: number; endMinute: number }[];
  skillSlugs: string[];
  travelRadiusMetres: number;
  status: 'APPROVED' | 'PENDING' | 'SUSPENDED';
  dbsCheckedOn: string | null;
  dbsExpiresOn: string | null;
}

export interface DemoHelp {
  memberIndex: number;
  helperIndex: number; // into the helpers
  skillSlug: string;
  description: string;
  durationMinutes: number;
  atHome: boolean;
  minutes: number;
  rating: number | null;
  completedAt: Date;
}

const NEEDS: Record<string, string> = {
  gardening: 'The back garden has got away from me',
  'smartphone-help': 'I would like to send photos to my grandchildren',
  shopping: 'A weekly shop while my hip mends',
  'changing-light-bulbs': 'The hall light is out and I cannot reach it',
  'first-visit-company': 'I would like someone to come with me the first time',
  befriending: 'A chat over a cup of tea',
  'furniture-assembly': 'A new bookcase to put together',
  'online-forms': 'Help with a form for my bus pass',
};

function seeded(seed: number): Faker {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  return faker;
}

function day(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * About `share` of the members offer help (one in thirty in a neighbourhood); most are approved
 * with a DBS check in date, and each gives a few windows in the week.
 */
export function generateHelpers(
  profiles: DemoProfile[],
  seed: number,
  now: Date,
  firstIndex: number,
  share = 1 / 30,
): DemoHelper[] {
  const faker = seeded(seed);
  const helpers: DemoHelper[] = [];
  for (let index = firstIndex; index < profiles.length; index += 1) {
    if (!faker.datatype.boolean({ probability: share })) continue;
    const status = faker.helpers.weightedArrayElement([
      { weight: 88, value: 'APPROVED' as const },
      { weight: 10, value: 'PENDING' as const },
      { weight: 2, value: 'SUSPENDED' as const },
    ]);
    const checked = new Date(
      now.getTime() - faker.number.int({ min: 30, max: 900 }) * 24 * 3600 * 1000,
    );
    helpers.push({
      memberIndex: index,
      availability: faker.helpers
        .arrayElements(Object.values(Weekday), { min: 1, max: 4 })
        .map((weekday) => {
          const start = faker.helpers.arrayElement([9, 10, 13, 16]) * 60;
          return {
            weekday,
            startMinute: start,
            endMinute: start + faker.helpers.arrayElement([180, 240, 300]),
          };
        }),
      skillSlugs: faker.helpers.arrayElements(SKILLS, { min: 2, max: 5 }).map((s) => s.slug),
      travelRadiusMetres: faker.helpers.arrayElement([2000, 3000, 5000]),
      status,
      dbsCheckedOn: status === 'PENDING' ? null : day(checked),
      dbsExpiresOn:
        status === 'PENDING' ? null : day(new Date(checked.getTime() + 3 * 365 * 24 * 3600 * 1000)),
    });
  }
  return helpers;
}

export function describeNeed(skillSlug: string): string {
  return (
    NEEDS[skillSlug] ??
    `Help with ${SKILLS.find((s) => s.slug === skillSlug)?.label.toLowerCase() ?? skillSlug}`
  );
}

/**
 * Six months of completed help: each request met by an approved helper with the skill, the
 * minutes moved, usually a rating. No member spends more than two hours, the default floor.
 */
export function generateHelpHistory(
  helpers: DemoHelper[],
  memberCount: number,
  seed: number,
  now: Date,
  /** Help placed by hand (the demo member's), counted against the same two hours. */
  story: DemoHelp[] = [],
): DemoHelp[] {
  const faker = seeded(seed);
  const approved = helpers.map((h, i) => ({ h, i })).filter(({ h }) => h.status === 'APPROVED');
  if (approved.length === 0) return [...story];
  const history: DemoHelp[] = [...story];
  const spent = new Map<number, number>();
  for (const h of story) spent.set(h.memberIndex, (spent.get(h.memberIndex) ?? 0) + h.minutes);
  const wanted = Math.min(Math.floor(memberCount / 12), 5000);
  for (let k = 0; k < wanted; k += 1) {
    const { h, i } = faker.helpers.arrayElement(approved);
    const memberIndex = faker.number.int({ min: 0, max: memberCount - 1 });
    if (memberIndex === h.memberIndex) continue;
    const minutes = faker.helpers.arrayElement([30, 45, 60]);
    if ((spent.get(memberIndex) ?? 0) + minutes > 120) continue;
    spent.set(memberIndex, (spent.get(memberIndex) ?? 0) + minutes);
    const skillSlug = faker.helpers.arrayElement(h.skillSlugs);
    history.push({
      memberIndex,
      helperIndex: i,
      skillSlug,
      description: describeNeed(skillSlug),
      durationMinutes: minutes,
      atHome: skillSlug !== 'first-visit-company' && skillSlug !== 'shopping',
      minutes,
      rating: faker.datatype.boolean({ probability: 0.7 })
        ? faker.helpers.weightedArrayElement([
            { weight: 70, value: 5 },
            { weight: 25, value: 4 },
            { weight: 5, value: 3 },
          ])
        : null,
      completedAt: new Date(
        now.getTime() - faker.number.int({ min: 1, max: 180 }) * 24 * 3600 * 1000,
      ),
    });
  }
  return history;
}
