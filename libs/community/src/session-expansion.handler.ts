import { Injectable } from '@nestjs/common';
import { done, JobHandler, JobName } from '@kith/platform';
import type { JobResult } from '@kith/platform';
import { ActivityService } from './activity.service';

/** The daily run that keeps eight weeks of sessions ahead of every recurring activity. */
@Injectable()
export class SessionExpansionHandler {
  constructor(private readonly activities: ActivityService) {}

  @JobHandler(JobName.ExpandRecurringSessions)
  async expand(): Promise<JobResult> {
    await this.activities.expandAll();
    return done;
  }
}
