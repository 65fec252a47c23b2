import { distanceBand, londonWallTime } from '@kith/platform';
import type { MatchReason } from './reasons';
import { listPhrase, topReasons } from './reasons';
import { MATCH_WEIGHTS } from './weights';
import type { SessionWeights } from './weights';

export interface MemberForMatching {
  interestIds: ReadonlySet<string>;
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
  const shared = candidate.interests.filter((interest) => member.interestIds.has(interest.id));
  // Saturates: three shared interests of average rarity already count fully.
  const interestRaw = shared.reduce((sum, interest) => sum + rarity(interest.id, popularity), 0);
  const interest = Math.min(1, interestRaw / 1.5);
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
  const fits = member.availability.some(
    (w) => w.weekday === wall.weekday && minute >= w.startMinute && minute < w.endMinute,
  );
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
  if (member.goals.has('meet-new-people')) {
    const newFaces = Math.max(candidate.bookedCount - candidate.knownGoing.length, 0);
    const share = Math.min(newFaces, 8) / 8;
    if (share > goals) goals = share;
    if (newFaces >= 3)
      reasons?.push({
        code: 'GOAL_NEW_PEOPLE',
        text: `${newFaces} people you have not met yet are going`,
        weight: weights.goals * share,
      });
  }
  if (member.goals.has('get-active') && candidate.interests.some((i) => i.active)) {
    goals = 1;
    reasons?.push({
      code: 'GOAL_ACTIVE',
      text: 'Helps with your goal to get active',
      weight: weights.goals,
    });
  }
  if (
    member.goals.has('learn-something') &&
    candidate.interests.some((i) => i.group === 'learning' || i.group === 'digital')
  ) {
    goals = 1;
    reasons?.push({
      code: 'GOAL_LEARN',
      text: 'A chance to learn something new',
      weight: weights.goals,
    });
  }

  const newGroup = candidate.interests.find((i) => !member.triedGroups.has(i.group));
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
 * Greedy re-ranking for variety: each pick costs the remaining sessions of the same activity or
 * interest group a little, so a list is not ten walks in a row. Returns at most `first`.
 */
export function diversify<T extends { candidate: SessionCandidate; score: number }>(
  scored: readonly T[],
  first: number,
  penalties = MATCH_WEIGHTS.diversity,
): T[] {
  const remaining = [...scored];
  const chosen: T[] = [];
  const groupsPicked = new Map<string, number>();
  const activitiesPicked = new Map<string, number>();
  const adjusted = (s: T) => {
    let group = 0;
    for (const interest of s.candidate.interests)
      group = Math.max(group, groupsPicked.get(interest.group) ?? 0);
    return (
      s.score -
      penalties.sameActivityPenalty * (activitiesPicked.get(s.candidate.activityId) ?? 0) -
      penalties.sameGroupPenalty * group
    );
  };
  while (chosen.length < first && remaining.length > 0) {
    let best = 0;
    let bestScore = adjusted(remaining[0]);
    for (let i = 1; i < remaining.length; i += 1) {
      const a = adjusted(remaining[i]);
      if (
        a > bestScore ||
        (a === bestScore && remaining[i].candidate.sessionId < remaining[best].candidate.sessionId)
      ) {
        best = i;
        bestScore = a;
      }
    }
    const [pick] = remaining.splice(best, 1);
    chosen.push(pick);
    activitiesPicked.set(
      pick.candidate.activityId,
      (activitiesPicked.get(pick.candidate.activityId) ?? 0) + 1,
    );
    for (const group of new Set(pick.candidate.interests.map((i) => i.group)))
      groupsPicked.set(group, (groupsPicked.get(group) ?? 0) + 1);
  }
  return chosen;
}
