import { Module } from '@nestjs/common';
import { CommunityModule } from '@kith/community';
import { MatchingModule } from '@kith/matching';
import { MatchingResolver, SessionKnownGoingResolver } from './matching.resolver';

@Module({
  imports: [MatchingModule, CommunityModule],
  providers: [MatchingResolver, SessionKnownGoingResolver],
})
export class MatchingApiModule {}
