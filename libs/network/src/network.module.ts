import { Module } from '@nestjs/common';
import { JobOutboxModule } from '@kith/platform';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { IntroductionRepository } from './introduction.repository';
import { IntroductionService } from './introduction.service';
import { SurveyInstrumentRepository } from './surveys/survey-instrument.repository';
import { SurveyService } from './surveys/survey.service';
import { TieRepository } from './tie.repository';

/** Ties between people, the introductions that make them, and the survey instruments. */
@Module({
  imports: [IdentityModule, CommunityModule, JobOutboxModule],
  providers: [
    IntroductionRepository,
    TieRepository,
    IntroductionService,
    SurveyInstrumentRepository,
    SurveyService,
  ],
  exports: [IntroductionService, SurveyInstrumentRepository, SurveyService],
})
export class NetworkModule {}
