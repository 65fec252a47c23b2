import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Members' contact details for accepted help, and the time bank account grants come from. */
export class ContactAndTimeBank1795484818718 implements MigrationInterface {
  name = 'ContactAndTimeBank1795484818718';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The circle's time bank: coordinators grant minutes from it (e.g. funded from a personal
    // budget), so a grant is a transfer like any other and the ledger still sums to zero.
    await queryRunner.query(
      `INSERT INTO "person" ("id", "email", "display_name") VALUES ('00000000-0000-4000-8000-00000000b4a7', 'time-bank@kith.invalid', 'Kith time bank')`,
    );
    await queryRunner.query(
      `INSERT INTO "time_credit_account" ("person_id", "balance_minutes", "floor_minutes") VALUES ('00000000-0000-4000-8000-00000000b4a7', 0, -2000000000)`,
    );
    await queryRunner.query(`ALTER TABLE "member_profile" ADD "phone" text`);
    await queryRunner.query(`ALTER TABLE "member_profile" ADD "address" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM "time_credit_entry" WHERE "person_id" = '00000000-0000-4000-8000-00000000b4a7'`,
    );
    await queryRunner.query(
      `DELETE FROM "time_credit_account" WHERE "person_id" = '00000000-0000-4000-8000-00000000b4a7'`,
    );
    await queryRunner.query(
      `DELETE FROM "person" WHERE "id" = '00000000-0000-4000-8000-00000000b4a7'`,
    );
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "address"`);
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "phone"`);
  }
}
