import { Module } from '@nestjs/common';
import { IdentityModule } from '@kith/identity';
import { ReportingModule } from '@kith/reporting';
import { PublicUrl } from './public-url';
import { ReportController } from './report.controller';
import { ReportResolver } from './report.resolver';

@Module({
  imports: [ReportingModule, IdentityModule],
  controllers: [ReportController],
  providers: [ReportResolver, PublicUrl],
})
export class ReportingApiModule {}
