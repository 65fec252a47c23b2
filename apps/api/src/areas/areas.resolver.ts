import { Public } from '../auth/auth.decorators';
import { Query, Resolver } from '@nestjs/graphql';
import { AreaService } from '@kith/areas';
import { Area } from './area.model';

@Resolver(() => Area)
export class AreasResolver {
  constructor(private readonly areaService: AreaService) {}

  @Public()
  @Query(() => [Area])
  async areas(): Promise<Area[]> {
    return (await this.areaService.list()).map((row) => Area.from(row));
  }
}
