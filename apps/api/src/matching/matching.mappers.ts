import type { PublicPersonMatch, PublicPersonView } from '@kith/matching';
import { toInterest } from '../community/community.mappers';
import type { HelperMatch, PeerMatch, PublicPerson } from './matching.model';

/** Renames only: matching has already shaped the person for the member who asked. */
export function toPublicPerson(view: PublicPersonView): PublicPerson {
  return {
    id: view.id,
    displayName: view.firstName,
    distanceBand: view.distanceBand,
    sharedInterests: view.sharedInterests.map(toInterest),
  };
}

export function toPeerMatch(match: PublicPersonMatch): PeerMatch {
  return { person: toPublicPerson(match.person), score: match.score, reasons: [...match.reasons] };
}

export function toHelperMatch(match: PublicPersonMatch): HelperMatch {
  return { helper: toPublicPerson(match.person), score: match.score, reasons: [...match.reasons] };
}
