import type { PersonRow } from '@kith/identity';
import { readableBy } from '../auth/self-only';
import type { Readers } from '../auth/self-only';
import { Person } from './person.model';

/** Renames only; its self-only fields (email) resolve for the readers named (the person). */
export function toPerson(row: PersonRow, readers: Readers = { ownerId: row.id }): Person {
  return readableBy(
    Object.assign(new Person(), { id: row.id, displayName: row.displayName, email: row.email }),
    readers,
  );
}
