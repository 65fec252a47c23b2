import { Module } from '@nestjs/common';
import { SessionCandidateRepository } from './session-candidates.repository';
import { SessionMatchingService } from './session-matching.service';

@Module({
  providers: [SessionCandidateRepository, SessionMatchingService],
  exports: [SessionMatchingService],
})
export class MatchingModule {}
