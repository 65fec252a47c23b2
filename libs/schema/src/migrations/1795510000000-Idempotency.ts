import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Idempotency-Key answers, per caller and key, kept 24 hours. */
export class Idempotency1795510000000 implements MigrationInterface {
  name = 'Idempotency1795510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_key" ("caller_id" uuid NOT NULL, "key" text NOT NULL, "request_hash" text NOT NULL, "status_code" integer, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "completed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ae87db0b5552d7af0b0911bb9d4" PRIMARY KEY ("caller_id", "key"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_idempotency_key_created" ON "idempotency_key" ("created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_idempotency_key_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_key"`);
  }
}
