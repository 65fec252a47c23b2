import { Module } from '@nestjs/common';
import { JobOutboxModule } from '@kith/platform';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { IntroductionRepository } from './introduction.repository';
import { IntroductionService } from './introduction.service';
import { SurveyInstrumentRepository } from './surveys/survey-instrument.repository';
import { SurveyService } from './surveys/survey.service';
import { TieMaintenanceHandler } from './ties/tie-maintenance.handler';
import { TieRepository } from './ties/tie.repository';
import { TieService } from './ties/tie.service';

/** Ties between people, the introductions that make them, and the survey instruments. */
@Module({
  imports: [IdentityModule, CommunityModule, JobOutboxModule],
  providers: [
    IntroductionRepository,
    TieRepository,
    TieService,
    TieMaintenanceHandler,
    IntroductionService,
    SurveyInstrumentRepository,
    SurveyService,
  ],
  exports: [IntroductionService, TieService, SurveyInstrumentRepository, SurveyService],
})
export class NetworkModule {}
