import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consent for being seen: a tie is `confirmed` once both people said so (an accepted
 * introduction, or each named the other after a session), and only confirmed contacts may see
 * each other's plans; a member is shown as going only if they chose to be (`show_me_going`, off
 * until they turn it on). Ties already kept are confirmed from their contacts as they stand.
 */
export class ConsentToBeSeen1795740000000 implements MigrationInterface {
  name = 'ConsentToBeSeen1795740000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tie" ADD "confirmed" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(
      `UPDATE tie t SET confirmed = true
        WHERE EXISTS (SELECT 1 FROM tie_contact c WHERE c.person_a = t.person_a AND c.person_b = t.person_b
                         AND c.source = 'INTRODUCTION')
           OR (SELECT count(DISTINCT c.reported_by) FROM tie_contact c
                WHERE c.person_a = t.person_a AND c.person_b = t.person_b AND c.source = 'SELF_REPORTED') = 2`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_profile" ADD "show_me_going" boolean NOT NULL DEFAULT false`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "show_me_going"`);
    await queryRunner.query(`ALTER TABLE "tie" DROP COLUMN "confirmed"`);
  }
}
