import { Injectable } from '@nestjs/common';
import { Clock, JobName, JobOutbox } from '@kith/platform';
import type { ScheduledJob } from '@kith/platform';
import { NudgeChannel } from './nudge-kinds';
import { NudgeDeliveryRepository } from './nudge-delivery.repository';
import { NudgeRepository } from './nudge.repository';
import type { NewNudge } from './nudge.repository';

/**
 * Sends a decided nudge: into the inbox (the nudge row, once per key), with a delivery row per
 * channel and a deliver job for each channel beyond the inbox, all in the caller's transaction:
 * the nudge, its deliveries and their jobs commit together or not at all.
 */
@Injectable()
export class NudgeDispatcher {
  constructor(
    private readonly nudges: NudgeRepository,
    private readonly deliveries: NudgeDeliveryRepository,
    private readonly outbox: JobOutbox,
    private readonly clock: Clock,
  ) {}

  async send(
    nudge: NewNudge,
    channels: readonly NudgeChannel[],
  ): Promise<{ id: string; created: boolean }> {
    const now = this.clock.now();
    const written = await this.nudges.record(nudge, { sentAt: now });
    if (!written.created) return written;
    await this.deliveries.queueMany([{ nudgeId: written.id, channels }], now);
    const jobs = deliveryJobs(written.id, channels);
    if (jobs.length > 0) await this.outbox.scheduleMany(jobs);
    return written;
  }
}

/** The first deliver job of each channel a sent nudge goes by beyond the inbox. */
export function deliveryJobs(nudgeId: string, channels: readonly NudgeChannel[]): ScheduledJob[] {
  return [...new Set(channels)]
    .filter((channel) => channel !== NudgeChannel.INBOX)
    .map((channel) => ({
      name: JobName.DeliverNudge,
      payload: { nudgeId, channel, attempt: 1 },
      key: `${nudgeId}-${channel}-1`,
    }));
}
