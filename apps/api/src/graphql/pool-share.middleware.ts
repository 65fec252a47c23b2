import { Inject, Injectable } from '@nestjs/common';
import type { NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Db, KITH_CONFIG, PoolShare } from '@kith/platform';
import type { KithConfig } from '@kith/platform';

/** Each request runs with its own bounded share of the database pool. */
@Injectable()
export class PoolShareMiddleware implements NestMiddleware {
  constructor(
    private readonly db: Db,
    @Inject(KITH_CONFIG) private readonly config: KithConfig,
  ) {}

  use(_req: Request, _res: Response, next: NextFunction): void {
    this.db.withShare(new PoolShare(this.config.database.requestConnections), () => next());
  }
}
