import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deprivation deciles by LSOA and release. LSOAs are areas too (import-areas --kind lsoa), for
 * reach by deprivation; they are statistical units, not places Kith is organised in, so
 * area_at (a home's ward) now passes them by.
 */
export class ImdDeciles1795650000000 implements MigrationInterface {
  name = 'ImdDeciles1795650000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION area_at(point geometry) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT id FROM area WHERE kind <> 'lsoa' AND ST_Contains(boundary, ST_SetSRID(point, 4326))
         ORDER BY ST_Area(boundary) LIMIT 1
      $$`);
    // Homes and helpers' bases placed in an LSOA before (were any imported as areas) go back
    // to their ward.
    await queryRunner.query(
      `UPDATE member_profile SET home_area_id = area_at(home::geometry)
        WHERE home IS NOT NULL AND home_area_id IN (SELECT id FROM area WHERE kind = 'lsoa')`,
    );
    await queryRunner.query(
      `UPDATE helper_profile SET base_area_id = area_at(base::geometry)
        WHERE base_area_id IN (SELECT id FROM area WHERE kind = 'lsoa')`,
    );
    await queryRunner.query(
      `CREATE TABLE "imd_decile" ("version" text NOT NULL, "lsoa_code" text NOT NULL, "decile" smallint NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_imd_decile_range" CHECK (decile BETWEEN 1 AND 10), CONSTRAINT "PK_411fc7b392d1084cc6ee5805349" PRIMARY KEY ("version", "lsoa_code"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "imd_decile"`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION area_at(point geometry) RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT id FROM area WHERE ST_Contains(boundary, ST_SetSRID(point, 4326)) ORDER BY ST_Area(boundary) LIMIT 1
      $$`);
  }
}
