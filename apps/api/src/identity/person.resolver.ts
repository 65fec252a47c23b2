import { Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AreaService } from '@kith/areas';
import { PersonService } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { Area } from '../areas/area.model';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { Person, RoleGrant } from './person.model';
import { toPerson } from './person.mapper';

@Resolver(() => Person)
export class PersonResolver {
  constructor(
    private readonly people: PersonService,
    private readonly areas: AreaService,
  ) {}

  @Query(() => Person, { description: 'The signed-in person' })
  async me(@CurrentPrincipal() principal: Principal): Promise<Person> {
    return toPerson(await this.people.byId(principal.personId));
  }

  @ResolveField(() => [RoleGrant])
  async roles(@Parent() person: Person): Promise<RoleGrant[]> {
    const grants = await this.people.rolesOf(person.id);
    const areaIds = [
      ...new Set(grants.map((g) => g.areaId).filter((id): id is string => id !== null)),
    ];
    const areas = new Map(
      (areaIds.length ? await this.areas.byIds(areaIds) : []).map((a) => [a.id, Area.from(a)]),
    );
    return grants.map((grant) => ({
      role: grant.role,
      area: grant.areaId ? (areas.get(grant.areaId) ?? null) : null,
    }));
  }
}
