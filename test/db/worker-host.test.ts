import { Injectable, Module } from '@nestjs/common';
import type { DynamicModule, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  done,
  JobHandler,
  JobHandlerRegistry,
  JobHandlerRegistryModule,
  JobName,
  PlatformModule,
  WorkerStartupError,
} from '@kith/platform';
import type { JobResult } from '@kith/platform';
import { KITH_SCHEMA } from '@kith/schema';
import { CommunityModule } from '@kith/community';
import { NetworkModule } from '@kith/network';
import { NudgesModule } from '@kith/nudges';
import { ReportingModule } from '@kith/reporting';
import { IdentityModule } from '@kith/identity';
import { JobMaintenanceHandlers } from '../../libs/platform/src/queue/job-maintenance.handlers';
import { JobRepository } from '../../libs/platform/src/queue/job.repository';
import { IdempotencyRepository } from '../../libs/platform/src/idempotency/idempotency.repository';
import { testConfig } from '../support/config';

@Injectable()
class SecondMailHandler {
  @JobHandler(JobName.SendSignInCodeMail)
  send(): Promise<JobResult> {
    return Promise.resolve(done);
  }
}

@Module({ providers: [SecondMailHandler] })
class DuplicateHandlerModule {}

/** The job system's own handlers (probe, pruning), as the worker module provides them. */
@Module({ providers: [JobMaintenanceHandlers, JobRepository, IdempotencyRepository] })
class JobMaintenanceModule {}

/** Runs the worker's start-up check (what WorkerHost does first at init); returns what it threw. */
async function checkHandlers(imports: (Type | DynamicModule)[]): Promise<unknown> {
  const moduleRef = await Test.createTestingModule({
    imports: [
      PlatformModule.forRoot(testConfig(), 'worker', KITH_SCHEMA),
      JobHandlerRegistryModule,
      ...imports,
    ],
  }).compile();
  try {
    moduleRef.get(JobHandlerRegistry).discover();
    return undefined;
  } catch (error) {
    return error;
  } finally {
    await moduleRef.close();
  }
}

describe('the worker at start-up', () => {
  it('refuses to start when a job has no handler', async () => {
    const error = await checkHandlers([]);
    expect(error).toBeInstanceOf(WorkerStartupError);
    // Every job name, each named: none is left unhandled silently.
    expect((error as WorkerStartupError).problems).toEqual(
      Object.values(JobName).map((name) => `job "${name}" has no handler`),
    );
    expect((error as WorkerStartupError).problems).toContain(
      `job "${JobName.DeliverNudge}" has no handler`,
    );
  });

  it('refuses to start when a job has two handlers, naming both', async () => {
    const error = await checkHandlers([
      IdentityModule,
      CommunityModule,
      NudgesModule,
      JobMaintenanceModule,
      DuplicateHandlerModule,
    ]);
    expect(error).toBeInstanceOf(WorkerStartupError);
    expect((error as WorkerStartupError).message).toMatch(
      /has 2 handlers: SignInCodeMailHandler.send, SecondMailHandler.send/,
    );
  });

  it('starts when every job has exactly one handler', async () => {
    expect(
      await checkHandlers([
        IdentityModule,
        CommunityModule,
        NetworkModule,
        NudgesModule,
        ReportingModule,
        JobMaintenanceModule,
      ]),
    ).toBeUndefined();
  });
});
