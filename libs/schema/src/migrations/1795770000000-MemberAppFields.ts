import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the member app shows that Kith did not keep: a venue's street address, where a member
 * asking for help away from home will meet the helper, and when an accepted helper is coming.
 */
export class MemberAppFields1795770000000 implements MigrationInterface {
  name = 'MemberAppFields1795770000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "venue" ADD "address" text`);
    await queryRunner.query(`ALTER TABLE "help_request" ADD "meeting_place" text`);
    await queryRunner.query(
      `ALTER TABLE "help_assignment" ADD "scheduled_at" TIMESTAMP WITH TIME ZONE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "help_assignment" DROP COLUMN "scheduled_at"`);
    await queryRunner.query(`ALTER TABLE "help_request" DROP COLUMN "meeting_place"`);
    await queryRunner.query(`ALTER TABLE "venue" DROP COLUMN "address"`);
  }
}
