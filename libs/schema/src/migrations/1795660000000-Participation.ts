import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Participation rollups, kept by the reporting lib as attendance is recorded: per session what
 * it gave, per day and area (and interest) sessions held and attendances, per member their
 * months of attendance, and exact distinct participants per month and area. A database with
 * attendance already recorded gets a job that works them all out from it.
 */
export class Participation1795660000000 implements MigrationInterface {
  name = 'Participation1795660000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "participation_session" ("session_id" uuid NOT NULL, "day" date NOT NULL, "venue_area_id" uuid NOT NULL, "interest_ids" uuid array NOT NULL DEFAULT '{}', "held" boolean NOT NULL, "by_area" jsonb NOT NULL DEFAULT '{}', CONSTRAINT "PK_cc63b7b84537c0fe6c05d32dcd3" PRIMARY KEY ("session_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_day" ("day" date NOT NULL, "area_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_283297ab2379c2e9fb61dd086a3" PRIMARY KEY ("day", "area_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_day_interest" ("day" date NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_65962ab317da0eca218ecde5af9" PRIMARY KEY ("day", "area_id", "interest_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participant" ("person_id" uuid NOT NULL, "area_id" uuid, "lsoa_code" text, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL, "first_at" TIMESTAMP WITH TIME ZONE NOT NULL, "second_at" TIMESTAMP WITH TIME ZONE, "months" integer array NOT NULL, "active_month3" boolean NOT NULL, "active_month6" boolean NOT NULL, CONSTRAINT "PK_9c8a5f58ec2d45e461968033f39" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_participant_area_first" ON "participant" ("area_id", "first_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "participant_interest" ("person_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "area_id" uuid, "first_at" TIMESTAMP WITH TIME ZONE NOT NULL, "second_at" TIMESTAMP WITH TIME ZONE, "months" integer array NOT NULL, CONSTRAINT "PK_929111c6d4c11057fa52a9b84e3" PRIMARY KEY ("person_id", "interest_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_participant_interest_area" ON "participant_interest" ("area_id", "interest_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "participant_month" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "participants" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ceafb62868b672402a59b977fd4" PRIMARY KEY ("month", "area_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participant_interest_month" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "participants" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_59232d13343050c248e6c50af35" PRIMARY KEY ("month", "area_id", "interest_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO job (job_name, job_id, payload)
       SELECT 'rebuild-participation-rollups', 'rebuild-participation-rollups-Participation1795660000000', '{}'
        WHERE EXISTS (SELECT 1 FROM booking WHERE status = 'ATTENDED')
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "participant_interest_month"`);
    await queryRunner.query(`DROP TABLE "participant_month"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participant_interest_area"`);
    await queryRunner.query(`DROP TABLE "participant_interest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_participant_area_first"`);
    await queryRunner.query(`DROP TABLE "participant"`);
    await queryRunner.query(`DROP TABLE "participation_day_interest"`);
    await queryRunner.query(`DROP TABLE "participation_day"`);
    await queryRunner.query(`DROP TABLE "participation_session"`);
  }
}
