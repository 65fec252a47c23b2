import type { JobName, JobPayloads } from '@kith/platform';

/** A stand-in for JobOutbox in unit specs: keeps what would be scheduled, in order. */
export class RecordingOutbox {
  readonly jobs: { name: JobName; payload: unknown; key: string }[] = [];

  get events(): unknown[] {
    return this.jobs.map((job) => job.payload);
  }

  schedule<N extends JobName>(name: N, payload: JobPayloads[N], options: { key: string }) {
    const fresh = !this.jobs.some((job) => job.name === name && job.key === options.key);
    if (fresh) this.jobs.push({ name, payload, key: options.key });
    return Promise.resolve(fresh);
  }
}
