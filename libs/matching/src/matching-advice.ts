import type { AccessibilityFeature } from '@kith/community';
import type { MemberForMatching } from './session-scoring';
import { fitsAvailability } from './session-scoring';

/**
 * What would let Kith suggest sessions, or suggest better ones. HOME and INTERESTS come first:
 * nothing is suggested without them. When nothing can be suggested: RADIUS (sessions a little
 * further away would fit), ACCESS_NEEDS (sessions within reach, none meeting every access need),
 * FULL (those that fit are full), ALL_BOOKED (the member already holds a place at each), and
 * NO_SESSIONS_NEARBY (nothing that fits within the widest radius). AVAILABILITY when sessions
 * can be suggested but none starts at a time the member said they are free.
 */
export type MatchingNeedCode =
  | 'HOME'
  | 'INTERESTS'
  | 'RADIUS'
  | 'ACCESS_NEEDS'
  | 'FULL'
  | 'ALL_BOOKED'
  | 'NO_SESSIONS_NEARBY'
  | 'AVAILABILITY';

/** What the SQL found around the member's home in the next two weeks (approved, not cancelled). */
export interface MatchingSurroundings {
  /** Sessions within the radius that meet every access need, have a place or a short waitlist, and the member does not hold. */
  suggestible: number;
  /** Within the radius and meeting every need, but full. */
  fullNearby: number;
  /** Within the radius and meeting every need, held by the member already. */
  heldNearby: number;
  /** The nearest session within the radius with a place that the member does not hold, whatever its access: what it lacks of the member's needs. */
  nearestMissing: AccessibilityFeature[] | null;
  /** How far the nearest session meeting every need with a place lies, beyond the radius (null: none within the widest radius). */
  nearestFurtherMetres: number | null;
  /** When the suggestible sessions start (the nearest few). */
  suggestibleStarts: Date[];
}

export interface MatchingAdvice {
  needs: MatchingNeedCode[];
  /** A travel radius that would reach at least one session (with RADIUS), in steps of 500 m. */
  travelRadiusMetres: number | null;
  /** The member's access needs the nearest session within reach does not meet (with ACCESS_NEEDS). */
  unmetAccessNeeds: AccessibilityFeature[];
}

export function adviseOnMatching(
  member: Pick<MemberForMatching, 'availability'> & { needs: readonly string[] },
  around: MatchingSurroundings,
  maxRadiusMetres: number,
): MatchingAdvice {
  const needs: MatchingNeedCode[] = [];
  let travelRadiusMetres: number | null = null;
  let unmetAccessNeeds: AccessibilityFeature[] = [];
  if (around.suggestible > 0) {
    if (
      member.availability.length > 0 &&
      !around.suggestibleStarts.some((at) => fitsAvailability(member.availability, at))
    )
      needs.push('AVAILABILITY');
    return { needs, travelRadiusMetres, unmetAccessNeeds };
  }
  if (around.nearestMissing && around.nearestMissing.length > 0) {
    needs.push('ACCESS_NEEDS');
    unmetAccessNeeds = around.nearestMissing;
  }
  if (around.fullNearby > 0) needs.push('FULL');
  if (around.heldNearby > 0) needs.push('ALL_BOOKED');
  if (around.nearestFurtherMetres !== null) {
    needs.push('RADIUS');
    travelRadiusMetres = Math.min(
      maxRadiusMetres,
      Math.ceil((around.nearestFurtherMetres + 1) / 500) * 500,
    );
  } else if (needs.length === 0) needs.push('NO_SESSIONS_NEARBY');
  return { needs, travelRadiusMetres, unmetAccessNeeds };
}
