import { Module } from '@nestjs/common';
import { MatchingModule } from '@kith/matching';
import { MatchingResolver } from './matching.resolver';

@Module({ imports: [MatchingModule], providers: [MatchingResolver] })
export class MatchingApiModule {}
