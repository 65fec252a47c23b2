import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Nudges1795550000000 implements MigrationInterface {
  name = 'Nudges1795550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."nudge_channel" AS ENUM('INBOX', 'EMAIL', 'PUSH', 'SMS')`,
    );
    await queryRunner.query(
      `CREATE TABLE "nudge_preferences" ("person_id" uuid NOT NULL, "channels" "public"."nudge_channel" array NOT NULL, "quiet_start" smallint NOT NULL, "quiet_end" smallint NOT NULL, "weekly_limit" smallint NOT NULL, "paused_until" TIMESTAMP WITH TIME ZONE, "language" text NOT NULL, "digest_at" smallint, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_nudge_preferences_limit" CHECK (weekly_limit BETWEEN 0 AND 50), CONSTRAINT "ck_nudge_preferences_minutes" CHECK (quiet_start BETWEEN 0 AND 1439 AND quiet_end BETWEEN 0 AND 1439 AND (digest_at IS NULL OR digest_at BETWEEN 0 AND 1439)), CONSTRAINT "ck_nudge_preferences_quiet" CHECK (quiet_start <> quiet_end), CONSTRAINT "PK_3b9a10d8270ef083302123a861a" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."nudge_kind" AS ENUM('SESSION_REMINDER', 'SESSION_CANCELLED', 'WAITLIST_PROMOTED', 'FIRST_VISIT_SUPPORT', 'FOLLOW_UP', 'RE_ENGAGE', 'INTRODUCTION_RECEIVED', 'INTRODUCTION_ACCEPTED', 'ASSIGNMENT_OFFERED', 'ASSIGNMENT_ACCEPTED', 'ASSIGNMENT_COMPLETED', 'DBS_EXPIRING', 'SURVEY_DUE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."nudge_status" AS ENUM('PENDING', 'SENT', 'SKIPPED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "nudge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "kind" "public"."nudge_kind" NOT NULL, "key" text NOT NULL, "status" "public"."nudge_status" NOT NULL DEFAULT 'PENDING', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "sent_at" TIMESTAMP WITH TIME ZONE, "skip_reason" text, "title" text NOT NULL, "body" text NOT NULL, "link_screen" text, "link_id" uuid, "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_006eb1e376b9edfd82b483e312f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_nudge_due" ON "nudge" ("due_at") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_nudge_inbox" ON "nudge" ("person_id", "sent_at") WHERE status = 'SENT'`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_nudge_key" ON "nudge" ("key") `);
    await queryRunner.query(
      `CREATE TYPE "public"."device_platform" AS ENUM('IOS', 'ANDROID', 'WEB')`,
    );
    await queryRunner.query(
      `CREATE TABLE "device" ("token" text NOT NULL, "person_id" uuid NOT NULL, "platform" "public"."device_platform" NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6182945bab989e0c4a2218e4993" PRIMARY KEY ("token"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_device_person_id" ON "device" ("person_id") `);
    await queryRunner.query(
      `ALTER TABLE "nudge_preferences" ADD CONSTRAINT "fk_nudge_preferences_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "nudge" ADD CONSTRAINT "fk_nudge_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "device" ADD CONSTRAINT "fk_device_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "device" DROP CONSTRAINT "fk_device_person"`);
    await queryRunner.query(`ALTER TABLE "nudge" DROP CONSTRAINT "fk_nudge_person"`);
    await queryRunner.query(
      `ALTER TABLE "nudge_preferences" DROP CONSTRAINT "fk_nudge_preferences_person"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_device_person_id"`);
    await queryRunner.query(`DROP TABLE "device"`);
    await queryRunner.query(`DROP TYPE "public"."device_platform"`);
    await queryRunner.query(`DROP INDEX "public"."ux_nudge_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_nudge_inbox"`);
    await queryRunner.query(`DROP INDEX "public"."ix_nudge_due"`);
    await queryRunner.query(`DROP TABLE "nudge"`);
    await queryRunner.query(`DROP TYPE "public"."nudge_status"`);
    await queryRunner.query(`DROP TYPE "public"."nudge_kind"`);
    await queryRunner.query(`DROP TABLE "nudge_preferences"`);
    await queryRunner.query(`DROP TYPE "public"."nudge_channel"`);
  }
}
