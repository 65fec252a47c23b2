import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { TieSource } from './network.entities';

/** The `tie` table: each pair stored once, lower id first, per source. */
@Injectable()
export class TieRepository {
  constructor(private readonly db: Db) {}

  async tied(a: string, b: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM tie WHERE person_a = LEAST($1::uuid, $2::uuid) AND person_b = GREATEST($1::uuid, $2::uuid) LIMIT 1`,
      [a, b],
    );
    return rows.length > 0;
  }

  async add(a: string, b: string, source: TieSource): Promise<void> {
    await this.db.query(
      `INSERT INTO tie (person_a, person_b, source) VALUES (LEAST($1::uuid, $2::uuid), GREATEST($1::uuid, $2::uuid), $3) ON CONFLICT DO NOTHING`,
      [a, b, source],
    );
  }
}
