import { createParamDecorator } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Loaders } from './loaders';

export const RequestLoaders = createParamDecorator(
  (_: unknown, context: ExecutionContext): Loaders =>
    GqlExecutionContext.create(context).getContext<{ loaders: Loaders }>().loaders,
);
