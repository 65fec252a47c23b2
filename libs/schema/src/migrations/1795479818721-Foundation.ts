import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Platform (outbox), areas and identity: the schema every later migration builds on. */
export class Foundation1795479818721 implements MigrationInterface {
  name = 'Foundation1795479818721';

  async up(queryRunner: QueryRunner): Promise<void> {
    // PostGIS for boundaries and locations; gen_random_uuid() is built into Postgres 13+.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS postgis`);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_outbox_job_id" ON "outbox" ("job_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_due" ON "outbox" ("available_at") WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "area" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name" text NOT NULL, "kind" text NOT NULL, "parent_id" uuid, "boundary" geometry(MultiPolygon,4326) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_39d5e4de490139d6535d75f42ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_area_code" ON "area" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_area_parent_id" ON "area" ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "ix_area_boundary" ON "area" USING GiST ("boundary") `);
    await queryRunner.query(
      `CREATE TABLE "person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5fdaf670315c4b7e70cce85daa3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_person_email" ON "person" ("email") `);
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('MEMBER', 'HELPER', 'COORDINATOR', 'COMMISSIONER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "role_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "role" "public"."role" NOT NULL, "area_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b9e50aafa723c536731c38529fb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_role_grant_area_id" ON "role_grant" ("area_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_role_grant_area" ON "role_grant" ("person_id", "role", "area_id") WHERE area_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_role_grant_everywhere" ON "role_grant" ("person_id", "role") WHERE area_id IS NULL`,
    );
    await queryRunner.query(
      `CREATE TABLE "sign_in_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "code_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "consumed_at" TIMESTAMP WITH TIME ZONE, "mail_sent_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_80e522b641e5908c185e75fc3b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_sign_in_code_email_created" ON "sign_in_code" ("email", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "auth_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_reason" text, CONSTRAINT "PK_19354ed146424a728c1112a8cbf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_auth_session_person_id" ON "auth_session" ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_token_session_id" ON "refresh_token" ("session_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_refresh_token_hash" ON "refresh_token" ("token_hash") `,
    );
    await queryRunner.query(
      `ALTER TABLE "area" ADD CONSTRAINT "fk_area_parent" FOREIGN KEY ("parent_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "fk_role_grant_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_grant" ADD CONSTRAINT "fk_role_grant_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "auth_session" ADD CONSTRAINT "fk_auth_session_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "fk_refresh_token_session" FOREIGN KEY ("session_id") REFERENCES "auth_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "refresh_token" DROP CONSTRAINT "fk_refresh_token_session"`,
    );
    await queryRunner.query(`ALTER TABLE "auth_session" DROP CONSTRAINT "fk_auth_session_person"`);
    await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "fk_role_grant_area"`);
    await queryRunner.query(`ALTER TABLE "role_grant" DROP CONSTRAINT "fk_role_grant_person"`);
    await queryRunner.query(`ALTER TABLE "area" DROP CONSTRAINT "fk_area_parent"`);
    await queryRunner.query(`DROP INDEX "public"."ux_refresh_token_hash"`);
    await queryRunner.query(`DROP INDEX "public"."ix_refresh_token_session_id"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."ix_auth_session_person_id"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sign_in_code_email_created"`);
    await queryRunner.query(`DROP TABLE "sign_in_code"`);
    await queryRunner.query(`DROP INDEX "public"."ux_role_grant_everywhere"`);
    await queryRunner.query(`DROP INDEX "public"."ux_role_grant_area"`);
    await queryRunner.query(`DROP INDEX "public"."ix_role_grant_area_id"`);
    await queryRunner.query(`DROP TABLE "role_grant"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP INDEX "public"."ux_person_email"`);
    await queryRunner.query(`DROP TABLE "person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_area_boundary"`);
    await queryRunner.query(`DROP INDEX "public"."ix_area_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."ux_area_code"`);
    await queryRunner.query(`DROP TABLE "area"`);
    await queryRunner.query(`DROP INDEX "public"."ix_outbox_due"`);
    await queryRunner.query(`DROP INDEX "public"."ux_outbox_job_id"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
  }
}
