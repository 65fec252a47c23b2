import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Server } from 'node:http';
import { KITH_CONFIG } from '@kith/platform';
import type { KithConfig } from '@kith/platform';

/**
 * Where a link Kith hands out points: PUBLIC_URL (required in production), or outside production
 * the address this server listens on. Never the request's Host or X-Forwarded-Host header, which
 * the caller writes: `Host: evil.example` would otherwise send a report link, and the signature
 * in it, wherever they like.
 */
@Injectable()
export class PublicUrl {
  constructor(
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
    private readonly http: HttpAdapterHost,
  ) {}

  /** `path` (from the root, e.g. /reports/…) as a full URL. */
  of(path: string): string {
    return `${this.config.publicUrl ?? this.listening()}${path}`;
  }

  private listening(): string {
    const server = this.http.httpAdapter.getHttpServer() as Server;
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : this.config.port;
    const host = typeof address === 'object' && address ? address.address : undefined;
    // Listening on every interface (as `npm run start:api` does): this machine's name for itself.
    if (!host || host === '::' || host === '0.0.0.0') return `http://localhost:${port}`;
    return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  }
}
