import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { AreasModule } from '@kith/areas';
import { CommunityModule } from '@kith/community';
import { IdentityModule } from '@kith/identity';
import { NetworkModule } from '@kith/network';
import { NudgesModule, NudgesWorkerModule } from '@kith/nudges';
import { PlatformModule, WorkerHostModule } from '@kith/platform';
import { ReportingModule } from '@kith/reporting';
import type { KithConfig } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';

/** No HTTP and no GraphQL: the job handlers of every lib, the outbox relay and BullMQ workers. */
@Module({})
export class WorkerModule {
  static forRoot(config: KithConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(config, 'worker', KITH_SCHEMA),
        WorkerHostModule,
        AreasModule,
        IdentityModule,
        CommunityModule,
        NetworkModule,
        NudgesModule,
        NudgesWorkerModule,
        ReportingModule,
      ],
    };
  }
}
