import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import type { Principal } from '@kith/identity';
import { OutcomesService, ParticipationService, ReportExportService } from '@kith/reporting';
import type { ParticipationRowView } from '@kith/reporting';
import { Area } from '../areas/area.model';
import { CurrentPrincipal } from '../auth/auth.decorators';
import { toInterest } from '../community/community.mappers';
import { OutcomesReport, ParticipationReport, ReportGrouping } from './report.model';
import type { ParticipationRow } from './report.model';
import { PublicUrl } from './public-url';

/** Aggregate reports, for a commissioner or coordinator of the area; never a person. */
@Resolver()
export class ReportResolver {
  constructor(
    private readonly outcomes: OutcomesService,
    private readonly participation: ParticipationService,
    private readonly exports: ReportExportService,
    private readonly publicUrl: PublicUrl,
  ) {}

  @Query(() => String, {
    description:
      'A link to a report file (kind participation|outcomes, format csv|html) that works without a header for 15 minutes, until you sign out; it starts with PUBLIC_URL',
  })
  async reportLink(
    @CurrentPrincipal() principal: Principal,
    @Args('kind') kind: string,
    @Args('format') format: string,
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('groupBy', {
      type: () => [ReportGrouping],
      defaultValue: [ReportGrouping.MONTH],
      description: 'For a participation CSV (the page shows months and wards)',
    })
    groupBy: ReportGrouping[],
  ): Promise<string> {
    return this.publicUrl.of(
      await this.exports.link(principal, kind, format, areaId, from, to, groupBy),
    );
  }

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

  @Query(() => ParticipationReport, {
    description:
      'Who Kith reaches in an area and whether they keep coming, by month, ward or interest, small numbers suppressed',
  })
  async participationReport(
    @CurrentPrincipal() principal: Principal,
    @Args('areaId', { type: () => ID }) areaId: string,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('groupBy', { type: () => [ReportGrouping], defaultValue: [ReportGrouping.MONTH] })
    groupBy: ReportGrouping[],
  ): Promise<ParticipationReport> {
    const view = await this.participation.report(principal, areaId, from, to, groupBy);
    return {
      ...view,
      area: Area.from(view.area),
      groupBy: view.groupBy.map((g) => ReportGrouping[g]),
      rows: view.rows.map(toRow),
      totals: toRow(view.totals),
    };
  }
}

function toRow(row: ParticipationRowView): ParticipationRow {
  return {
    ...row,
    ward: row.ward ? Area.from(row.ward) : null,
    interest: row.interest ? toInterest(row.interest) : null,
  };
}
