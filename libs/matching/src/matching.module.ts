import { Module } from '@nestjs/common';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { HelperCandidateRepository } from './helper-candidates.repository';
import { HelperMatchingService } from './helper-matching.service';
import { MatchedPeopleService } from './matched-people.service';
import { PeerMatchingService } from './peer-matching.service';
import { PeerRepository } from './peer.repository';
import { SessionCandidateRepository } from './session-candidates.repository';
import { SessionMatchingService } from './session-matching.service';

@Module({
  imports: [IdentityModule, CommunityModule],
  providers: [
    SessionCandidateRepository,
    SessionMatchingService,
    HelperCandidateRepository,
    HelperMatchingService,
    PeerRepository,
    PeerMatchingService,
    MatchedPeopleService,
  ],
  exports: [
    SessionMatchingService,
    HelperMatchingService,
    PeerMatchingService,
    MatchedPeopleService,
  ],
})
export class MatchingModule {}
