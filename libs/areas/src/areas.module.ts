import { Module } from '@nestjs/common';
import { AreaRepository } from './area.repository';
import { AreaService } from './area.service';

@Module({
  providers: [AreaRepository, AreaService],
  exports: [AreaService],
})
export class AreasModule {}
