import { Module } from '@nestjs/common';
import { AreaRepository } from './area.repository';
import { AreaService } from './area.service';
import { PostcodeRepository } from './postcode.repository';
import { PostcodeService } from './postcode.service';

@Module({
  providers: [AreaRepository, AreaService, PostcodeRepository, PostcodeService],
  exports: [AreaService, PostcodeService],
})
export class AreasModule {}
