import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The reach of each equality monitoring answer, so a report counts the period's participants
 * by their answers without reading every participant; each participant row keeps the answers it
 * gave. Worked out by the rebuild job where attendance is already recorded.
 */
export class AnswerReach1795700000000 implements MigrationInterface {
  name = 'AnswerReach1795700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "participant_answer_reach" ("start_month" integer NOT NULL, "area_id" uuid NOT NULL, "question" text NOT NULL, "answer" text NOT NULL, "next_month" integer NOT NULL, "people" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_9880bef5c413d66e994cdf0fa22" PRIMARY KEY ("start_month", "area_id", "question", "answer", "next_month"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD "answers" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `INSERT INTO job (job_name, job_id, payload)
       SELECT 'rebuild-participation-rollups', 'rebuild-participation-rollups-AnswerReach1795700000000', '{}'
        WHERE EXISTS (SELECT 1 FROM booking WHERE status = 'ATTENDED')
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "answers"`);
    await queryRunner.query(`DROP TABLE "participant_answer_reach"`);
  }
}
