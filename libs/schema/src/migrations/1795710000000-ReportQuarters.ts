import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A closed quarter's tables of who took part, kept as first published (reporting). */
export class ReportQuarters1795710000000 implements MigrationInterface {
  name = 'ReportQuarters1795710000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_quarter" ("area_id" uuid NOT NULL, "quarter_from" TIMESTAMP WITH TIME ZONE NOT NULL, "imd_version" text NOT NULL, "part" text NOT NULL, "tables" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_67ce410912e502414f59e40e290" PRIMARY KEY ("area_id", "quarter_from", "imd_version", "part"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_quarter"`);
  }
}
