import { distanceBand } from '@kith/platform';
import type { MatchReason } from './reasons';
import { topReasons } from './reasons';
import { MATCH_WEIGHTS } from './weights';

export interface HelperCandidate {
  helperId: string;
  displayName: string;
  distanceMetres: number;
  radiusMetres: number;
  /** Completed help this helper gave this member before, and its ratings. */
  pastVisits: number;
  pastRatings: readonly number[];
  /** Minutes of help given in the last four weeks, by anyone. */
  recentMinutes: number;
  sharedInterestIds: readonly string[];
}

export interface ScoredHelper {
  candidate: HelperCandidate;
  score: number;
  reasons: MatchReason[];
}

const WEIGHTS = MATCH_WEIGHTS.helper;

/**
 * Continuity first (the same trusted helper again, counted up by good ratings), then proximity,
 * then fairness: a helper who has given less lately ranks a little higher.
 */
export function scoreHelper(candidate: HelperCandidate): ScoredHelper {
  const reasons: MatchReason[] = [];
  const average = candidate.pastRatings.length
    ? candidate.pastRatings.reduce((a, b) => a + b, 0) / candidate.pastRatings.length
    : 3;
  // Any past visit counts for most of it, more visits for the rest; poor ratings scale it down.
  const continuity =
    candidate.pastVisits > 0
      ? (0.6 + (0.4 * Math.min(candidate.pastVisits, 3)) / 3) * (average / 5)
      : 0;
  if (candidate.pastVisits > 0) {
    const times =
      candidate.pastVisits === 1
        ? 'once'
        : candidate.pastVisits === 2
          ? 'twice'
          : `${candidate.pastVisits} times`;
    const rated = candidate.pastRatings.length ? `, rated ${Math.round(average * 10) / 10}` : '';
    reasons.push({
      code: 'HELPED_BEFORE',
      text: `Helped you ${times} before${rated}`,
      weight: WEIGHTS.continuity * continuity,
    });
  }
  const proximity =
    candidate.radiusMetres > 0
      ? Math.max(0, 1 - candidate.distanceMetres / candidate.radiusMetres)
      : 0;
  reasons.push({
    code: 'NEARBY',
    text: `Lives ${distanceBand(candidate.distanceMetres)} away`,
    weight: WEIGHTS.proximity * proximity,
  });
  const fairness = Math.max(0, 1 - candidate.recentMinutes / WEIGHTS.fairShareMinutes);
  if (fairness > 0.5)
    reasons.push({
      code: 'HAS_TIME',
      text: 'Has time to give at the moment',
      weight: WEIGHTS.fairness * fairness,
    });
  const score =
    WEIGHTS.continuity * continuity + WEIGHTS.proximity * proximity + WEIGHTS.fairness * fairness;
  return {
    candidate,
    score: Math.round(score * 10_000) / 10_000,
    reasons: topReasons(reasons, MATCH_WEIGHTS.maxReasons, MATCH_WEIGHTS.minimumReasonWeight),
  };
}

export function rankHelpers(candidates: readonly HelperCandidate[], first: number): ScoredHelper[] {
  return candidates
    .map(scoreHelper)
    .sort((a, b) => b.score - a.score || a.candidate.helperId.localeCompare(b.candidate.helperId))
    .slice(0, first);
}
