import { Injectable } from '@nestjs/common';
import { done, JobHandler, JobName, skipped } from '@kith/platform';
import type { JobResult } from '@kith/platform';
import { NetworkSnapshotService } from './network-snapshot.service';

/**
 * The nightly snapshot: the same code as `cli network snapshot`. Not one transaction: it
 * writes a batch of members at a time, and a rerun of the day replaces what it wrote.
 */
@Injectable()
export class NetworkSnapshotHandler {
  constructor(private readonly snapshots: NetworkSnapshotService) {}

  @JobHandler(JobName.TakeNetworkSnapshots, { atomic: false })
  async take(): Promise<JobResult> {
    const { members } = await this.snapshots.run();
    return members > 0 ? done : skipped('no members yet');
  }
}
