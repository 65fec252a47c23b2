import { Module } from '@nestjs/common';
import { NetworkModule } from '@kith/network';
import { NudgesModule } from '@kith/nudges';
import { ContactResolver } from './contact.resolver';
import { IntroductionResolver } from './introduction.resolver';
import { SurveyResolver } from './survey.resolver';

@Module({
  imports: [NetworkModule, NudgesModule],
  providers: [ContactResolver, IntroductionResolver, SurveyResolver],
})
export class NetworkApiModule {}
