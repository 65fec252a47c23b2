import { Module } from '@nestjs/common';
import { IdentityModule } from '@kith/identity';
import { HelperCandidateRepository } from './helper-candidates.repository';
import { HelperMatchingService } from './helper-matching.service';
import { SessionCandidateRepository } from './session-candidates.repository';
import { SessionMatchingService } from './session-matching.service';

@Module({
  imports: [IdentityModule],
  providers: [
    SessionCandidateRepository,
    SessionMatchingService,
    HelperCandidateRepository,
    HelperMatchingService,
  ],
  exports: [SessionMatchingService, HelperMatchingService],
})
export class MatchingModule {}
