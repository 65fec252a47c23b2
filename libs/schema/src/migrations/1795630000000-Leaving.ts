import type { MigrationInterface, QueryRunner } from 'typeorm';

/** When a member left Kith (leaveKith). */
export class Leaving1795630000000 implements MigrationInterface {
  name = 'Leaving1795630000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_profile" ADD "left_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "left_at"`);
  }
}
