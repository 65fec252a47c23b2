import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NudgeDelivery1795560000000 implements MigrationInterface {
  name = 'NudgeDelivery1795560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."delivery_status" AS ENUM('QUEUED', 'SENDING', 'SENT', 'FAILED', 'SUPPRESSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "nudge_delivery" ("nudge_id" uuid NOT NULL, "channel" "public"."nudge_channel" NOT NULL, "status" "public"."delivery_status" NOT NULL, "attempts" smallint NOT NULL DEFAULT '0', "reason" text, "sent_at" TIMESTAMP WITH TIME ZONE, "tickets" jsonb, "receipts_checked_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f29e29d92123a979660511bf0e5" PRIMARY KEY ("nudge_id", "channel"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_nudge_delivery_receipts" ON "nudge_delivery" ("sent_at") WHERE channel = 'PUSH' AND status = 'SENT' AND receipts_checked_at IS NULL`,
    );
    await queryRunner.query(`ALTER TABLE "nudge_preferences" ADD "sms_number" text`);
    await queryRunner.query(`ALTER TABLE "nudge" ADD "subject_id" uuid`);
    await queryRunner.query(`ALTER TABLE "nudge" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "nudge" ADD "variant" text NOT NULL DEFAULT 'A'`);
    await queryRunner.query(`ALTER TABLE "nudge" ADD "digest" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`CREATE INDEX "ix_nudge_subject" ON "nudge" ("subject_id") `);
    await queryRunner.query(
      `ALTER TABLE "nudge_delivery" ADD CONSTRAINT "fk_nudge_delivery_nudge" FOREIGN KEY ("nudge_id") REFERENCES "nudge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "nudge_delivery" DROP CONSTRAINT "fk_nudge_delivery_nudge"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_nudge_subject"`);
    await queryRunner.query(`ALTER TABLE "nudge" DROP COLUMN "digest"`);
    await queryRunner.query(`ALTER TABLE "nudge" DROP COLUMN "variant"`);
    await queryRunner.query(`ALTER TABLE "nudge" DROP COLUMN "expires_at"`);
    await queryRunner.query(`ALTER TABLE "nudge" DROP COLUMN "subject_id"`);
    await queryRunner.query(`ALTER TABLE "nudge_preferences" DROP COLUMN "sms_number"`);
    await queryRunner.query(`DROP INDEX "public"."ix_nudge_delivery_receipts"`);
    await queryRunner.query(`DROP TABLE "nudge_delivery"`);
    await queryRunner.query(`DROP TYPE "public"."delivery_status"`);
  }
}
