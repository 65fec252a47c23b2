import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { AreaFeature } from './area-import';

export interface AreaRow {
  id: string;
  code: string;
  name: string;
  kind: string;
  parentId: string | null;
}

const AREA_COLUMNS = `id, code, name, kind, parent_id AS "parentId"`;

@Injectable()
export class AreaRepository {
  constructor(private readonly db: Db) {}

  list(): Promise<AreaRow[]> {
    return this.db.query<AreaRow>(`SELECT ${AREA_COLUMNS} FROM area ORDER BY kind, name`);
  }

  byIds(ids: readonly string[]): Promise<AreaRow[]> {
    return this.db.query<AreaRow>(`SELECT ${AREA_COLUMNS} FROM area WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
  }

  async byCode(code: string): Promise<AreaRow | undefined> {
    const [row] = await this.db.query<AreaRow>(`SELECT ${AREA_COLUMNS} FROM area WHERE code = $1`, [
      code,
    ]);
    return row;
  }

  /**
   * Inserts or replaces areas by code. Boundaries are repaired (ST_MakeValid), reduced to
   * their polygons and stored as WGS84 multipolygons whatever projection the file used.
   */
  async upsert(kind: string, srid: number, areas: AreaFeature[]): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `INSERT INTO area (code, name, kind, boundary)
       SELECT f.code, f.name, $1,
              ST_Multi(ST_CollectionExtract(ST_MakeValid(
                ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(f.geometry), $2::int), 4326)), 3))
         FROM jsonb_to_recordset($3::jsonb) AS f(code text, name text, geometry jsonb)
       ON CONFLICT (code) DO UPDATE
         SET name = EXCLUDED.name, kind = EXCLUDED.kind, boundary = EXCLUDED.boundary
       RETURNING id`,
      [kind, srid, JSON.stringify(areas)],
    );
    return rows.map((row) => row.id);
  }

  /**
   * Places each given area inside the smallest area of another kind that contains a point on
   * its surface (a ward inside its borough).
   */
  async assignParents(ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE area AS child
          SET parent_id = (
            SELECT parent.id FROM area AS parent
             WHERE parent.kind <> child.kind
               AND ST_Contains(parent.boundary, ST_PointOnSurface(child.boundary))
               AND ST_Area(parent.boundary) > ST_Area(child.boundary)
             ORDER BY ST_Area(parent.boundary)
             LIMIT 1)
        WHERE child.id = ANY($1::uuid[])`,
      [ids],
    );
    // Areas already there whose new parent may have just arrived (boroughs imported after wards).
    await this.db.query(
      `UPDATE area AS child
          SET parent_id = parent.id
         FROM area AS parent
        WHERE parent.id = ANY($1::uuid[])
          AND child.parent_id IS NULL
          AND parent.kind <> child.kind
          AND ST_Contains(parent.boundary, ST_PointOnSurface(child.boundary))
          AND ST_Area(parent.boundary) > ST_Area(child.boundary)`,
      [ids],
    );
  }

  /** The area and every area inside it, at any depth. */
  async withDescendants(areaId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `WITH RECURSIVE tree AS (
         SELECT id FROM area WHERE id = $1
         UNION
         SELECT area.id FROM area JOIN tree ON area.parent_id = tree.id)
       SELECT id FROM tree`,
      [areaId],
    );
    return rows.map((row) => row.id);
  }
}
