import { Module } from '@nestjs/common';
import { JobOutboxModule } from '@kith/platform';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { IntroductionRepository } from './introduction.repository';
import { IntroductionService } from './introduction.service';
import { LeavingService } from './leaving.service';
import { SurveyInstrumentRepository } from './surveys/survey-instrument.repository';
import { SurveyService } from './surveys/survey.service';
import { MyNetworkRepository } from './my-network/my-network.repository';
import { MyNetworkService } from './my-network/my-network.service';
import { NetworkSnapshotHandler } from './snapshots/network-snapshot.handler';
import { NetworkSnapshotService } from './snapshots/network-snapshot.service';
import { SnapshotRepository } from './snapshots/snapshot.repository';
import { TieMaintenanceHandler } from './ties/tie-maintenance.handler';
import { TieRepository } from './ties/tie.repository';
import { TieService } from './ties/tie.service';

/**
 * Ties between people and the introductions that make them, survey instruments and answers,
 * the nightly snapshots of each member's network, and what a member and a coordinator see of it.
 */
@Module({
  imports: [IdentityModule, CommunityModule, JobOutboxModule],
  providers: [
    IntroductionRepository,
    TieRepository,
    TieService,
    TieMaintenanceHandler,
    SnapshotRepository,
    NetworkSnapshotService,
    NetworkSnapshotHandler,
    MyNetworkRepository,
    MyNetworkService,
    IntroductionService,
    LeavingService,
    SurveyInstrumentRepository,
    SurveyService,
  ],
  exports: [
    IntroductionService,
    LeavingService,
    TieService,
    NetworkSnapshotService,
    MyNetworkService,
    SurveyInstrumentRepository,
    SurveyService,
  ],
})
export class NetworkModule {}
