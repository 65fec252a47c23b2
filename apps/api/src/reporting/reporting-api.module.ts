import { Module } from '@nestjs/common';
import { ReportingModule } from '@kith/reporting';
import { ReportResolver } from './report.resolver';

@Module({ imports: [ReportingModule], providers: [ReportResolver] })
export class ReportingApiModule {}
