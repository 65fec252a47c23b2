import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Introductions left pending across a block, or with someone who has since left Kith, are
 * withdrawn: until now either could still be accepted, and make a tie nobody wanted.
 */
export class WithdrawClosedIntroductions1795740000002 implements MigrationInterface {
  name = 'WithdrawClosedIntroductions1795740000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE introduction i SET status = 'WITHDRAWN', responded_at = now()
        WHERE i.status = 'PENDING'
          AND (EXISTS (SELECT 1 FROM block b
                        WHERE (b.blocker_id = i.from_id AND b.blocked_id = i.to_id)
                           OR (b.blocker_id = i.to_id AND b.blocked_id = i.from_id))
               OR EXISTS (SELECT 1 FROM member_profile mp
                           WHERE mp.person_id IN (i.from_id, i.to_id) AND mp.left_at IS NOT NULL))`,
    );
  }

  async down(): Promise<void> {
    // What was closed stays closed: opening it again would let a blocked person be accepted.
  }
}
