import { Injectable } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import { checkText, Db, DomainError } from '@kith/platform';
import { PersonRepository } from './person.repository';
import type { PersonRow } from './person.repository';
import { Role } from './role';
import type { RoleGrantView } from './role';
import { displayNameFromEmail, normaliseEmail } from './secrets';

@Injectable()
export class PersonService {
  constructor(
    private readonly db: Db,
    private readonly people: PersonRepository,
    private readonly areas: AreaService,
  ) {}

  async byId(id: string): Promise<PersonRow> {
    const person = await this.people.byId(id);
    if (!person) throw DomainError.notFound('Person');
    return person;
  }

  /** Sets the name others see: through the text rule, 1 to 60 characters, spaces collapsed. */
  async rename(personId: string, rawName: string): Promise<void> {
    const checked = checkText(rawName, { max: 60 });
    if (!checked.ok) {
      throw DomainError.badInput([{ path: 'displayName', message: checked.message }]);
    }
    await this.people.rename(personId, checked.value.replace(/\s+/g, ' '));
  }

  /** Grants a role to a known person (idempotent); true when it is new. */
  grantRoleById(personId: string, role: Role, areaId: string | null = null): Promise<boolean> {
    return this.people.grantRole(personId, role, areaId);
  }

  rolesOf(personId: string): Promise<RoleGrantView[]> {
    return this.people.rolesOf(personId);
  }

  /**
   * Whether the person holds the role where `areaId` is: a role without an area holds
   * everywhere, over people and places in no area (null) too; one with an area holds in it and
   * the areas inside it.
   */
  holdsRoleIn(personId: string, role: Role, areaId: string | null): Promise<boolean> {
    return this.people.holdsRoleIn(personId, role, areaId);
  }

  isWithin(areaId: string | null, ancestorId: string | null): Promise<boolean> {
    return this.people.isWithin(areaId, ancestorId);
  }

  /**
   * A coordinator's grant: MEMBER, HELPER or COORDINATOR, only in an area they coordinate (or
   * one inside it). Commissioners and grants that hold everywhere are the operator's (CLI).
   */
  async grantRoleAsCoordinator(
    coordinatorId: string,
    rawEmail: string,
    role: Role,
    areaCode: string,
  ): Promise<{ person: PersonRow; areaId: string }> {
    if (role === Role.COMMISSIONER) {
      throw DomainError.forbidden('Commissioner roles are granted by the operator');
    }
    const area = await this.areas.byCode(areaCode);
    if (!(await this.people.holdsRoleIn(coordinatorId, Role.COORDINATOR, area.id))) {
      throw DomainError.forbidden(`You do not coordinate ${area.name}`);
    }
    const { person } = await this.grantRole(rawEmail, role, areaCode);
    return { person, areaId: area.id };
  }

  /**
   * The operator's grant: creates the person if new. Without an area the role holds
   * everywhere; with one, in that area and every area inside it.
   */
  async grantRole(
    rawEmail: string,
    role: Role,
    areaCode?: string,
  ): Promise<{ person: PersonRow; createdPerson: boolean; newGrant: boolean }> {
    const email = normaliseEmail(rawEmail);
    if (!email)
      throw DomainError.badInput([{ path: 'email', message: 'This is not an email address' }]);
    const area = areaCode === undefined ? undefined : await this.areas.byCode(areaCode);
    return this.db.transaction(async () => {
      const { person, created } = await this.people.findOrCreate(
        email,
        displayNameFromEmail(email),
      );
      const newGrant = await this.people.grantRole(person.id, role, area?.id ?? null);
      return { person, createdPerson: created, newGrant };
    });
  }
}
