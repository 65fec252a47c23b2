import type { InterestRow } from '@kith/community';
import { firstName } from '@kith/identity';
import { distanceBand } from '@kith/platform';
import type { MatchReason } from './reasons';

/**
 * Another person as a member may see them, already shaped: a first name, a distance band (never
 * metres or coordinates) and the interests both share. Nothing else leaves matching for a person.
 */
export interface PublicPersonView {
  readonly id: string;
  readonly firstName: string;
  readonly distanceBand: string | null;
  readonly sharedInterests: readonly InterestRow[];
}

export interface PublicPersonMatch {
  readonly person: PublicPersonView;
  readonly score: number;
  readonly reasons: readonly MatchReason[];
}

/** What matching knows of a candidate, before it is shaped for another member. */
export interface RawCandidate {
  id: string;
  displayName: string;
  distanceMetres: number | null;
  sharedInterestIds: readonly string[];
}

export function toPublicPerson(
  candidate: RawCandidate,
  interests: ReadonlyMap<string, InterestRow>,
): PublicPersonView {
  return {
    id: candidate.id,
    firstName: firstName(candidate.displayName),
    distanceBand: candidate.distanceMetres === null ? null : distanceBand(candidate.distanceMetres),
    sharedInterests: candidate.sharedInterestIds.flatMap((id) => interests.get(id) ?? []),
  };
}
