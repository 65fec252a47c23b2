import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which of a member's interests people they might meet may see (`shown`): peer suggestions are
 * made, scored and explained only from a member's shown interests, so reading suggestions again
 * and again under other interests of one's own never tells an interest its holder kept to
 * themself. None is shown until the member says so: nobody was asked before.
 */
export class ShownInterests1795740000003 implements MigrationInterface {
  name = 'ShownInterests1795740000003';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "member_interest" ADD "shown" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_interest" DROP COLUMN "shown"`);
  }
}
