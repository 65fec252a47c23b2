import { Module } from '@nestjs/common';
import { NudgesModule } from '@kith/nudges';
import { NudgesResolver } from './nudges.resolver';

@Module({
  imports: [NudgesModule],
  providers: [NudgesResolver],
})
export class NudgesApiModule {}
