import { distanceBand } from '@kith/platform';
import type { MatchReason } from './reasons';
import { listPhrase, topReasons } from './reasons';
import { distanceDecay, rarity } from './session-scoring';
import type { InterestPopularity } from './session-scoring';
import { MATCH_WEIGHTS } from './weights';

export interface PeerSide {
  radiusMetres: number;
  goals: ReadonlySet<string>;
  availability: readonly { weekday: number; startMinute: number; endMinute: number }[];
}

export interface PeerCandidate {
  personId: string;
  displayName: string;
  distanceMetres: number;
  shared: readonly { id: string; label: string }[];
  side: PeerSide;
}

export interface ScoredPeer {
  candidate: PeerCandidate;
  score: number;
  reasons: MatchReason[];
}

const DAYS = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const SOCIAL_GOALS = ['meet-new-people', 'get-out-more', 'feel-more-confident'];
const W = MATCH_WEIGHTS.peer;

/** The first weekday both are free at the same time, if any. */
export function sharedDay(a: PeerSide, b: PeerSide): number | undefined {
  for (const x of a.availability) {
    for (const y of b.availability) {
      if (x.weekday === y.weekday && x.startMinute < y.endMinute && y.startMinute < x.endMinute)
        return x.weekday;
    }
  }
  return undefined;
}

/** How much one side would welcome the other, 0..1. */
export function sideScore(
  side: PeerSide,
  other: PeerSide,
  candidate: PeerCandidate,
  popularity: InterestPopularity,
): number {
  const interest = Math.min(
    1,
    candidate.shared.reduce((sum, i) => sum + rarity(i.id, popularity), 0) / 1.5,
  );
  const distance = distanceDecay(candidate.distanceMetres, side.radiusMetres);
  const availability = sharedDay(side, other) === undefined ? 0 : 1;
  const goals =
    SOCIAL_GOALS.some((g) => side.goals.has(g)) && SOCIAL_GOALS.some((g) => other.goals.has(g))
      ? 1
      : 0;
  return (
    W.interest * interest + W.distance * distance + W.availability * availability + W.goals * goals
  );
}

/** Harmonic mean: a match both would welcome ranks above one only one side would. */
export function reciprocal(a: number, b: number): number {
  return a + b === 0 ? 0 : (2 * a * b) / (a + b);
}

export function scorePeer(
  viewer: PeerSide,
  candidate: PeerCandidate,
  popularity: InterestPopularity,
): ScoredPeer {
  const mine = sideScore(viewer, candidate.side, candidate, popularity);
  const theirs = sideScore(candidate.side, viewer, candidate, popularity);
  const reasons: MatchReason[] = [];
  if (candidate.shared.length > 0) {
    reasons.push({
      code: 'SHARED_INTERESTS',
      text: `${candidate.shared.length} shared interest${candidate.shared.length > 1 ? 's' : ''}: ${listPhrase(candidate.shared.map((i) => i.label.toLowerCase()))}`,
      weight: W.interest,
    });
  }
  reasons.push({
    code: 'NEARBY',
    text: `Lives ${distanceBand(candidate.distanceMetres)} away`,
    weight: W.distance * distanceDecay(candidate.distanceMetres, viewer.radiusMetres),
  });
  const day = sharedDay(viewer, candidate.side);
  if (day !== undefined)
    reasons.push({
      code: 'FREE_TOGETHER',
      text: `You are both free on ${DAYS[day]}s`,
      weight: W.availability,
    });
  if (
    SOCIAL_GOALS.some((g) => viewer.goals.has(g)) &&
    SOCIAL_GOALS.some((g) => candidate.side.goals.has(g))
  ) {
    reasons.push({ code: 'SAME_GOAL', text: 'You both want to meet people', weight: W.goals });
  }
  return {
    candidate,
    score: Math.round(reciprocal(mine, theirs) * 10_000) / 10_000,
    reasons: topReasons(reasons, MATCH_WEIGHTS.maxReasons, MATCH_WEIGHTS.minimumReasonWeight),
  };
}
