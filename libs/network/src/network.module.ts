import { Module } from '@nestjs/common';
import { JobOutboxModule } from '@kith/platform';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { IntroductionRepository } from './introduction.repository';
import { IntroductionService } from './introduction.service';
import { TieRepository } from './tie.repository';

/** Ties between people and the introductions that make them. */
@Module({
  imports: [IdentityModule, CommunityModule, JobOutboxModule],
  providers: [IntroductionRepository, TieRepository, IntroductionService],
  exports: [IntroductionService],
})
export class NetworkModule {}
