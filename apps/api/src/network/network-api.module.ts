import { Module } from '@nestjs/common';
import { NetworkModule } from '@kith/network';
import { NudgesModule } from '@kith/nudges';
import { IntroductionResolver } from './introduction.resolver';
import { SurveyResolver } from './survey.resolver';

@Module({
  imports: [NetworkModule, NudgesModule],
  providers: [IntroductionResolver, SurveyResolver],
})
export class NetworkApiModule {}
