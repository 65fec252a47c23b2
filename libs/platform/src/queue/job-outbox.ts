import { Injectable } from '@nestjs/common';
import { jobId } from './jobs';
import type { JobName, JobPayloads } from './jobs';
import { OutboxRepository } from './outbox.repository';

/**
 * The typed facade through which services cause deferred work. It writes an outbox row in the
 * caller's transaction; nothing reaches Redis unless that transaction commits.
 */
@Injectable()
export class JobOutbox {
  constructor(private readonly outbox: OutboxRepository) {}

  /**
   * `key` makes the job id deterministic (`<name>-<key>`): scheduling the same key twice is a
   * no-op, so a retried request never causes the work twice. Returns false for a duplicate.
   */
  schedule<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { key: string; at?: Date },
  ): Promise<boolean> {
    return this.outbox.insert({
      jobName: name,
      jobId: jobId(name, options.key),
      payload,
      availableAt: options.at ?? null,
    });
  }
}
