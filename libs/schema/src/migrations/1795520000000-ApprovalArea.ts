import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The area that approved each helper. Helpers approved so far were approved by a coordinator of
 * their base's area (or one without an area): that area is theirs.
 */
export class ApprovalArea1795520000000 implements MigrationInterface {
  name = 'ApprovalArea1795520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "helper_profile" ADD "approved_area_id" uuid`);
    await queryRunner.query(
      `ALTER TABLE "helper_profile" ADD CONSTRAINT "fk_helper_profile_approved_area" FOREIGN KEY ("approved_area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `UPDATE "helper_profile" SET approved_area_id = base_area_id WHERE status <> 'PENDING'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "helper_profile" DROP CONSTRAINT "fk_helper_profile_approved_area"`,
    );
    await queryRunner.query(`ALTER TABLE "helper_profile" DROP COLUMN "approved_area_id"`);
  }
}
