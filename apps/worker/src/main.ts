import 'reflect-metadata';
import { assertDependenciesReachable, loadConfig, runMain } from '@kith/platform';
import { createWorker } from './bootstrap';

runMain('worker', async () => {
  const config = loadConfig();
  await assertDependenciesReachable(config, { postgres: true, redis: true });
  const app = await createWorker(config);
  app.enableShutdownHooks();
});
