import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { Area } from '../areas/area.model';
import { CurrentPrincipal, Roles } from '../auth/auth.decorators';
import { RoleGrant } from './person.model';

@Resolver(() => RoleGrant)
export class RolesResolver {
  constructor(
    private readonly people: PersonService,
    private readonly areas: AreaService,
  ) {}

  @Roles(Role.COORDINATOR)
  @Mutation(() => RoleGrant, {
    description:
      'Coordinator: grants MEMBER, HELPER or COORDINATOR in an area you coordinate; creates the person if new',
  })
  async grantRole(
    @CurrentPrincipal() principal: Principal,
    @Args('email') email: string,
    @Args('role', { type: () => Role }) role: Role,
    @Args('areaCode') areaCode: string,
  ): Promise<RoleGrant> {
    await this.people.grantRoleAsCoordinator(principal.personId, email, role, areaCode);
    return { role, area: Area.from(await this.areas.byCode(areaCode)) };
  }
}
