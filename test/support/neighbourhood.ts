import type { INestApplicationContext } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import { Db } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { startApi, startWorker } from './api';
import type { RunningApi } from './api';
import { importShippedAreas } from './areas';
import { HelpFixtures } from './help';

/**
 * The API and the worker in-process over the shipped Riverside areas, with a coordinator of
 * Riverside Central and its skills (HelpFixtures): what tests of ties, consent and the network
 * begin with, as attendance recorded over HTTP makes its ties in the worker's jobs.
 */
export interface Neighbourhood {
  api: RunningApi;
  worker: INestApplicationContext;
  db: Db;
  help: HelpFixtures;
  close(): Promise<void>;
}

export async function startNeighbourhood(config: KithConfig): Promise<Neighbourhood> {
  const api = await startApi(config);
  const worker = await startWorker(config);
  await importShippedAreas(api.app.get(AreaService));
  return {
    api,
    worker,
    db: api.app.get(Db),
    help: await HelpFixtures.create(api),
    async close() {
      await worker.close();
      await api.close();
    },
  };
}
