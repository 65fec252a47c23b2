import type { MigrationInterface, QueryRunner } from 'typeorm';

export class NudgeHistoryIndex1795580000000 implements MigrationInterface {
  name = 'NudgeHistoryIndex1795580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_nudge_person_created" ON "nudge" ("person_id", "created_at") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_nudge_person_created"`);
  }
}
