import { Injectable } from '@nestjs/common';
import { done, JobHandler, JobName, skipped } from '@kith/platform';
import type { JobPayloads, JobResult } from '@kith/platform';
import { ActivityService } from './activity.service';

/**
 * Keeps eight weeks of sessions ahead of every recurring activity. The daily run only decides
 * (one job per activity that runs short); each activity is then expanded in the transaction that
 * records its job done, so a crash never leaves sessions without the record, or the reverse.
 */
@Injectable()
export class SessionExpansionHandler {
  constructor(private readonly activities: ActivityService) {}

  @JobHandler(JobName.ExpandRecurringSessions)
  async decide(): Promise<JobResult> {
    const scheduled = await this.activities.scheduleExpansions();
    return scheduled > 0 ? done : skipped('no activity runs short of sessions');
  }

  @JobHandler(JobName.ExpandActivitySessions)
  async expand({ activityId }: JobPayloads[JobName.ExpandActivitySessions]): Promise<JobResult> {
    const created = await this.activities.expand(activityId);
    return created > 0 ? done : skipped('no sessions to add (not approved, or already ahead)');
  }
}
