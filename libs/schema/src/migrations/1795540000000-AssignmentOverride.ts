import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A coordinator may assign a helper past a soft eligibility rule (travel radius, weekly cap,
 * availability) with a reason: the assignment keeps the reason and the rules it overrode.
 */
export class AssignmentOverride1795540000000 implements MigrationInterface {
  name = 'AssignmentOverride1795540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "help_assignment" ADD "override" jsonb`);
    await queryRunner.query(
      `ALTER TABLE "help_assignment" ADD CONSTRAINT "ck_help_assignment_override" CHECK (override IS NULL OR (jsonb_typeof(override->'reason') = 'string' AND jsonb_typeof(override->'rules') = 'array'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "help_assignment" DROP CONSTRAINT "ck_help_assignment_override"`,
    );
    await queryRunner.query(`ALTER TABLE "help_assignment" DROP COLUMN "override"`);
  }
}
