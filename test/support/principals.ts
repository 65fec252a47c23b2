import type { TestingModule } from '@nestjs/testing';
import { PersonService } from '@kith/identity';
import type { Principal, Role } from '@kith/identity';
import { uniqueEmail } from './sign-in';

/**
 * A new person holding `role` (in `areaCode`, when given), as a signed-in principal for calling
 * services directly. The principal's grant holds everywhere, as the guard would see it.
 */
export async function principalWith(
  context: TestingModule,
  role: Role,
  areaCode?: string,
): Promise<Principal> {
  const { person } = await context
    .get(PersonService)
    .grantRole(uniqueEmail(role.toLowerCase()), role, areaCode);
  return { personId: person.id, sessionId: 'n/a', roles: [{ role, areaId: null }] };
}
