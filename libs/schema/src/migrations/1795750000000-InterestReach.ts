import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each member's reach per interest (as participant_reach), with the sum of record keys: what a
 * report's participants by interest over a period are summed from, without reading every
 * participant. Worked out by the rebuild job where attendance is already recorded.
 */
export class InterestReach1795750000000 implements MigrationInterface {
  name = 'InterestReach1795750000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "participant_interest_reach" ("start_month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "next_month" integer NOT NULL, "people" integer NOT NULL DEFAULT '0', "people_key" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_participant_interest_reach" PRIMARY KEY ("start_month", "area_id", "interest_id", "next_month"))`,
    );
    await queryRunner.query(
      `INSERT INTO job (job_name, job_id, payload)
       SELECT 'rebuild-participation-rollups', 'rebuild-participation-rollups-InterestReach1795750000000', '{}'
        WHERE EXISTS (SELECT 1 FROM booking WHERE status = 'ATTENDED')
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "participant_interest_reach"`);
  }
}
