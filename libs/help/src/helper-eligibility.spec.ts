import { Weekday } from '@kith/community';
import type { AvailabilityWindow } from '@kith/community';
import { HelperStatus } from './help.entities';
import {
  availableInWindows,
  HardRule,
  HelperMatchGap,
  helperEligibility,
  helperMatchGaps,
  SoftRule,
  softRuleText,
} from './helper-eligibility';
import type { Eligibility, HelperFacts, PairFacts, RequestFacts } from './helper-eligibility';

const TODAY = '2027-09-01';
const SKILL = 'skill-diy';
const tue = (start: number, end: number): AvailabilityWindow => ({
  weekday: Weekday.TUE,
  startMinute: start * 60,
  endMinute: end * 60,
});

const helper = (overrides: Partial<HelperFacts> = {}): HelperFacts => ({
  personId: 'helper',
  status: HelperStatus.APPROVED,
  dbsCheckedOn: '2027-01-01',
  dbsExpiresOn: '2028-01-01',
  travelRadiusMetres: 3000,
  maxMinutesPerWeek: null,
  availability: [tue(9, 12)],
  skillIds: [SKILL],
  ...overrides,
});
const request = (overrides: Partial<RequestFacts> = {}): RequestFacts => ({
  memberId: 'member',
  skillId: SKILL,
  durationMinutes: 60,
  preferredWindows: [],
  ...overrides,
});
const pair = (overrides: Partial<PairFacts> = {}): PairFacts => ({
  today: TODAY,
  blockedEitherWay: false,
  distanceMetres: 1000,
  minutesThisWeek: 0,
  ...overrides,
});

/**
 * Every combination of each fact's cases, each case with the rule it should (or should not)
 * break, worked out by hand: the verdict is exactly the rules the chosen cases break.
 */
describe('helperEligibility, exhaustively over the cases of each fact', () => {
  type Case<T> = { name: string; apply: T; breaks: HardRule | SoftRule | null };
  type Change = {
    helper?: Partial<HelperFacts>;
    request?: Partial<RequestFacts>;
    pair?: Partial<PairFacts>;
  };
  const dimensions: Case<Change>[][] = [
    [
      { name: 'someone else', apply: {}, breaks: null },
      { name: 'the member', apply: { helper: { personId: 'member' } }, breaks: HardRule.SELF },
    ],
    [
      { name: 'approved', apply: {}, breaks: null },
      {
        name: 'pending',
        apply: { helper: { status: HelperStatus.PENDING } },
        breaks: HardRule.NOT_APPROVED,
      },
      {
        name: 'suspended',
        apply: { helper: { status: HelperStatus.SUSPENDED } },
        breaks: HardRule.SUSPENDED,
      },
    ],
    [
      { name: 'DBS in date', apply: {}, breaks: null },
      { name: 'DBS open-ended', apply: { helper: { dbsExpiresOn: null } }, breaks: null },
      {
        name: 'DBS expires tomorrow',
        apply: { helper: { dbsExpiresOn: '2027-09-02' } },
        breaks: null,
      },
      {
        name: 'DBS expires today',
        apply: { helper: { dbsExpiresOn: TODAY } },
        breaks: HardRule.DBS_NOT_VALID,
      },
      {
        name: 'DBS expired',
        apply: { helper: { dbsExpiresOn: '2027-08-31' } },
        breaks: HardRule.DBS_NOT_VALID,
      },
      {
        name: 'no DBS check',
        apply: { helper: { dbsCheckedOn: null, dbsExpiresOn: null } },
        breaks: HardRule.DBS_NOT_VALID,
      },
    ],
    [
      { name: 'not blocked', apply: {}, breaks: null },
      { name: 'blocked', apply: { pair: { blockedEitherWay: true } }, breaks: HardRule.BLOCKED },
    ],
    [
      { name: 'has the skill', apply: {}, breaks: null },
      {
        name: 'has it among others',
        apply: { helper: { skillIds: ['other', SKILL] } },
        breaks: null,
      },
      {
        name: 'lacks the skill',
        apply: { helper: { skillIds: ['other'] } },
        breaks: HardRule.LACKS_SKILL,
      },
      {
        name: 'no skill asked, none offered',
        apply: { request: { skillId: null }, helper: { skillIds: [] } },
        breaks: null,
      },
    ],
    [
      { name: 'well inside the radius', apply: {}, breaks: null },
      { name: 'on the radius', apply: { pair: { distanceMetres: 3000 } }, breaks: null },
      {
        name: 'just outside',
        apply: { pair: { distanceMetres: 3000.5 } },
        breaks: SoftRule.OUTSIDE_RADIUS,
      },
      {
        name: 'home unknown',
        apply: { pair: { distanceMetres: null } },
        breaks: SoftRule.OUTSIDE_RADIUS,
      },
    ],
    [
      { name: 'no preferred windows', apply: {}, breaks: null },
      {
        name: 'overlapping window',
        apply: { request: { preferredWindows: [tue(11, 13)] } },
        breaks: null,
      },
      {
        name: 'one of two overlaps',
        apply: { request: { preferredWindows: [tue(6, 8), tue(11, 13)] } },
        breaks: null,
      },
      {
        name: 'window only touching',
        apply: { request: { preferredWindows: [tue(12, 14)] } },
        breaks: SoftRule.NOT_AVAILABLE_IN_WINDOWS,
      },
      {
        name: 'window another day',
        apply: { request: { preferredWindows: [{ ...tue(9, 12), weekday: Weekday.WED }] } },
        breaks: SoftRule.NOT_AVAILABLE_IN_WINDOWS,
      },
      {
        name: 'helper never available',
        apply: { helper: { availability: [] }, request: { preferredWindows: [tue(9, 12)] } },
        breaks: SoftRule.NOT_AVAILABLE_IN_WINDOWS,
      },
    ],
    [
      { name: 'no weekly cap', apply: { pair: { minutesThisWeek: 5000 } }, breaks: null },
      {
        name: 'under the cap',
        apply: { helper: { maxMinutesPerWeek: 120 }, pair: { minutesThisWeek: 30 } },
        breaks: null,
      },
      {
        name: 'exactly at the cap',
        apply: { helper: { maxMinutesPerWeek: 120 }, pair: { minutesThisWeek: 60 } },
        breaks: null,
      },
      {
        name: 'a minute over',
        apply: { helper: { maxMinutesPerWeek: 120 }, pair: { minutesThisWeek: 61 } },
        breaks: SoftRule.OVER_WEEKLY_CAP,
      },
      {
        name: 'this request alone is over',
        apply: { helper: { maxMinutesPerWeek: 30 } },
        breaks: SoftRule.OVER_WEEKLY_CAP,
      },
    ],
  ];

  function* combinations(index = 0): Generator<Case<Change>[]> {
    if (index === dimensions.length) {
      yield [];
      return;
    }
    for (const choice of dimensions[index])
      for (const rest of combinations(index + 1)) yield [choice, ...rest];
  }

  it('fails exactly the rules the chosen cases break, hard and soft apart, in a fixed order', () => {
    let count = 0;
    for (const cases of combinations()) {
      const merged = cases.reduce<Required<Change>>(
        (all, { apply }) => ({
          helper: { ...all.helper, ...apply.helper },
          request: { ...all.request, ...apply.request },
          pair: { ...all.pair, ...apply.pair },
        }),
        { helper: {}, request: {}, pair: {} },
      );
      const verdict = helperEligibility(
        helper(merged.helper),
        request(merged.request),
        pair(merged.pair),
      );
      const broken = cases.flatMap((c) => (c.breaks ? [c.breaks] : []));
      const expected: Eligibility = {
        hard: Object.values(HardRule).filter((r) => broken.includes(r)),
        soft: Object.values(SoftRule).filter((r) => broken.includes(r)),
        eligible: broken.length === 0,
      };
      if (JSON.stringify(verdict) !== JSON.stringify(expected))
        throw new Error(`${cases.map((c) => c.name).join(', ')}: ${JSON.stringify(verdict)}`);
      count += 1;
    }
    expect(count).toBe(2 * 3 * 6 * 2 * 4 * 4 * 6 * 5);
  });

  it('says what a soft rule means in words a coordinator can act on', () => {
    expect(
      softRuleText(SoftRule.OUTSIDE_RADIUS, helper(), request(), pair({ distanceMetres: 4200 })),
    ).toMatch(/outside this helper's travel radius of 3000 m/);
    expect(
      softRuleText(
        SoftRule.OVER_WEEKLY_CAP,
        helper({ maxMinutesPerWeek: 90 }),
        request(),
        pair({ minutesThisWeek: 60 }),
      ),
    ).toBe('this would take this helper to 120 minutes this week, over their limit of 90');
  });

  it('treats no preferred windows as any time, whatever the availability', () => {
    expect(availableInWindows([], [])).toBe(true);
    expect(availableInWindows([tue(9, 10)], [])).toBe(true);
  });
});

describe('helperMatchGaps', () => {
  const verdict = (hard: HardRule[], soft: SoftRule[]): Eligibility => ({
    hard,
    soft,
    eligible: hard.length === 0 && soft.length === 0,
  });
  const { OUTSIDE_RADIUS, NOT_AVAILABLE_IN_WINDOWS, OVER_WEEKLY_CAP } = SoftRule;

  it('is empty when any helper meets every rule', () => {
    expect(helperMatchGaps([verdict([], [OUTSIDE_RADIUS]), verdict([], [])])).toEqual([]);
  });

  it('says no approved helper offers the skill when none passes the hard rules', () => {
    expect(helperMatchGaps([])).toEqual([HelperMatchGap.NO_APPROVED_HELPER_WITH_SKILL]);
    expect(helperMatchGaps([verdict([HardRule.BLOCKED], [])])).toEqual([
      HelperMatchGap.NO_APPROVED_HELPER_WITH_SKILL,
    ]);
  });

  it('names each soft rule that every possible helper fails, ignoring hard-failed ones', () => {
    expect(
      helperMatchGaps([
        verdict([], [OUTSIDE_RADIUS, OVER_WEEKLY_CAP]),
        verdict([], [OUTSIDE_RADIUS, NOT_AVAILABLE_IN_WINDOWS, OVER_WEEKLY_CAP]),
        verdict([HardRule.SUSPENDED], []),
      ]),
    ).toEqual([HelperMatchGap.NONE_WITHIN_RADIUS, HelperMatchGap.ALL_AT_WEEKLY_CAP]);
    expect(helperMatchGaps([verdict([], [NOT_AVAILABLE_IN_WINDOWS])])).toEqual([
      HelperMatchGap.NONE_AVAILABLE_IN_WINDOWS,
    ]);
  });

  it('says none meets every rule when each misses a different one', () => {
    expect(
      helperMatchGaps([verdict([], [OUTSIDE_RADIUS]), verdict([], [NOT_AVAILABLE_IN_WINDOWS])]),
    ).toEqual([HelperMatchGap.NO_HELPER_MEETS_EVERY_RULE]);
  });
});
