import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * area_at(point): the smallest area containing a point (its ward), or NULL. One definition for
 * every place that locates a home, a venue or a helper's base, instead of the same subquery in each.
 */
export class AreaAt1795488000000 implements MigrationInterface {
  name = 'AreaAt1795488000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION area_at(point geometry) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT id FROM area WHERE ST_Contains(boundary, ST_SetSRID(point, 4326)) ORDER BY ST_Area(boundary) LIMIT 1
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION area_at(geometry)`);
  }
}
