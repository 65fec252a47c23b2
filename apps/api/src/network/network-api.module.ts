import { Module } from '@nestjs/common';
import { NetworkModule } from '@kith/network';
import { IntroductionResolver } from './introduction.resolver';

@Module({
  imports: [NetworkModule],
  providers: [IntroductionResolver],
})
export class NetworkApiModule {}
