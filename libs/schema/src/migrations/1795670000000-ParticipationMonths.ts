import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The participation rollups by month as well as by day (reports cover whole months), first-timers
 * by month with their days from joining (a histogram, for exact medians), each member's reach
 * (exact distinct participants over any run of months), each participant's age band, and an
 * index on when people joined. Worked out by the rebuild job where attendance is already recorded.
 */
export class ParticipationMonths1795670000000 implements MigrationInterface {
  name = 'ParticipationMonths1795670000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "participation_month" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_4f701e246ec4bb04dc5aa31a5f8" PRIMARY KEY ("month", "area_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_month_interest" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_72fe8c65b8d0a7b2a35831e5db4" PRIMARY KEY ("month", "area_id", "interest_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participant_first" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "days" integer NOT NULL, "first_timers" integer NOT NULL DEFAULT '0', "returned" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_2b450e00a5f5f1197f69b9a2b56" PRIMARY KEY ("month", "area_id", "days"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participant_interest_first" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "first_timers" integer NOT NULL DEFAULT '0', "returned" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_1cad09d64a17099e30a6707ccc5" PRIMARY KEY ("month", "area_id", "interest_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participant_reach" ("start_month" integer NOT NULL, "area_id" uuid NOT NULL, "age_band" text NOT NULL, "next_month" integer NOT NULL, "people" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_7a0d13daea8ba60676b4a9147a8" PRIMARY KEY ("start_month", "area_id", "age_band", "next_month"))`,
    );
    await queryRunner.query(`ALTER TABLE "participant" ADD "age_band" text`);
    await queryRunner.query(`CREATE INDEX "ix_person_created_at" ON "person" ("created_at") `);
    await queryRunner.query(
      `INSERT INTO job (job_name, job_id, payload)
       SELECT 'rebuild-participation-rollups', 'rebuild-participation-rollups-ParticipationMonths1795670000000', '{}'
        WHERE EXISTS (SELECT 1 FROM booking WHERE status = 'ATTENDED')
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_person_created_at"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "age_band"`);
    await queryRunner.query(`DROP TABLE "participant_reach"`);
    await queryRunner.query(`DROP TABLE "participant_interest_first"`);
    await queryRunner.query(`DROP TABLE "participant_first"`);
    await queryRunner.query(`DROP TABLE "participation_month_interest"`);
    await queryRunner.query(`DROP TABLE "participation_month"`);
  }
}
