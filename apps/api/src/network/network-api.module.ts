import { Module } from '@nestjs/common';
import { NetworkModule } from '@kith/network';
import { NudgesModule } from '@kith/nudges';
import { ContactResolver, MyNetworkResolver } from './contact.resolver';
import { IntroductionResolver } from './introduction.resolver';
import { SurveyResolver } from './survey.resolver';

@Module({
  imports: [NetworkModule, NudgesModule],
  providers: [ContactResolver, MyNetworkResolver, IntroductionResolver, SurveyResolver],
})
export class NetworkApiModule {}
