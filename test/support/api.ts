import type { AddressInfo } from 'node:net';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { KithConfig } from '@kith/platform';
import { createApi } from '../../apps/api/src/bootstrap';
import { createWorker } from '../../apps/worker/src/bootstrap';
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

/** The API booted in-process and listening on a free port: tests talk to it over real HTTP. */
export async function startApi(config: KithConfig): Promise<RunningApi> {
  const app = await createApi(config);
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

export async function startWorker(config: KithConfig): Promise<INestApplicationContext> {
  return createWorker(config);
}
