import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { handlerProblems, JOB_HANDLER_METADATA } from './job-handler';
import type { FoundHandler, JobContext, JobHandlerMetadata } from './job-handler';
import { isJobName, JobName } from './jobs';
import type { JobResult } from './jobs';

export interface BoundHandler {
  run: (payload: unknown, context: JobContext) => Promise<JobResult>;
  atomic: boolean;
}

export class WorkerStartupError extends Error {
  constructor(readonly problems: string[]) {
    super(`The worker cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'WorkerStartupError';
  }
}

/** Finds every @JobHandler among the providers; exactly one per job name, or it throws. */
@Injectable()
export class JobHandlerRegistry {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  discover(): Map<JobName, BoundHandler> {
    const found: (FoundHandler & { handler: BoundHandler })[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      for (const method of this.scanner.getAllMethodNames(prototype)) {
        const fn = (instance as Record<string, unknown>)[method];
        if (typeof fn !== 'function') continue;
        const metadata = this.reflector.get<JobHandlerMetadata | undefined>(
          JOB_HANDLER_METADATA,
          fn as () => unknown,
        );
        if (metadata === undefined) continue;
        found.push({
          name: metadata.name,
          owner: `${instance.constructor.name}.${method}`,
          handler: { run: (fn as BoundHandler['run']).bind(instance), atomic: metadata.atomic },
        });
      }
    }
    const problems = handlerProblems(found, Object.values(JobName));
    if (problems.length > 0) throw new WorkerStartupError(problems);
    const handlers = new Map<JobName, BoundHandler>();
    for (const handler of found) {
      if (isJobName(handler.name)) handlers.set(handler.name, handler.handler);
    }
    return handlers;
  }
}
