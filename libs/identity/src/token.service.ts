import { createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DomainError, KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';

export interface AccessClaims {
  personId: string;
  sessionId: string;
}

interface JwtClaims {
  sub: string;
  sid: string;
  typ: string;
  exp: number;
}

const ISSUER = 'kith';

function isJwtClaims(value: unknown): value is JwtClaims {
  if (typeof value !== 'object' || value === null) return false;
  const claims = value as Record<string, unknown>;
  // A token without an expiry would work for ever: ours always carry one, so one without is forged.
  return (
    typeof claims.sub === 'string' &&
    typeof claims.sid === 'string' &&
    claims.typ === 'access' &&
    typeof claims.exp === 'number'
  );
}

/** Short-lived signed access tokens (HS256), naming the person and the signed-in session. */
@Injectable()
export class TokenService {
  // The secret as a key object, made once: given a string, jsonwebtoken first tries to parse it
  // as a public key on every verify, and that failed parse cost 5 % of the API's CPU under load.
  private readonly jwt: JwtService;

  constructor(@Inject(KITH_CONFIG) private readonly config: KithConfig) {
    this.jwt = new JwtService({ secret: createSecretKey(Buffer.from(config.auth.jwtSecret)) });
  }

  /**
   * `issuedAt` fixes the token's iat (and so its exp): the same claims and time give the same token,
   * which lets a refresh retried within the reuse interval get the very pair the first one got.
   */
  issueAccessToken(claims: AccessClaims, issuedAt: Date): string {
    return this.jwt.sign(
      {
        sub: claims.personId,
        sid: claims.sessionId,
        typ: 'access',
        iat: Math.floor(issuedAt.getTime() / 1000),
      },
      {
        algorithm: 'HS256',
        expiresIn: this.config.auth.accessTokenTtlSeconds,
        issuer: ISSUER,
      },
    );
  }

  verifyAccessToken(token: string): AccessClaims {
    let decoded: unknown;
    try {
      decoded = this.jwt.verify(token, {
        algorithms: ['HS256'],
        issuer: ISSUER,
      });
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw DomainError.unauthenticated(
        expired
          ? 'Your access token has expired; refresh the session'
          : 'The access token is not valid',
      );
    }
    if (!isJwtClaims(decoded)) throw DomainError.unauthenticated('The access token is not valid');
    return { personId: decoded.sub, sessionId: decoded.sid };
  }
}
