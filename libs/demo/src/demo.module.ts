import { Module } from '@nestjs/common';
import { ReportingModule } from '@kith/reporting';
import { AreasModule } from '@kith/areas';
import { NetworkModule } from '@kith/network';
import { JobOutboxModule } from '@kith/platform';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [AreasModule, NetworkModule, ReportingModule, JobOutboxModule],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
