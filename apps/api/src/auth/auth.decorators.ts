import { createParamDecorator, SetMetadata } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Principal, Role } from '@kith/identity';
import type { RequestWithPrincipal } from './request';

export const PUBLIC_KEY = 'kith:public';
export const ROLES_KEY = 'kith:roles';

/** Opens an operation to callers who are not signed in. Everything else is closed. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller needs one of these roles (somewhere; services check the area). */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal => {
    const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
    if (!req.principal)
      throw new Error('CurrentPrincipal used on an operation the guard did not authenticate');
    return req.principal;
  },
);

export const ClientIp = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
});
