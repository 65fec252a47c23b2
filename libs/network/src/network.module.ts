import { Module } from '@nestjs/common';
import { JobOutboxModule } from '@kith/platform';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { IntroductionRepository } from './introduction.repository';
import { IntroductionService } from './introduction.service';
import { SurveyInstrumentRepository } from './surveys/survey-instrument.repository';
import { TieRepository } from './tie.repository';

/** Ties between people, the introductions that make them, and the survey instruments. */
@Module({
  imports: [IdentityModule, CommunityModule, JobOutboxModule],
  providers: [
    IntroductionRepository,
    TieRepository,
    IntroductionService,
    SurveyInstrumentRepository,
  ],
  exports: [IntroductionService, SurveyInstrumentRepository],
})
export class NetworkModule {}
