import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Introductions between members, and the ties they create. */
export class Introductions1795486642719 implements MigrationInterface {
  name = 'Introductions1795486642719';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."introduction_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "introduction" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "from_id" uuid NOT NULL, "to_id" uuid NOT NULL, "pair_key" text NOT NULL, "message" text, "status" "public"."introduction_status" NOT NULL DEFAULT 'PENDING', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d5544c866e1ffeb156a2b636082" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_introduction_to_id" ON "introduction" ("to_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_introduction_from_created" ON "introduction" ("from_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "ux_introduction_pending_pair" ON "introduction" ("pair_key") WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."tie_source" AS ENUM('CO_ATTENDANCE', 'INTRODUCTION', 'HELP', 'SELF_REPORTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "tie" ("person_a" uuid NOT NULL, "person_b" uuid NOT NULL, "source" "public"."tie_source" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tie_order" CHECK (person_a < person_b), CONSTRAINT "PK_1ed874a81d517bfb3e3cb933ba7" PRIMARY KEY ("person_a", "person_b", "source"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_tie_person_b" ON "tie" ("person_b") `);
    await queryRunner.query(
      `ALTER TABLE "introduction" ADD CONSTRAINT "fk_introduction_from" FOREIGN KEY ("from_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "introduction" ADD CONSTRAINT "fk_introduction_to" FOREIGN KEY ("to_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tie" ADD CONSTRAINT "fk_tie_person_a" FOREIGN KEY ("person_a") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tie" ADD CONSTRAINT "fk_tie_person_b" FOREIGN KEY ("person_b") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tie" DROP CONSTRAINT "fk_tie_person_b"`);
    await queryRunner.query(`ALTER TABLE "tie" DROP CONSTRAINT "fk_tie_person_a"`);
    await queryRunner.query(`ALTER TABLE "introduction" DROP CONSTRAINT "fk_introduction_to"`);
    await queryRunner.query(`ALTER TABLE "introduction" DROP CONSTRAINT "fk_introduction_from"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tie_person_b"`);
    await queryRunner.query(`DROP TABLE "tie"`);
    await queryRunner.query(`DROP TYPE "public"."tie_source"`);
    await queryRunner.query(`DROP INDEX "public"."ux_introduction_pending_pair"`);
    await queryRunner.query(`DROP INDEX "public"."ix_introduction_from_created"`);
    await queryRunner.query(`DROP INDEX "public"."ix_introduction_to_id"`);
    await queryRunner.query(`DROP TABLE "introduction"`);
    await queryRunner.query(`DROP TYPE "public"."introduction_status"`);
  }
}
