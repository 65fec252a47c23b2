import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { languageFrom } from '@kith/platform';
import type { Language } from '@kith/platform';
import type { Request } from 'express';

/**
 * The language the caller reads (their Accept-Language: the member app sends the language the
 * member chose): catalogue labels come back in it.
 */
export const ReaderLanguage = createParamDecorator((_: unknown, context: ExecutionContext) => {
  // Read once a request: every label of a long list asks.
  const req = GqlExecutionContext.create(context).getContext<{
    req: Request & { readerLanguage?: Language };
  }>().req;
  req.readerLanguage ??= languageFrom(req.headers['accept-language']);
  return req.readerLanguage;
});
