import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { IdentityModule } from '@kith/identity';
import { NetworkModule } from '@kith/network';
import { ImdRepository } from './imd.repository';
import { ImdService } from './imd.service';
import { OutcomesRepository } from './outcomes.repository';
import { OutcomesService } from './outcomes.service';
import { ReportExportService } from './report-export.service';

/** Aggregate reports for commissioners and coordinators: only ever figures that pass disclosure control. */
@Module({
  imports: [AreasModule, IdentityModule, NetworkModule],
  providers: [OutcomesRepository, OutcomesService, ImdRepository, ImdService, ReportExportService],
  exports: [OutcomesService, ImdService, ReportExportService],
})
export class ReportingModule {}
