import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { JobOutboxModule } from '@kith/platform';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [AreasModule, JobOutboxModule],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
