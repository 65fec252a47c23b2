import { Module } from '@nestjs/common';
import { IdentityModule } from '@kith/identity';
import { ReportingModule } from '@kith/reporting';
import { ReportController } from './report.controller';
import { ReportResolver } from './report.resolver';

@Module({
  imports: [ReportingModule, IdentityModule],
  controllers: [ReportController],
  providers: [ReportResolver],
})
export class ReportingApiModule {}
