import { Injectable } from '@nestjs/common';
import { done, JobHandler, JobName } from '@kith/platform';
import type { JobResult } from '@kith/platform';
import { ActivityService } from './activity.service';

/**
 * The daily run that keeps eight weeks of sessions ahead of every recurring activity. Each
 * activity commits on its own (one transaction for all would hold every activity locked), and a
 * rerun after a crash finds those already expanded and leaves them be.
 */
@Injectable()
export class SessionExpansionHandler {
  constructor(private readonly activities: ActivityService) {}

  @JobHandler(JobName.ExpandRecurringSessions, { atomic: false })
  async expand(): Promise<JobResult> {
    await this.activities.expandAll();
    return done;
  }
}
