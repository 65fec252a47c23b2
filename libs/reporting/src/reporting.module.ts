import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { NetworkModule } from '@kith/network';
import { JobOutboxModule } from '@kith/platform';
import { ImdRepository } from './imd.repository';
import { ImdService } from './imd.service';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesService } from './outcomes.service';
import { ParticipationRollupRepository } from './participation/participation-rollup.repository';
import { ParticipationRollups } from './participation/participation-rollups.service';
import { ParticipationRepository } from './participation/participation.repository';
import { ParticipationService } from './participation/participation.service';
import { ReportExportService } from './export/report-export.service';
import { ReportScope } from './report-scope.service';

/** Aggregate reports for commissioners and coordinators: only ever figures that pass disclosure control. */
@Module({
  imports: [AreasModule, IdentityModule, CommunityModule, NetworkModule, JobOutboxModule],
  providers: [
    ReportScope,
    OutcomesRepository,
    OutcomesService,
    ParticipationRollupRepository,
    ParticipationRollups,
    ParticipationRepository,
    ParticipationService,
    ImdRepository,
    ImdService,
    ReportExportService,
  ],
  exports: [
    OutcomesService,
    ParticipationService,
    ParticipationRollups,
    ImdService,
    ReportExportService,
  ],
})
export class ReportingModule {}
