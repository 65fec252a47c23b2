import { Injectable } from '@nestjs/common';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GqlContextType } from '@nestjs/graphql';
import { SignInService } from '@kith/identity';
import type { Role } from '@kith/identity';
import { DomainError } from '@kith/platform';
import { PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { RequestWithPrincipal } from './request';

/**
 * Deny by default: every operation needs a live signed-in session unless marked @Public, and
 * the roles named by @Roles. Applied globally, so a new resolver is closed until opened.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly signIn: SignInService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (context.getType<GqlContextType>() !== 'graphql') throw DomainError.unauthenticated();

    const req = GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
    if (!req.principal) {
      const header = req.headers.authorization;
      const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
      if (!token) throw DomainError.unauthenticated();
      req.principal = await this.signIn.principalFor(token);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !req.principal.roles.some((grant) => roles.includes(grant.role))) {
      throw DomainError.forbidden(`This needs the ${roles.join(' or ')} role`);
    }
    return true;
  }
}
