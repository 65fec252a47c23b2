import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The postcode a helper offers time from, for them to read back (never shown to anyone else). */
export class HelperBasePostcode1795780000000 implements MigrationInterface {
  name = 'HelperBasePostcode1795780000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "helper_profile" ADD "base_postcode" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "helper_profile" DROP COLUMN "base_postcode"`);
  }
}
