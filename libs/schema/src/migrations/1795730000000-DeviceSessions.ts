import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A device remembers the signed-in session that registered it, and goes with that session (its
 * sign-out, through the outbox; and a session deleted with its person); and a nudge kind tells a
 * person their device now gets someone else's notifications.
 */
export class DeviceSessions1795730000000 implements MigrationInterface {
  name = 'DeviceSessions1795730000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Devices registered before say of no session, so none can be told to stop at a sign-out:
    // they are forgotten, and the app registers again at its next start, through its session.
    await queryRunner.query(`ALTER TABLE "device" ADD "auth_session_id" uuid`);
    await queryRunner.query(`DELETE FROM "device"`);
    await queryRunner.query(
      `CREATE INDEX "ix_device_auth_session_id" ON "device" ("auth_session_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "fk_device_auth_session" FOREIGN KEY ("auth_session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Added in place: no rewrite of the nudge table.
    await queryRunner.query(
      `ALTER TYPE "public"."nudge_kind" ADD VALUE IF NOT EXISTS 'DEVICE_REASSIGNED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // An enum value cannot be dropped: the type is made again without it, and its nudges go.
    await queryRunner.query(`DELETE FROM "nudge" WHERE "kind" = 'DEVICE_REASSIGNED'`);
    await queryRunner.query(`ALTER TYPE "public"."nudge_kind" RENAME TO "nudge_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."nudge_kind" AS ENUM('SESSION_REMINDER', 'SESSION_CANCELLED', 'WAITLIST_PROMOTED', 'FIRST_VISIT_SUPPORT', 'FOLLOW_UP', 'RE_ENGAGE', 'INTRODUCTION_RECEIVED', 'INTRODUCTION_ACCEPTED', 'ASSIGNMENT_OFFERED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_COMPLETED', 'DBS_EXPIRING', 'SURVEY_DUE', 'CHECK_IN')`,
    );
    await queryRunner.query(
      `ALTER TABLE "nudge" ALTER COLUMN "kind" TYPE "public"."nudge_kind" USING "kind"::"text"::"public"."nudge_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."nudge_kind_old"`);
    await queryRunner.query(`ALTER TABLE "device" DROP CONSTRAINT "fk_device_auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_device_auth_session_id"`);
    await queryRunner.query(`ALTER TABLE "device" DROP COLUMN "auth_session_id"`);
  }
}
