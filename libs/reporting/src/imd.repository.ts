import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { ImdRow } from './imd-file';

/** The `imd_decile` table (the reporting lib's), and the LSOAs it must name (areas'). */
@Injectable()
export class ImdRepository {
  constructor(private readonly db: Db) {}

  /** The codes given that are no imported LSOA's, in the order given. */
  async unknownLsoas(codes: readonly string[]): Promise<string[]> {
    const rows = await this.db.query<{ code: string }>(
      `SELECT c.code FROM unnest($1::text[]) WITH ORDINALITY AS c(code, i)
        WHERE NOT EXISTS (SELECT 1 FROM area a WHERE a.code = c.code AND a.kind = 'lsoa')
        ORDER BY c.i`,
      [codes],
    );
    return rows.map((r) => r.code);
  }

  /** The release's deciles, all of them anew: what an earlier import of it held is replaced. */
  async replace(version: string, rows: readonly ImdRow[]): Promise<{ replaced: number }> {
    const gone = await this.db.query(`DELETE FROM imd_decile WHERE version = $1 RETURNING 1`, [
      version,
    ]);
    for (let i = 0; i < rows.length; i += 10_000) {
      const batch = rows.slice(i, i + 10_000);
      await this.db.query(
        `INSERT INTO imd_decile (version, lsoa_code, decile)
         SELECT $1, code, decile FROM unnest($2::text[], $3::smallint[]) AS r(code, decile)`,
        [version, batch.map((r) => r.lsoaCode), batch.map((r) => r.decile)],
      );
    }
    return { replaced: gone.length };
  }
}
