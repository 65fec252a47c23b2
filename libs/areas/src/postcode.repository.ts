import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { LatLng } from '@kith/platform';
import type { PostcodePoint } from './postcode-file';

export interface PostcodePlace {
  display: string;
  location: LatLng;
  /** The smallest imported area the postcode lies in, or null where Kith does not run. */
  areaId: string | null;
}

/** The `postcode` table (the areas lib's). */
@Injectable()
export class PostcodeRepository {
  constructor(private readonly db: Db) {}

  async place(key: string): Promise<PostcodePlace | undefined> {
    const [row] = await this.db.query<{
      display: string;
      lat: number;
      lng: number;
      areaId: string | null;
    }>(
      `SELECT display, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng,
              area_at(location::geometry) AS "areaId"
         FROM postcode WHERE postcode = $1`,
      [key],
    );
    return (
      row && { display: row.display, location: { lat: row.lat, lng: row.lng }, areaId: row.areaId }
    );
  }

  /** Inserts or moves a batch; returns how many were new. */
  async upsert(batch: readonly PostcodePoint[]): Promise<number> {
    const rows = await this.db.query<{ inserted: boolean }>(
      `INSERT INTO postcode (postcode, display, location)
       SELECT p.key, p.display, ST_SetSRID(ST_MakePoint(p.lng, p.lat), 4326)::geography
         FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS p(key, display, lat, lng)
       ON CONFLICT (postcode) DO UPDATE SET display = EXCLUDED.display, location = EXCLUDED.location
       RETURNING (xmax = 0) AS inserted`,
      [
        batch.map((p) => p.key),
        batch.map((p) => p.display),
        batch.map((p) => p.lat),
        batch.map((p) => p.lng),
      ],
    );
    return rows.filter((row) => row.inserted).length;
  }
}
