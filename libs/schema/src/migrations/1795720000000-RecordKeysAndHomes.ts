import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each person's record key (a random number fixed when they are created, never shown: what the
 * reports' perturbation draws from), and each member's history of homes (where they lived from
 * when), its first row from the start of time for every home already set.
 */
export class RecordKeysAndHomes1795720000000 implements MigrationInterface {
  name = 'RecordKeysAndHomes1795720000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A volatile default: every row already there draws its own.
    await queryRunner.query(
      `ALTER TABLE "person" ADD "record_key" integer NOT NULL DEFAULT floor((random() * (1048576)::double precision))`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_home" ("person_id" uuid NOT NULL, "from_at" TIMESTAMP WITH TIME ZONE NOT NULL, "area_id" uuid, CONSTRAINT "PK_member_home" PRIMARY KEY ("person_id", "from_at"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_home" ADD CONSTRAINT "fk_member_home_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_home" ADD CONSTRAINT "fk_member_home_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO member_home (person_id, from_at, area_id)
       SELECT person_id, '-infinity', home_area_id FROM member_profile
        WHERE home IS NOT NULL OR home_area_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "member_home"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "record_key"`);
  }
}
