import type { PersonRow } from '@kith/identity';
import { Person } from './person.model';

/** A person as the given viewer may see them: the email is for the person themself only. */
export function toPerson(row: PersonRow, viewerId: string): Person {
  return Object.assign(new Person(), {
    id: row.id,
    displayName: row.displayName,
    email: row.id === viewerId ? row.email : null,
  });
}
