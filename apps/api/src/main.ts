import 'reflect-metadata';
import { assertDependenciesReachable, loadConfig, runMain } from '@kith/platform';
import { createApi } from './bootstrap';

runMain('api', async () => {
  const config = loadConfig();
  await assertDependenciesReachable(config, { postgres: true, redis: true });
  const app = await createApi(config);
  app.enableShutdownHooks();
  await app.listen(config.port);
});
