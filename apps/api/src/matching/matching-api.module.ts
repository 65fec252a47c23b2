import { Module } from '@nestjs/common';
import { CommunityModule } from '@kith/community';
import { MatchingModule } from '@kith/matching';
import { MatchingResolver } from './matching.resolver';

@Module({
  imports: [MatchingModule, CommunityModule],
  providers: [MatchingResolver],
})
export class MatchingApiModule {}
