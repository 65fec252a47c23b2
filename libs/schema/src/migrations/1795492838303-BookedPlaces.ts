import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who holds a place at each session, as a partial index: matching asks it, for each of a couple of
 * hundred candidate sessions, whether anyone the member knows (or has blocked) is going, and the
 * index answers without reading the booking rows.
 */
export class BookedPlaces1795492838303 implements MigrationInterface {
  name = 'BookedPlaces1795492838303';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_booking_session_booked" ON "booking" ("session_id", "person_id") WHERE "status" = 'BOOKED'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_booking_session_booked"`);
  }
}
