import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CheckIns1795570000000 implements MigrationInterface {
  name = 'CheckIns1795570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "check_in_task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "area_id" uuid, "since" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "done_at" TIMESTAMP WITH TIME ZONE, "done_by" uuid, CONSTRAINT "PK_125817bc17c035e24795acdd6da" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_check_in_task_open" ON "check_in_task" ("area_id", "created_at") WHERE done_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_check_in_task_spell" ON "check_in_task" ("person_id", "since") `,
    );
    // Added in place: no rewrite of the nudge table (Postgres 12 and later allow it here).
    await queryRunner.query(`ALTER TYPE "public"."nudge_kind" ADD VALUE IF NOT EXISTS 'CHECK_IN'`);
    await queryRunner.query(
      `ALTER TABLE "check_in_task" ADD CONSTRAINT "fk_check_in_task_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "check_in_task" DROP CONSTRAINT "fk_check_in_task_person"`,
    );
    // An enum value cannot be dropped: the type is made again without it, and its nudges go.
    await queryRunner.query(`DELETE FROM "nudge" WHERE "kind" = 'CHECK_IN'`);
    await queryRunner.query(`ALTER TYPE "public"."nudge_kind" RENAME TO "nudge_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."nudge_kind" AS ENUM('SESSION_REMINDER', 'SESSION_CANCELLED', 'WAITLIST_PROMOTED', 'FIRST_VISIT_SUPPORT', 'FOLLOW_UP', 'RE_ENGAGE', 'INTRODUCTION_RECEIVED', 'INTRODUCTION_ACCEPTED', 'ASSIGNMENT_OFFERED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_COMPLETED', 'DBS_EXPIRING', 'SURVEY_DUE')`,
    );
    await queryRunner.query(
      `ALTER TABLE "nudge" ALTER COLUMN "kind" TYPE "public"."nudge_kind" USING "kind"::"text"::"public"."nudge_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."nudge_kind_old"`);
    await queryRunner.query(`DROP INDEX "public"."ux_check_in_task_spell"`);
    await queryRunner.query(`DROP INDEX "public"."ix_check_in_task_open"`);
    await queryRunner.query(`DROP TABLE "check_in_task"`);
  }
}
