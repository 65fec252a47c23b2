import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Helpers, vetting, help requests and assignments, the time-credit ledger, blocks, audit. */
export class Help1795484390364 implements MigrationInterface {
  name = 'Help1795484390364';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "skill" ("id" uuid NOT NULL, "slug" text NOT NULL, "label" text NOT NULL, CONSTRAINT "PK_a0d33334424e64fb78dc3ce7196" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_skill_slug" ON "skill" ("slug") `);
    await queryRunner.query(
      `CREATE TYPE "public"."helper_status" AS ENUM('PENDING', 'APPROVED', 'SUSPENDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "helper_profile" ("person_id" uuid NOT NULL, "base" geography(Point,4326) NOT NULL, "base_area_id" uuid, "travel_radius_metres" integer NOT NULL, "max_minutes_per_week" integer, "status" "public"."helper_status" NOT NULL DEFAULT 'PENDING', "dbs_checked_on" date, "dbs_expires_on" date, "availability" jsonb NOT NULL DEFAULT '[]', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_helper_profile_dbs" CHECK (dbs_expires_on IS NULL OR dbs_checked_on IS NULL OR dbs_expires_on > dbs_checked_on), CONSTRAINT "ck_helper_profile_weekly" CHECK (max_minutes_per_week IS NULL OR max_minutes_per_week BETWEEN 15 AND 3000), CONSTRAINT "ck_helper_profile_radius" CHECK (travel_radius_metres BETWEEN 100 AND 50000), CONSTRAINT "PK_20f6f9194e137324bfa0e752f2f" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_helper_profile_base" ON "helper_profile" USING GiST ("base") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_helper_profile_base_area_id" ON "helper_profile" ("base_area_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "helper_skill" ("person_id" uuid NOT NULL, "skill_id" uuid NOT NULL, CONSTRAINT "PK_e91f25fc411b63ca8f721f98656" PRIMARY KEY ("person_id", "skill_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_helper_skill_skill_id" ON "helper_skill" ("skill_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."help_request_status" AS ENUM('OPEN', 'ASSIGNED', 'ACCEPTED', 'DONE', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "help_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "member_id" uuid NOT NULL, "skill_id" uuid NOT NULL, "description" text NOT NULL, "duration_minutes" integer NOT NULL, "at_home" boolean NOT NULL, "preferred_windows" jsonb NOT NULL DEFAULT '[]', "session_id" uuid, "area_id" uuid, "status" "public"."help_request_status" NOT NULL DEFAULT 'OPEN', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_help_request_duration" CHECK (duration_minutes BETWEEN 15 AND 600), CONSTRAINT "PK_166d671334639318e1d6fc6cb8d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_help_request_member_id" ON "help_request" ("member_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_help_request_area_id" ON "help_request" ("area_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."assignment_status" AS ENUM('OFFERED', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'WITHDRAWN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "help_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "request_id" uuid NOT NULL, "helper_id" uuid NOT NULL, "assigned_by" uuid NOT NULL, "status" "public"."assignment_status" NOT NULL DEFAULT 'OFFERED', "minutes" integer, "rating" smallint, "rating_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ck_help_assignment_rating" CHECK (rating IS NULL OR rating BETWEEN 1 AND 5), CONSTRAINT "ck_help_assignment_minutes" CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 600), CONSTRAINT "PK_e841fcace0a7843e2e04d2dd2bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_help_assignment_helper_id" ON "help_assignment" ("helper_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_help_assignment_live" ON "help_assignment" ("request_id") WHERE status IN ('OFFERED', 'ACCEPTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "time_credit_account" ("person_id" uuid NOT NULL, "balance_minutes" integer NOT NULL DEFAULT '0', "floor_minutes" integer NOT NULL, CONSTRAINT "ck_time_credit_account_floor" CHECK (balance_minutes >= floor_minutes), CONSTRAINT "PK_5555fa598069c3731250b9ca8f5" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "time_credit_transfer" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "key" text NOT NULL, "reason" text NOT NULL, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d692ce328cc3e2fce44c9f20fd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_time_credit_transfer_key" ON "time_credit_transfer" ("key") `,
    );
    await queryRunner.query(
      `CREATE TABLE "time_credit_entry" ("id" BIGSERIAL NOT NULL, "transfer_id" uuid NOT NULL, "person_id" uuid NOT NULL, "minutes" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8aedc5e835df117d2d050ca3604" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_time_credit_entry_transfer_id" ON "time_credit_entry" ("transfer_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_time_credit_entry_account" ON "time_credit_entry" ("person_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "block" ("blocker_id" uuid NOT NULL, "blocked_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d6e4d973f33caffa86b358e5c7" PRIMARY KEY ("blocker_id", "blocked_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_block_blocked_id" ON "block" ("blocked_id") `);
    await queryRunner.query(
      `CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "actor_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_id" text NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_log_subject" ON "audit_log" ("subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_profile" ADD CONSTRAINT "fk_helper_profile_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_profile" ADD CONSTRAINT "fk_helper_profile_base_area" FOREIGN KEY ("base_area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_skill" ADD CONSTRAINT "fk_helper_skill_helper" FOREIGN KEY ("person_id") REFERENCES "helper_profile"("person_id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_skill" ADD CONSTRAINT "fk_helper_skill_skill" FOREIGN KEY ("skill_id") REFERENCES "skill"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_request" ADD CONSTRAINT "fk_help_request_member" FOREIGN KEY ("member_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_request" ADD CONSTRAINT "fk_help_request_skill" FOREIGN KEY ("skill_id") REFERENCES "skill"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_request" ADD CONSTRAINT "fk_help_request_session" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_request" ADD CONSTRAINT "fk_help_request_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_assignment" ADD CONSTRAINT "fk_help_assignment_request" FOREIGN KEY ("request_id") REFERENCES "help_request"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_assignment" ADD CONSTRAINT "fk_help_assignment_helper" FOREIGN KEY ("helper_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_assignment" ADD CONSTRAINT "fk_help_assignment_assigned_by" FOREIGN KEY ("assigned_by") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_credit_account" ADD CONSTRAINT "fk_time_credit_account_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_credit_entry" ADD CONSTRAINT "fk_time_credit_entry_transfer" FOREIGN KEY ("transfer_id") REFERENCES "time_credit_transfer"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_credit_entry" ADD CONSTRAINT "fk_time_credit_entry_account" FOREIGN KEY ("person_id") REFERENCES "time_credit_account"("person_id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "block" ADD CONSTRAINT "fk_block_blocker" FOREIGN KEY ("blocker_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "block" ADD CONSTRAINT "fk_block_blocked" FOREIGN KEY ("blocked_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // The skills as shipped on this date (libs/help/src/skills.ts); ids derive from slugs.
    await queryRunner.query(`
      INSERT INTO "skill" ("id", "slug", "label")
      SELECT md5('kith-skill:' || t.slug)::uuid, t.slug, t.label
        FROM (VALUES
         ('diy', 'Small DIY jobs'),
         ('changing-light-bulbs', 'Changing light bulbs and fuses'),
         ('putting-up-shelves', 'Putting up shelves and pictures'),
         ('furniture-assembly', 'Assembling furniture'),
         ('gardening', 'Gardening'),
         ('lawn-mowing', 'Mowing and weeding'),
         ('window-boxes', 'Window boxes and pots'),
         ('smartphone-help', 'Help with a smartphone or tablet'),
         ('computer-help', 'Help with a computer'),
         ('video-calls', 'Setting up video calls'),
         ('online-forms', 'Filling in forms online'),
         ('tv-setup', 'Setting up a TV or radio'),
         ('shopping', 'Shopping'),
         ('prescription-collection', 'Collecting prescriptions'),
         ('dog-walking', 'Dog walking'),
         ('pet-care', 'Looking after pets'),
         ('first-visit-company', 'Company on a first visit to an activity'),
         ('befriending', 'A friendly chat and a cup of tea'),
         ('accompanying-appointments', 'Going along to appointments'),
         ('letter-reading', 'Reading and writing letters'),
         ('cooking', 'Cooking a meal together'),
         ('decluttering', 'Sorting and decluttering'),
         ('bike-repair', 'Fixing a bike'),
         ('sewing-repairs', 'Sewing repairs'),
         ('recycling', 'Taking things to the tip or recycling')
        ) AS t(slug, label)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "block" DROP CONSTRAINT "fk_block_blocked"`);
    await queryRunner.query(`ALTER TABLE "block" DROP CONSTRAINT "fk_block_blocker"`);
    await queryRunner.query(
      `ALTER TABLE "time_credit_entry" DROP CONSTRAINT "fk_time_credit_entry_account"`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_credit_entry" DROP CONSTRAINT "fk_time_credit_entry_transfer"`,
    );
    await queryRunner.query(
      `ALTER TABLE "time_credit_account" DROP CONSTRAINT "fk_time_credit_account_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_assignment" DROP CONSTRAINT "fk_help_assignment_assigned_by"`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_assignment" DROP CONSTRAINT "fk_help_assignment_helper"`,
    );
    await queryRunner.query(
      `ALTER TABLE "help_assignment" DROP CONSTRAINT "fk_help_assignment_request"`,
    );
    await queryRunner.query(`ALTER TABLE "help_request" DROP CONSTRAINT "fk_help_request_area"`);
    await queryRunner.query(`ALTER TABLE "help_request" DROP CONSTRAINT "fk_help_request_session"`);
    await queryRunner.query(`ALTER TABLE "help_request" DROP CONSTRAINT "fk_help_request_skill"`);
    await queryRunner.query(`ALTER TABLE "help_request" DROP CONSTRAINT "fk_help_request_member"`);
    await queryRunner.query(`ALTER TABLE "helper_skill" DROP CONSTRAINT "fk_helper_skill_skill"`);
    await queryRunner.query(`ALTER TABLE "helper_skill" DROP CONSTRAINT "fk_helper_skill_helper"`);
    await queryRunner.query(
      `ALTER TABLE "helper_profile" DROP CONSTRAINT "fk_helper_profile_base_area"`,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_profile" DROP CONSTRAINT "fk_helper_profile_person"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_audit_log_subject"`);
    await queryRunner.query(`DROP TABLE "audit_log"`);
    await queryRunner.query(`DROP INDEX "public"."ix_block_blocked_id"`);
    await queryRunner.query(`DROP TABLE "block"`);
    await queryRunner.query(`DROP INDEX "public"."ix_time_credit_entry_account"`);
    await queryRunner.query(`DROP INDEX "public"."ix_time_credit_entry_transfer_id"`);
    await queryRunner.query(`DROP TABLE "time_credit_entry"`);
    await queryRunner.query(`DROP INDEX "public"."ux_time_credit_transfer_key"`);
    await queryRunner.query(`DROP TABLE "time_credit_transfer"`);
    await queryRunner.query(`DROP TABLE "time_credit_account"`);
    await queryRunner.query(`DROP INDEX "public"."ux_help_assignment_live"`);
    await queryRunner.query(`DROP INDEX "public"."ix_help_assignment_helper_id"`);
    await queryRunner.query(`DROP TABLE "help_assignment"`);
    await queryRunner.query(`DROP TYPE "public"."assignment_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_help_request_area_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_help_request_member_id"`);
    await queryRunner.query(`DROP TABLE "help_request"`);
    await queryRunner.query(`DROP TYPE "public"."help_request_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_helper_skill_skill_id"`);
    await queryRunner.query(`DROP TABLE "helper_skill"`);
    await queryRunner.query(`DROP INDEX "public"."ix_helper_profile_base_area_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_helper_profile_base"`);
    await queryRunner.query(`DROP TABLE "helper_profile"`);
    await queryRunner.query(`DROP TYPE "public"."helper_status"`);
    await queryRunner.query(`DROP INDEX "public"."ux_skill_slug"`);
    await queryRunner.query(`DROP TABLE "skill"`);
  }
}
