import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Logger } from 'nestjs-pino';
import { Clock } from '@kith/platform';
import type { KithConfig } from '@kith/platform';
import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi, createApi } from '../../apps/api/src/bootstrap';
import { createWorker } from '../../apps/worker/src/bootstrap';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { clearRedisPrefix } from './redis';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: {
    message: string;
    path?: string[];
    extensions: { code: string; [key: string]: unknown };
  }[];
}

export interface RunningApi {
  app: NestExpressApplication;
  url: string;
  config: KithConfig;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  /** Closes the app and deletes the Redis keys under its prefix. */
  close(): Promise<void>;
}

/**
 * The API booted in-process and listening on a free port: tests talk to it over real HTTP. Given
 * a clock, the application's "now" is that clock's (a test moves time without sleeping).
 */
export async function startApi(config: KithConfig, clock?: Clock): Promise<RunningApi> {
  const app = clock
    ? configureApi(
        (
          await Test.createTestingModule({ imports: [ApiModule.forRoot(config)] })
            .overrideProvider(Clock)
            .useValue(clock)
            .compile()
        ).createNestApplication<NestExpressApplication>({ bufferLogs: true }),
        config,
      )
    : await createApi(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    config,
    async gql(query, variables, token, headers = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: response.status, ...body } as never;
    },
    async close() {
      await app.close();
      await clearRedisPrefix(config);
    },
  };
}

/** The worker in-process; given a clock, its relay and jobs see that clock's time. */
export async function startWorker(
  config: KithConfig,
  clock?: Clock,
): Promise<INestApplicationContext> {
  if (!clock) return createWorker(config);
  const worker = await Test.createTestingModule({ imports: [WorkerModule.forRoot(config)] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  worker.useLogger(worker.get(Logger));
  await worker.init();
  return worker;
}
