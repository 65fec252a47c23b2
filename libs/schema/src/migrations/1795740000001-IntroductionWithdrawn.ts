import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An introduction can be withdrawn: when either of the two leaves Kith or blocks the other, what
 * was pending between them is closed, so nobody can accept it afterwards. (Added in place; the
 * next migration closes what was already pending across a block or a leaving.)
 */
export class IntroductionWithdrawn1795740000001 implements MigrationInterface {
  name = 'IntroductionWithdrawn1795740000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."introduction_status" ADD VALUE IF NOT EXISTS 'WITHDRAWN'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // An enum value cannot be dropped: the type is made again without it, and what was
    // withdrawn reads as declined (closed either way, nobody can accept it).
    await queryRunner.query(
      `UPDATE "introduction" SET "status" = 'DECLINED' WHERE "status" = 'WITHDRAWN'`,
    );
    await queryRunner.query(`DROP INDEX "public"."ux_introduction_pending_pair"`);
    await queryRunner.query(`ALTER TABLE "introduction" ALTER COLUMN "status" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TYPE "public"."introduction_status" RENAME TO "introduction_status_old"`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."introduction_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "introduction" ALTER COLUMN "status" TYPE "public"."introduction_status" USING "status"::"text"::"public"."introduction_status"`,
    );
    await queryRunner.query(
      `ALTER TABLE "introduction" ALTER COLUMN "status" SET DEFAULT 'PENDING'`,
    );
    await queryRunner.query(`DROP TYPE "public"."introduction_status_old"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_introduction_pending_pair" ON "introduction" ("pair_key") WHERE status = 'PENDING'`,
    );
  }
}
