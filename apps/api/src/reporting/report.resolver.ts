import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@kith/identity';
import { OutcomesService } from '@kith/reporting';
import { Area } from '../areas/area.model';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { OutcomesReport } from './report.model';

/** Aggregate reports, for a commissioner or coordinator of the area; never a person. */
@Resolver()
export class ReportResolver {
  constructor(private readonly outcomes: OutcomesService) {}

  @Query(() => OutcomesReport, {
    description:
      'Change among members with a baseline and a review at least three months later, small numbers suppressed',
  })
  async outcomesReport(
    @CurrentPrincipal() principal: Principal,
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
  ): Promise<OutcomesReport> {
    const view = await this.outcomes.report(principal, areaId, from, to);
    return { ...view, area: Area.from(view.area) };
  }
}
