import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Db } from '../database/db';
import { REDIS } from '../redis/redis.module';
import { withDeadline } from './probes';
import type { ProbeStatus } from './probes';

export interface Readiness {
  ready: boolean;
  checks: { postgres: ProbeStatus; redis: ProbeStatus };
}

@Injectable()
export class ReadinessProbe {
  constructor(
    private readonly db: Db,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  async check(timeoutMs = 2000): Promise<Readiness> {
    const probe = (work: () => Promise<unknown>): Promise<ProbeStatus> =>
      withDeadline(work(), timeoutMs).then(
        () => 'up' as const,
        () => 'down' as const,
      );
    const [postgres, redis] = await Promise.all([
      probe(() => this.db.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    return { ready: postgres === 'up' && redis === 'up', checks: { postgres, redis } };
  }
}
