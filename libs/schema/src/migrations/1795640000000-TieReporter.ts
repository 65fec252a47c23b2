import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who reported a contact ("who did you meet?"): only they see it as reported, and each of the
 * two may report the same meeting.
 */
export class TieReporter1795640000000 implements MigrationInterface {
  name = 'TieReporter1795640000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tie_contact" ADD "reported_by" uuid`);
    // Reports made before this was kept: taken as the lower id's (there were none in use).
    await queryRunner.query(
      `UPDATE tie_contact SET reported_by = person_a WHERE source = 'SELF_REPORTED' AND reported_by IS NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "tie_contact" ADD CONSTRAINT "ck_tie_contact_reporter" CHECK ((source = 'SELF_REPORTED') = (reported_by IS NOT NULL) AND (reported_by IS NULL OR reported_by IN (person_a, person_b)))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tie_contact" DROP CONSTRAINT "ck_tie_contact_reporter"`);
    await queryRunner.query(`ALTER TABLE "tie_contact" DROP COLUMN "reported_by"`);
  }
}
