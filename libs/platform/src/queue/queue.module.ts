import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { IdempotencyRepository } from '../idempotency/idempotency.repository';
import { JobAdminService } from './job-admin.service';
import { JobHandlerRegistry } from './job-handler-registry';
import { JobLatenessWatch } from './job-lateness';
import { JobMaintenanceHandlers } from './job-maintenance.handlers';
import { JobOutbox } from './job-outbox';
import { JobRelay } from './job-relay';
import { JobRepository } from './job.repository';
import { JobScheduler } from './job-scheduler';
import { QueueRegistry } from './queue-registry';
import { WorkerHost } from './worker-host';

/** Writing jobs: the outbox facade only needs Postgres. */
@Module({
  providers: [JobRepository, JobOutbox],
  exports: [JobOutbox],
})
export class JobOutboxModule {}

/** Moving due job rows into BullMQ and rescuing lost ones; runs in the API and the worker. */
@Module({
  providers: [JobRepository, QueueRegistry, JobRelay],
  exports: [QueueRegistry, JobRelay],
})
export class JobRelayModule {}

/** Processing jobs, schedules and the job system's own upkeep: only the worker imports this. */
@Module({
  imports: [DiscoveryModule, JobRelayModule, JobOutboxModule],
  providers: [
    JobRepository,
    JobHandlerRegistry,
    WorkerHost,
    JobScheduler,
    JobLatenessWatch,
    JobMaintenanceHandlers,
    IdempotencyRepository,
  ],
  exports: [WorkerHost, JobScheduler],
})
export class WorkerHostModule {}

/** What operators see and do about jobs, for the CLI. */
@Module({
  imports: [JobOutboxModule],
  providers: [JobRepository, JobAdminService],
  exports: [JobAdminService],
})
export class JobAdminModule {}

/** Only the handler check, for tests of what the worker would refuse. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobHandlerRegistry],
  exports: [JobHandlerRegistry],
})
export class JobHandlerRegistryModule {}
