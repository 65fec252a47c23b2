import { distanceBand, londonWallTime } from '@kith/platform';
import type { MatchReason } from './reasons';
import { listPhrase, topReasons } from './reasons';
import { MATCH_WEIGHTS } from './weights';
import type { SessionWeights } from './weights';

export interface MemberForMatching {
  interestIds: ReadonlySet<string>;
  /** Interest groups of the interests the member chose. */
  chosenGroups: ReadonlySet<string>;
  goals: ReadonlySet<string>;
  /** Weekday 1 (Monday) to 7, minutes from midnight, London wall time. */
  availability: readonly { weekday: number; startMinute: number; endMinute: number }[];
  radiusMetres: number;
  /** Interest groups of activities the member has attended. */
  triedGroups: ReadonlySet<string>;
}

export interface SessionCandidate {
  sessionId: string;
  activityId: string;
  startsAt: Date;
  distanceMetres: number;
  interests: readonly {
    id: string;
    label: string;
    group: string;
    groupLabel: string;
    active: boolean;
  }[];
  /** First names of people the member already knows who are booked. */
  knownGoing: readonly string[];
  bookedCount: number;
}

/** How many members hold each interest: a shared rare interest says more than a common one. */
export interface InterestPopularity {
  members: number;
  holders: ReadonlyMap<string, number>;
}

export interface ScoredSession {
  candidate: SessionCandidate;
  score: number;
  reasons: MatchReason[];
}

const DAY_NAMES = [
  '',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

function partOfDay(minute: number): string {
  if (minute < 12 * 60) return 'mornings';
  if (minute < 17 * 60) return 'afternoons';
  return 'evenings';
}

/** 0..1: how much a shared interest says, by inverse frequency among members. */
export function rarity(interestId: string, popularity: InterestPopularity): number {
  const holders = popularity.holders.get(interestId) ?? 0;
  const max = Math.log(1 + popularity.members);
  return max > 0 ? Math.log(1 + popularity.members / (1 + holders)) / max : 1;
}

/** Linear decay from 1 at the door to 0 at the edge of the member's travel radius. */
export function distanceDecay(distanceMetres: number, radiusMetres: number): number {
  if (radiusMetres <= 0) return 0;
  return Math.max(0, Math.min(1, 1 - distanceMetres / radiusMetres));
}

export function sharedInterests(
  member: MemberForMatching,
  candidate: SessionCandidate,
): SessionCandidate['interests'] {
  return candidate.interests.filter((interest) => member.interestIds.has(interest.id));
}

/**
 * 0..1: one shared interest earns most of it (`sharedInterestFloor`), rarer and further shared
 * interests the rest; three of average rarity saturate it.
 */
export function interestFit(
  shared: SessionCandidate['interests'],
  popularity: InterestPopularity,
): number {
  if (shared.length === 0) return 0;
  const floor = MATCH_WEIGHTS.sharedInterestFloor;
  const raw = shared.reduce((sum, interest) => sum + rarity(interest.id, popularity), 0);
  return floor + (1 - floor) * Math.min(1, raw / 1.5);
}

/** A group the member neither chose an interest in nor has tried: what "something new" means. */
export function newGroupOf(
  member: MemberForMatching,
  candidate: SessionCandidate,
): SessionCandidate['interests'][number] | undefined {
  return candidate.interests.find(
    (i) => !member.triedGroups.has(i.group) && !member.chosenGroups.has(i.group),
  );
}

interface GoalContext {
  member: MemberForMatching;
  candidate: SessionCandidate;
  shared: SessionCandidate['interests'];
}

interface GoalEffect {
  /** 0..1 of the goals weight. */
  strength: number;
  reason: Omit<MatchReason, 'weight'>;
}

/** Interests whose sessions are a way of doing something for others. */
const GIVING_BACK = new Set([
  'volunteering',
  'park-clean-ups',
  'repair-cafe',
  'nature-conservation',
]);
/** What "close to home" means for the goal to get out more. */
const EASY_REACH_METRES = 1000;
/** A group this size or smaller is gentle for a first visit. */
const SMALL_GROUP = 8;

/**
 * What each goal a member can choose (taxonomy GOALS) does to a session's score, with its reason.
 * A test keeps this in step with the taxonomy: a goal with no effect here would be a promise the
 * app makes and matching ignores.
 */
export const GOAL_EFFECTS: Record<string, (context: GoalContext) => GoalEffect | undefined> = {
  'meet-new-people': ({ candidate }) => {
    const newFaces = Math.max(candidate.bookedCount - candidate.knownGoing.length, 0);
    if (newFaces < 3) return undefined;
    return {
      strength: Math.min(newFaces, 8) / 8,
      reason: {
        code: 'GOAL_NEW_PEOPLE',
        text: `${newFaces} people you have not met yet are going`,
      },
    };
  },
  'get-active': ({ candidate }) =>
    candidate.interests.some((i) => i.active)
      ? { strength: 1, reason: { code: 'GOAL_ACTIVE', text: 'Helps with your goal to get active' } }
      : undefined,
  'learn-something': ({ candidate }) =>
    candidate.interests.some((i) => i.group === 'learning' || i.group === 'digital')
      ? { strength: 1, reason: { code: 'GOAL_LEARN', text: 'A chance to learn something new' } }
      : undefined,
  'give-back': ({ candidate }) =>
    candidate.interests.some((i) => GIVING_BACK.has(i.id))
      ? {
          strength: 1,
          reason: { code: 'GOAL_GIVE_BACK', text: 'A way to give something back to the area' },
        }
      : undefined,
  'get-out-more': ({ candidate }) =>
    candidate.distanceMetres <= EASY_REACH_METRES
      ? {
          strength: 1,
          reason: { code: 'GOAL_GET_OUT', text: 'Close to home, an easy way to get out more' },
        }
      : undefined,
  'feel-more-confident': ({ candidate }) => {
    if (candidate.knownGoing.length > 0)
      return {
        strength: 1,
        reason: { code: 'GOAL_CONFIDENCE', text: 'Someone you know will be there' },
      };
    if (candidate.bookedCount > 0 && candidate.bookedCount <= SMALL_GROUP)
      return {
        strength: 0.6,
        reason: {
          code: 'GOAL_CONFIDENCE',
          text: `A small group, ${candidate.bookedCount} going so far`,
        },
      };
    return undefined;
  },
  'share-a-skill': ({ member, shared }) =>
    shared.some((i) => member.triedGroups.has(i.group))
      ? {
          strength: 0.8,
          reason: {
            code: 'GOAL_SHARE_SKILL',
            text: 'You have done this before: a chance to share what you know',
          },
        }
      : undefined,
};

/**
 * Scores one session for one member: a weighted sum of components in 0..1, each giving a plain
 * reason. Nothing here reveals where anyone lives: distances become bands, people first names.
 */
export function scoreSession(
  member: MemberForMatching,
  candidate: SessionCandidate,
  popularity: InterestPopularity,
  weights: SessionWeights = MATCH_WEIGHTS.session,
): ScoredSession {
  const reasons: MatchReason[] = [];
  const score = assess(member, candidate, popularity, weights, reasons);
  return {
    candidate,
    score,
    reasons: topReasons(reasons, MATCH_WEIGHTS.maxReasons, MATCH_WEIGHTS.minimumReasonWeight),
  };
}

/**
 * The same score as `scoreSession`, without writing any reason: ranking a couple of hundred
 * candidates needs only numbers, and only the few chosen are explained.
 */
export function sessionScore(
  member: MemberForMatching,
  candidate: SessionCandidate,
  popularity: InterestPopularity,
  weights: SessionWeights = MATCH_WEIGHTS.session,
): number {
  return assess(member, candidate, popularity, weights, undefined);
}

/** One scoring for both: the reasons are written only when there is a list to write them to. */
function assess(
  member: MemberForMatching,
  candidate: SessionCandidate,
  popularity: InterestPopularity,
  weights: SessionWeights,
  reasons: MatchReason[] | undefined,
): number {
  const shared = sharedInterests(member, candidate);
  const interest = interestFit(shared, popularity);
  if (reasons && shared.length > 0) {
    const labels = shared.map((i) => i.label.toLowerCase());
    reasons.push({
      code: 'SHARED_INTERESTS',
      text: `${shared.length} shared interest${shared.length > 1 ? 's' : ''}: ${listPhrase(labels)}`,
      weight: weights.interest * interest,
    });
  }

  const distance = distanceDecay(candidate.distanceMetres, member.radiusMetres);
  reasons?.push({
    code: 'NEARBY',
    text: `${distanceBand(candidate.distanceMetres)} from home`,
    weight: weights.distance * distance,
  });

  const wall = londonWallTime(candidate.startsAt);
  const minute = wall.hour * 60 + wall.minute;
  const fits = fitsAvailability(member.availability, candidate.startsAt);
  const availability = fits ? 1 : 0;
  if (reasons && fits) {
    reasons.push({
      code: 'AVAILABLE',
      text: `${DAY_NAMES[wall.weekday]} ${partOfDay(minute)} suit you`,
      weight: weights.availability,
    });
  }

  // Diminishing: the first familiar face matters most (1 -> 0.5, 2 -> 0.75, 3 -> 0.875).
  const knownPeople = 1 - 0.5 ** candidate.knownGoing.length;
  if (reasons && candidate.knownGoing.length > 0) {
    const names = candidate.knownGoing.slice(0, 2);
    const others = candidate.knownGoing.length - names.length;
    reasons.push({
      code: 'KNOWN_PEOPLE',
      text: `${listPhrase(others > 0 ? [...names, `${others} other${others > 1 ? 's' : ''} you know`] : names)} ${candidate.knownGoing.length > 1 ? 'are' : 'is'} going`,
      weight: weights.knownPeople * knownPeople,
    });
  }

  let goals = 0;
  for (const goal of member.goals) {
    const effect = GOAL_EFFECTS[goal]?.({ member, candidate, shared });
    if (!effect) continue;
    goals = Math.max(goals, effect.strength);
    reasons?.push({ ...effect.reason, weight: weights.goals * effect.strength });
  }

  const newGroup = newGroupOf(member, candidate);
  const novelty = newGroup ? 1 : 0;
  if (reasons && newGroup) {
    reasons.push({
      code: 'SOMETHING_NEW',
      text: `Something new for you: ${newGroup.groupLabel.toLowerCase()}`,
      weight: weights.novelty,
    });
  }

  const score =
    weights.interest * interest +
    weights.distance * distance +
    weights.availability * availability +
    weights.knownPeople * knownPeople +
    weights.goals * goals +
    weights.novelty * novelty;
  return Math.round(score * 10_000) / 10_000;
}

/**
 * The reason for the difference the variety re-ranking made to a session's score, so the score
 * given back is explained in full: a lift for the first thing new, or a drop because similar
 * sessions are higher in the list. None when it made no difference worth telling.
 */
export function varietyReason(baseScore: number, adjustedScore: number): MatchReason | undefined {
  const delta = Math.round((adjustedScore - baseScore) * 1000) / 1000;
  if (Math.abs(delta) < MATCH_WEIGHTS.minimumReasonWeight) return undefined;
  return delta > 0
    ? { code: 'VARIETY', text: 'A change from the rest of your list', weight: delta }
    : { code: 'VARIETY', text: 'Lower in your list: similar sessions come first', weight: delta };
}

/**
 * Greedy re-ranking for variety. Each pick costs the remaining sessions of the same activity or
 * interest group a little, and each pick off the member's interests costs the remaining
 * off-interest ones more, so a list is neither ten walks in a row nor drifts off what the member
 * likes; the first session in a group new to the member is lifted once. Returns at most `first`,
 * each with `score` replaced by the adjusted score it was picked on: penalties only grow and the
 * lift is given once, so the list is in score order.
 */
export function diversify<T extends { candidate: SessionCandidate; score: number }>(
  member: MemberForMatching,
  scored: readonly T[],
  first: number,
  penalties = MATCH_WEIGHTS.diversity,
): T[] {
  const remaining = scored.map((s) => ({
    item: s,
    onInterest: s.candidate.interests.some((i) => member.interestIds.has(i.id)),
    isNew: newGroupOf(member, s.candidate) !== undefined,
  }));
  const chosen: T[] = [];
  const groupsPicked = new Map<string, number>();
  const activitiesPicked = new Map<string, number>();
  let offInterestPicked = 0;
  let newPicked = false;
  const adjusted = ({ item, onInterest, isNew }: (typeof remaining)[number]) => {
    let group = 0;
    for (const interest of item.candidate.interests)
      group = Math.max(group, groupsPicked.get(interest.group) ?? 0);
    return (
      item.score -
      penalties.sameActivityPenalty * (activitiesPicked.get(item.candidate.activityId) ?? 0) -
      penalties.sameGroupPenalty * group -
      (onInterest ? 0 : penalties.offInterestPenalty * offInterestPicked) +
      (isNew && !newPicked ? penalties.firstNewGroupBonus : 0)
    );
  };
  while (chosen.length < first && remaining.length > 0) {
    let best = 0;
    let bestScore = adjusted(remaining[0]);
    for (let i = 1; i < remaining.length; i += 1) {
      const a = adjusted(remaining[i]);
      if (
        a > bestScore ||
        (a === bestScore &&
          remaining[i].item.candidate.sessionId < remaining[best].item.candidate.sessionId)
      ) {
        best = i;
        bestScore = a;
      }
    }
    const [pick] = remaining.splice(best, 1);
    const { candidate } = pick.item;
    chosen.push({ ...pick.item, score: Math.round(bestScore * 10_000) / 10_000 });
    activitiesPicked.set(
      candidate.activityId,
      (activitiesPicked.get(candidate.activityId) ?? 0) + 1,
    );
    for (const group of new Set(candidate.interests.map((i) => i.group)))
      groupsPicked.set(group, (groupsPicked.get(group) ?? 0) + 1);
    if (!pick.onInterest) offInterestPicked += 1;
    if (pick.isNew) newPicked = true;
  }
  return chosen;
}

/** Whether a session starting at `startsAt` starts inside one of the member's free windows (London time). */
export function fitsAvailability(
  availability: MemberForMatching['availability'],
  startsAt: Date,
): boolean {
  const wall = londonWallTime(startsAt);
  const minute = wall.hour * 60 + wall.minute;
  return availability.some(
    (w) => w.weekday === wall.weekday && minute >= w.startMinute && minute < w.endMinute,
  );
}
