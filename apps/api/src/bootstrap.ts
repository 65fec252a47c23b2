import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { KithConfig } from '@kith/platform';
import { ApiModule } from './api.module';

/** The API application, configured but not listening (tests listen on a free port). */
export async function createApi(config: KithConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config), {
    bufferLogs: true,
  });
  return configureApi(app, config);
}

/** What every API application is given before it listens: its logger, proxies, CORS, body limit. */
export function configureApi(
  app: NestExpressApplication,
  config: KithConfig,
): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Browsers on the configured origins only; no cookies are used, so none are allowed across.
  app.enableCors({
    origin: config.corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Act-For'],
    maxAge: 600,
    credentials: false,
  });
  app.useBodyParser('json', { limit: '100kb' });
  return app;
}
