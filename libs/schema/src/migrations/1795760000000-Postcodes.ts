import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Postcodes (imported from the ONS Postcode Directory) and the one a member gave for home: a
 * member says where they live by postcode, never by coordinates.
 */
export class Postcodes1795760000000 implements MigrationInterface {
  name = 'Postcodes1795760000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "postcode" ("postcode" text NOT NULL, "display" text NOT NULL, "location" geography(Point,4326) NOT NULL, CONSTRAINT "PK_postcode" PRIMARY KEY ("postcode"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_postcode_location" ON "postcode" USING GiST ("location") `,
    );
    await queryRunner.query(`ALTER TABLE "member_profile" ADD "postcode" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "postcode"`);
    await queryRunner.query(`DROP INDEX "ix_postcode_location"`);
    await queryRunner.query(`DROP TABLE "postcode"`);
  }
}
