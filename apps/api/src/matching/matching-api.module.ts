import { Module } from '@nestjs/common';
import { CommunityModule } from '@kith/community';
import { MatchingModule } from '@kith/matching';
import { NetworkModule } from '@kith/network';
import { MatchingResolver } from './matching.resolver';

@Module({
  imports: [MatchingModule, NetworkModule, CommunityModule],
  providers: [MatchingResolver],
})
export class MatchingApiModule {}
