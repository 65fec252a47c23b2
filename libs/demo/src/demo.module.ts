import { Module } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { DemoRepository } from './demo.repository';
import { DemoService } from './demo.service';

@Module({
  imports: [AreasModule],
  providers: [DemoRepository, DemoService],
  exports: [DemoService],
})
export class DemoModule {}
