import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { NetworkModule } from '@kith/network';
import { JobOutboxModule } from '@kith/platform';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [AreasModule, NetworkModule, JobOutboxModule],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
