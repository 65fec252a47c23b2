import { Module } from '@nestjs/common';
import { NetworkModule } from '@kith/network';
import { NudgesModule } from '@kith/nudges';
import { ContactResolver, MyNetworkResolver } from './contact.resolver';
import { IntroductionResolver, PersonIntroductionsResolver } from './introduction.resolver';
import { Pager } from '../graphql/pager';
import { CommunityModule } from '@kith/community';
import { SurveyResolver } from './survey.resolver';

@Module({
  imports: [NetworkModule, NudgesModule, CommunityModule],
  providers: [
    ContactResolver,
    MyNetworkResolver,
    IntroductionResolver,
    PersonIntroductionsResolver,
    SurveyResolver,
    Pager,
  ],
})
export class NetworkApiModule {}
