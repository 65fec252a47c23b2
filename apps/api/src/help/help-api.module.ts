import { Module } from '@nestjs/common';
import { CommunityModule } from '@kith/community';
import { HelpModule } from '@kith/help';
import { Pager } from '../graphql/pager';
import { HelpRequestViews, SkillLabelResolver } from './help-request.views';
import { HelpResolver, PersonHelperResolver, TimeCreditResolver } from './help.resolver';

@Module({
  imports: [HelpModule, CommunityModule],
  providers: [
    HelpResolver,
    TimeCreditResolver,
    PersonHelperResolver,
    HelpRequestViews,
    SkillLabelResolver,
    Pager,
  ],
})
export class HelpApiModule {}
