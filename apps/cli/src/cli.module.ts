import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { DemoModule } from '@kith/demo';
import { IdentityModule } from '@kith/identity';
import { NetworkModule } from '@kith/network';
import { JobAdminModule, PlatformModule } from '@kith/platform';
import { ReportingModule } from '@kith/reporting';
import type { KithConfig } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';

@Module({})
export class CliModule {
  static forRoot(config: KithConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        PlatformModule.forRoot(config, 'cli', KITH_SCHEMA),
        AreasModule,
        IdentityModule,
        DemoModule,
        NetworkModule,
        ReportingModule,
        JobAdminModule,
      ],
    };
  }
}
