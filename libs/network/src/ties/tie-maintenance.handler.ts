import { Injectable } from '@nestjs/common';
import { done, JobHandler, JobName, skipped } from '@kith/platform';
import type { JobPayloads, JobResult } from '@kith/platform';
import { TieService } from './tie.service';

/** Keeps ties as attendance is recorded (community cannot call up into network: the outbox does). */
@Injectable()
export class TieMaintenanceHandler {
  constructor(private readonly ties: TieService) {}

  @JobHandler(JobName.RecountCoAttendance, { atomic: true })
  async recount({ sessionId }: JobPayloads[JobName.RecountCoAttendance]): Promise<JobResult> {
    const { pairs } = await this.ties.recountSession(sessionId);
    return pairs > 0 ? done : skipped('no co-attendance: fewer than two came, or more than 30');
  }
}
