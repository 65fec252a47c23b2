import { Catch, HttpException, Logger } from '@nestjs/common';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode } from '@kith/platform';
import { httpStatusOf } from './http-status';

const CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  413: ErrorCode.BAD_USER_INPUT,
  415: ErrorCode.BAD_USER_INPUT,
  429: ErrorCode.RATE_LIMITED,
};

/**
 * The HTTP status an error carries: a domain error's by its code (a REST endpoint such as
 * /reports), Nest's own, or body-parser's (`status` on http-errors).
 */
function statusOf(error: unknown): number {
  if (error instanceof DomainError) return httpStatusOf(error.code);
  if (error instanceof HttpException) return error.getStatus();
  const status =
    typeof error === 'object' && error !== null
      ? (error as { status?: unknown }).status
      : undefined;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/**
 * Errors raised before GraphQL runs (malformed JSON, a body too large) answer /graphql in the
 * GraphQL shape with a contract code, so clients parse one kind of error. GraphQL errors are
 * formatted by formatGraphQLError; other paths get a plain JSON body. Nothing internal leaks.
 */
@Catch()
export class GraphQLHttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrors');

  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const status = statusOf(exception);
    if (status >= 500)
      this.logger.error({ err: exception, path: req.path }, 'unexpected error in an HTTP request');
    const message =
      status >= 500
        ? 'Something went wrong on our side'
        : exception instanceof Error
          ? exception.message
          : 'Bad request';
    if (!req.path.startsWith('/graphql')) {
      res
        .status(status)
        .json(
          exception instanceof HttpException && status < 500
            ? exception.getResponse()
            : exception instanceof DomainError && status < 500
              ? { statusCode: status, code: exception.code, message, fields: exception.fields }
              : { statusCode: status, message },
        );
      return undefined;
    }
    const code =
      CODES[status] ?? (status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT);
    res.status(status).json({
      errors: [
        {
          message: status === 400 ? `The request body is not valid JSON: ${message}` : message,
          extensions: {
            code,
            ...(code === ErrorCode.BAD_USER_INPUT ? { fields: [{ path: 'body', message }] } : {}),
          },
        },
      ],
    });
    return undefined;
  }
}
