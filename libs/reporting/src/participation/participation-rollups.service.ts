import { Injectable } from '@nestjs/common';
import { Db, done, JobHandler, JobName, JobOutbox, skipped } from '@kith/platform';
import type { JobPayloads, JobResult } from '@kith/platform';
import { ParticipationRollupRepository } from './participation-rollup.repository';

/**
 * Keeps the participation rollups as attendance is recorded and profiles change (community tells
 * of it through the outbox: it cannot call up into reporting), and works them all out again from
 * history.
 */
@Injectable()
export class ParticipationRollups {
  constructor(
    private readonly db: Db,
    private readonly rollups: ParticipationRollupRepository,
    private readonly outbox: JobOutbox,
  ) {}

  /**
   * Every rollup from all recorded attendance, in one transaction (upkeep waits for it); a
   * rebuild a migration asked for and not yet started is then done.
   */
  rebuild(): Promise<{ sessions: number; participants: number }> {
    return this.db.transaction(async () => {
      const rebuilt = await this.rollups.rebuild();
      await this.outbox.supersede(JobName.RebuildParticipationRollups, 'reports rebuild-rollups');
      return rebuilt;
    });
  }

  @JobHandler(JobName.RollUpSessionAttendance, { atomic: true })
  async rollUp({ sessionId }: JobPayloads[JobName.RollUpSessionAttendance]): Promise<JobResult> {
    const { attendances, people } = await this.rollups.rollUpSession(sessionId);
    return people > 0 || attendances > 0 ? done : skipped('no such session, or no bookings');
  }

  @JobHandler(JobName.RollUpMember, { atomic: true })
  async rollUpMember({ personId, moved }: JobPayloads[JobName.RollUpMember]): Promise<JobResult> {
    await this.rollups.rollUpMember(personId, moved ?? false);
    return done;
  }

  @JobHandler(JobName.RebuildParticipationRollups, { atomic: true })
  async rebuildJob(): Promise<JobResult> {
    await this.rollups.rebuild();
    return done;
  }
}
