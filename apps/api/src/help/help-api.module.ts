import { Module } from '@nestjs/common';
import { HelpModule } from '@kith/help';
import { HelpResolver, PersonHelperResolver, TimeCreditResolver } from './help.resolver';

@Module({
  imports: [HelpModule],
  providers: [HelpResolver, TimeCreditResolver, PersonHelperResolver],
})
export class HelpApiModule {}
