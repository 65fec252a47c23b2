import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobHandlerRegistry } from './job-handler-registry';
import { JobOutbox } from './job-outbox';
import { OutboxRelay } from './outbox-relay';
import { OutboxRepository } from './outbox.repository';
import { QueueRegistry } from './queue-registry';
import { WorkerHost } from './worker-host';

/** Writing jobs: the outbox facade only needs Postgres. */
@Module({
  providers: [OutboxRepository, JobOutbox],
  exports: [JobOutbox],
})
export class JobOutboxModule {}

/** Moving due outbox rows into BullMQ; runs in the API and the worker. */
@Module({
  providers: [OutboxRepository, QueueRegistry, OutboxRelay],
  exports: [QueueRegistry, OutboxRelay],
})
export class OutboxRelayModule {}

/** Processing jobs: only the worker imports this. */
@Module({
  imports: [DiscoveryModule, OutboxRelayModule],
  providers: [JobHandlerRegistry, WorkerHost],
  exports: [WorkerHost],
})
export class WorkerHostModule {}

/** Only the handler check, for tests of what the worker would refuse. */
@Module({
  imports: [DiscoveryModule],
  providers: [JobHandlerRegistry],
  exports: [JobHandlerRegistry],
})
export class JobHandlerRegistryModule {}
