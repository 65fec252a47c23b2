import type { AvailabilityWindow } from '@kith/community';
import { distanceBand } from '@kith/platform';
import { HelperStatus } from './help.entities';

/**
 * Whether a helper may take a request: the one definition, used by `assignHelper` and by
 * `helperMatches` (whose SQL pre-filters the same rules for speed; a database test keeps the two
 * in agreement). Hard rules never bend; a coordinator may override a soft rule, with a reason.
 */
export enum HardRule {
  SELF = 'SELF',
  NOT_APPROVED = 'NOT_APPROVED',
  SUSPENDED = 'SUSPENDED',
  DBS_NOT_VALID = 'DBS_NOT_VALID',
  BLOCKED = 'BLOCKED',
  LACKS_SKILL = 'LACKS_SKILL',
}

export enum SoftRule {
  OUTSIDE_RADIUS = 'OUTSIDE_RADIUS',
  NOT_AVAILABLE_IN_WINDOWS = 'NOT_AVAILABLE_IN_WINDOWS',
  OVER_WEEKLY_CAP = 'OVER_WEEKLY_CAP',
}

export const HARD_RULES: readonly HardRule[] = Object.values(HardRule);
export const SOFT_RULES: readonly SoftRule[] = Object.values(SoftRule);

export interface HelperFacts {
  personId: string;
  status: HelperStatus;
  /** London dates, YYYY-MM-DD. */
  dbsCheckedOn: string | null;
  dbsExpiresOn: string | null;
  travelRadiusMetres: number;
  maxMinutesPerWeek: number | null;
  availability: readonly AvailabilityWindow[];
  skillIds: readonly string[];
}

export interface RequestFacts {
  memberId: string;
  /** Null when the request names no skill: then any helper's skills will do. */
  skillId: string | null;
  durationMinutes: number;
  preferredWindows: readonly AvailabilityWindow[];
}

/** What holds between this helper and this request's member, read at the moment of deciding. */
export interface PairFacts {
  /** The London date today. */
  today: string;
  blockedEitherWay: boolean;
  /** From the helper's (coarse) base to the member's home; null when the home is unknown. */
  distanceMetres: number | null;
  /** Minutes of help accepted or completed in the last seven days. */
  minutesThisWeek: number;
}

export interface Eligibility {
  /** Failed hard rules, in the order of HARD_RULES; any one refuses, always. */
  hard: HardRule[];
  /** Failed soft rules, in the order of SOFT_RULES; refused unless overridden. */
  soft: SoftRule[];
  /** No rule failed. */
  eligible: boolean;
}

export function dbsValidOn(
  helper: Pick<HelperFacts, 'dbsCheckedOn' | 'dbsExpiresOn'>,
  today: string,
): boolean {
  return (
    helper.dbsCheckedOn !== null && (helper.dbsExpiresOn === null || helper.dbsExpiresOn > today)
  );
}

/** Some preferred window shares time with some availability window (touching is not enough). */
export function availableInWindows(
  availability: readonly AvailabilityWindow[],
  preferred: readonly AvailabilityWindow[],
): boolean {
  if (preferred.length === 0) return true;
  return preferred.some((w) =>
    availability.some(
      (h) => h.weekday === w.weekday && w.startMinute < h.endMinute && h.startMinute < w.endMinute,
    ),
  );
}

export function helperEligibility(
  helper: HelperFacts,
  request: RequestFacts,
  pair: PairFacts,
): Eligibility {
  const hard: HardRule[] = [];
  if (helper.personId === request.memberId) hard.push(HardRule.SELF);
  if (helper.status === HelperStatus.SUSPENDED) hard.push(HardRule.SUSPENDED);
  else if (helper.status !== HelperStatus.APPROVED) hard.push(HardRule.NOT_APPROVED);
  if (!dbsValidOn(helper, pair.today)) hard.push(HardRule.DBS_NOT_VALID);
  if (pair.blockedEitherWay) hard.push(HardRule.BLOCKED);
  if (request.skillId !== null && !helper.skillIds.includes(request.skillId))
    hard.push(HardRule.LACKS_SKILL);

  const soft: SoftRule[] = [];
  // An unknown home cannot be shown to be inside the radius.
  if (pair.distanceMetres === null || pair.distanceMetres > helper.travelRadiusMetres)
    soft.push(SoftRule.OUTSIDE_RADIUS);
  if (!availableInWindows(helper.availability, request.preferredWindows))
    soft.push(SoftRule.NOT_AVAILABLE_IN_WINDOWS);
  if (
    helper.maxMinutesPerWeek !== null &&
    pair.minutesThisWeek + request.durationMinutes > helper.maxMinutesPerWeek
  )
    soft.push(SoftRule.OVER_WEEKLY_CAP);

  return { hard, soft, eligible: hard.length === 0 && soft.length === 0 };
}

export const HARD_RULE_TEXT: Record<HardRule, string> = {
  [HardRule.SELF]: 'a member cannot help themself here',
  [HardRule.NOT_APPROVED]: 'this helper is not approved yet',
  [HardRule.SUSPENDED]: 'this helper is suspended',
  [HardRule.DBS_NOT_VALID]: 'this helper has no DBS check in date',
  [HardRule.BLOCKED]: 'this helper cannot be assigned to this member',
  [HardRule.LACKS_SKILL]: 'this helper does not offer that skill',
};

/** Plain English for a failed soft rule, for the coordinator who is told why. */
export function softRuleText(
  rule: SoftRule,
  helper: HelperFacts,
  request: RequestFacts,
  pair: PairFacts,
): string {
  switch (rule) {
    case SoftRule.OUTSIDE_RADIUS:
      return pair.distanceMetres === null
        ? "the member's home is not known, so it may be outside this helper's travel radius"
        : `the member lives ${distanceBand(pair.distanceMetres)} away, outside this helper's travel radius of ${helper.travelRadiusMetres} m`;
    case SoftRule.NOT_AVAILABLE_IN_WINDOWS:
      return "this helper's availability does not meet any of the preferred windows";
    case SoftRule.OVER_WEEKLY_CAP:
      return `this would take this helper to ${pair.minutesThisWeek + request.durationMinutes} minutes this week, over their limit of ${helper.maxMinutesPerWeek ?? 0}`;
  }
}

/** Why a request has no helper to suggest: what a coordinator could relax, or ask for. */
export enum HelperMatchGap {
  REQUEST_NOT_OPEN = 'REQUEST_NOT_OPEN',
  MEMBER_HOME_UNKNOWN = 'MEMBER_HOME_UNKNOWN',
  NO_APPROVED_HELPER_WITH_SKILL = 'NO_APPROVED_HELPER_WITH_SKILL',
  NONE_WITHIN_RADIUS = 'NONE_WITHIN_RADIUS',
  NONE_AVAILABLE_IN_WINDOWS = 'NONE_AVAILABLE_IN_WINDOWS',
  ALL_AT_WEEKLY_CAP = 'ALL_AT_WEEKLY_CAP',
  NO_HELPER_MEETS_EVERY_RULE = 'NO_HELPER_MEETS_EVERY_RULE',
}

const GAP_OF: Record<SoftRule, HelperMatchGap> = {
  [SoftRule.OUTSIDE_RADIUS]: HelperMatchGap.NONE_WITHIN_RADIUS,
  [SoftRule.NOT_AVAILABLE_IN_WINDOWS]: HelperMatchGap.NONE_AVAILABLE_IN_WINDOWS,
  [SoftRule.OVER_WEEKLY_CAP]: HelperMatchGap.ALL_AT_WEEKLY_CAP,
};

/**
 * From the verdicts on every helper who might take the request: empty when one can; else each
 * soft rule that no hard-eligible helper meets; else (each helper misses a different rule)
 * NO_HELPER_MEETS_EVERY_RULE.
 */
export function helperMatchGaps(verdicts: readonly Eligibility[]): HelperMatchGap[] {
  if (verdicts.some((v) => v.eligible)) return [];
  const possible = verdicts.filter((v) => v.hard.length === 0);
  if (possible.length === 0) return [HelperMatchGap.NO_APPROVED_HELPER_WITH_SKILL];
  const gaps = SOFT_RULES.filter((rule) => possible.every((v) => v.soft.includes(rule))).map(
    (rule) => GAP_OF[rule],
  );
  return gaps.length ? gaps : [HelperMatchGap.NO_HELPER_MEETS_EVERY_RULE];
}
