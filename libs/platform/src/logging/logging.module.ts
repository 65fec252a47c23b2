import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Module } from '@nestjs/common';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { KithConfig } from '../config/config';
import { redactRequest } from './redact';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Structured JSON logs; every HTTP log line carries the request id, echoed as X-Request-Id, and
 * no credential (a bearer token, a cookie, a signed link's secrets).
 */
@Module({})
export class LoggingModule {
  static forRoot(config: KithConfig, service: 'api' | 'worker' | 'cli'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            base: { service },
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const given = req.headers['x-request-id'];
              const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
              res.setHeader('X-Request-Id', id);
              return id;
            },
            // A signed link in a URL is a credential: logged without its signature and expiry.
            serializers: { req: redactRequest },
            redact: ['req.headers.authorization', 'req.headers.cookie', 'mail.text'].filter(
              // Outside production the sign-in code mail is read from the log on purpose.
              (path) => config.isProduction || path !== 'mail.text',
            ),
            customLogLevel: (_req, res, error) =>
              error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') ?? false },
          },
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
