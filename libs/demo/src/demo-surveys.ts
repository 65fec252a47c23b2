import { base, en, en_GB, Faker } from '@faker-js/faker';
import { KITH_RESOURCES, UCLA_3 } from '@kith/network';

/** A member as the survey history needs them: when they joined and how often they came. */
export interface SurveyedMember {
  personId: string;
  joinedAt: Date;
  sessionsAttended: number;
}

export interface DemoSurveyAnswer {
  personId: string;
  instrumentId: string;
  answers: { itemId: string; value: number }[];
  at: Date;
}

const DAY_MS = 24 * 3600_000;
const UCLA_ITEMS = UCLA_3.items.map((item) => item.id);
const RESOURCE_ITEMS = KITH_RESOURCES.items.map((item) => item.id);

/**
 * Baselines for about half the members (a week or two after joining) and, for those who have
 * been members long enough, a review three months later for about two in three of them. Who
 * came more often tends to answer a little less lonely and to know a few more people who could
 * help; some answer worse, as people do. Drawn from the seed: the same history every time.
 */
export function generateSurveyHistory(
  members: readonly SurveyedMember[],
  seed: number,
  now: Date,
): DemoSurveyAnswer[] {
  const faker = new Faker({ locale: [en_GB, en, base] });
  faker.seed(seed);
  const out: DemoSurveyAnswer[] = [];
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
  for (const m of members) {
    if (!faker.datatype.boolean({ probability: 0.5 })) continue;
    const baselineAt = new Date(
      m.joinedAt.getTime() + faker.number.int({ min: 5, max: 14 }) * DAY_MS,
    );
    if (baselineAt > now) continue;
    const ucla = UCLA_ITEMS.map(() =>
      faker.helpers.weightedArrayElement([
        { value: 1, weight: 2 },
        { value: 2, weight: 4 },
        { value: 3, weight: 3 },
      ]),
    );
    const lonely = faker.number.int({ min: 2, max: 5 });
    const known = RESOURCE_ITEMS.map(() => (faker.datatype.boolean({ probability: 0.35 }) ? 1 : 0));
    const push = (at: Date, u: number[], l: number, k: number[]) => {
      out.push({
        personId: m.personId,
        instrumentId: 'ucla-3',
        answers: UCLA_ITEMS.map((itemId, i) => ({ itemId, value: u[i] })),
        at,
      });
      out.push({
        personId: m.personId,
        instrumentId: 'ons-direct',
        answers: [{ itemId: 'lonely', value: l }],
        at,
      });
      out.push({
        personId: m.personId,
        instrumentId: 'kith-resources',
        answers: RESOURCE_ITEMS.map((itemId, i) => ({ itemId, value: k[i] })),
        at,
      });
    };
    push(baselineAt, ucla, lonely, known);
    const reviewAt = new Date(
      baselineAt.getTime() + faker.number.int({ min: 91, max: 105 }) * DAY_MS,
    );
    if (reviewAt > now || !faker.datatype.boolean({ probability: 0.65 })) continue;
    // Coming often moves answers the better way more often than not.
    const regular = m.sessionsAttended >= 6;
    const shift = () =>
      faker.helpers.weightedArrayElement([
        { value: -1, weight: regular ? 5 : 2 },
        { value: 0, weight: 4 },
        { value: 1, weight: regular ? 1 : 2 },
      ]);
    const gained = regular
      ? faker.number.int({ min: 0, max: 3 })
      : faker.number.int({ min: 0, max: 1 });
    const reviewKnown = [...known];
    for (let g = 0; g < gained; g += 1) {
      const no = reviewKnown.flatMap((v, i) => (v === 0 ? [i] : []));
      if (no.length > 0) reviewKnown[faker.helpers.arrayElement(no)] = 1;
    }
    push(
      reviewAt,
      ucla.map((v) => clamp(v + shift(), 1, 3)),
      clamp(lonely + shift(), 1, 5),
      reviewKnown,
    );
  }
  return out;
}
