import { DomainError } from '@kith/platform';
import { MAX_MATCHES } from './weights';

/** `first` for any matching query: a whole number from 1 to MAX_MATCHES, or BAD_USER_INPUT. */
export function assertFirst(first: number): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_MATCHES) {
    throw DomainError.badInput([
      { path: 'first', message: `must be a whole number from 1 to ${MAX_MATCHES}` },
    ]);
  }
}
