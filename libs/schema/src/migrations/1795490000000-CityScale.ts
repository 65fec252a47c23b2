import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two things matching at city scale needs. The caller's role grants by person (each signed-in
 * request reads them; the partial unique indexes cannot serve that). And each session carries its venue's location and access features, kept by triggers, with one
 * GiST index over (location, starts_at): matching reads the nearest sessions in a time window
 * straight from that index instead of joining venues, activities and sessions and sorting.
 */
export class CityScale1795490000000 implements MigrationInterface {
  name = 'CityScale1795490000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_role_grant_person_id" ON "role_grant" ("person_id") `,
    );
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `ALTER TABLE "session" ADD "location" geography(Point,4326), ADD "accessibility" "public"."accessibility_feature" array`,
    );
    await queryRunner.query(`
      UPDATE session s SET location = v.location, accessibility = v.accessibility
        FROM activity a JOIN venue v ON v.id = a.venue_id WHERE a.id = s.activity_id`);
    await queryRunner.query(
      `ALTER TABLE "session" ALTER "location" SET NOT NULL, ALTER "accessibility" SET NOT NULL, ALTER "accessibility" SET DEFAULT '{}'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_location_starts" ON "session" USING GiST ("location", "starts_at") `,
    );
    await queryRunner.query(`
      CREATE FUNCTION session_place() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT v.location, v.accessibility INTO NEW.location, NEW.accessibility
          FROM activity a JOIN venue v ON v.id = a.venue_id WHERE a.id = NEW.activity_id;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER session_place BEFORE INSERT OR UPDATE OF activity_id ON session
        FOR EACH ROW EXECUTE FUNCTION session_place()`);
    await queryRunner.query(`
      CREATE FUNCTION venue_place_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE session SET location = NEW.location, accessibility = NEW.accessibility
         WHERE activity_id IN (SELECT id FROM activity WHERE venue_id = NEW.id);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER venue_place_changed AFTER UPDATE OF location, accessibility ON venue
        FOR EACH ROW EXECUTE FUNCTION venue_place_changed()`);
    await queryRunner.query(`
      CREATE FUNCTION activity_venue_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE session SET activity_id = activity_id WHERE activity_id = NEW.id;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER activity_venue_changed AFTER UPDATE OF venue_id ON activity
        FOR EACH ROW WHEN (OLD.venue_id IS DISTINCT FROM NEW.venue_id) EXECUTE FUNCTION activity_venue_changed()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER activity_venue_changed ON activity`);
    await queryRunner.query(`DROP FUNCTION activity_venue_changed()`);
    await queryRunner.query(`DROP TRIGGER venue_place_changed ON venue`);
    await queryRunner.query(`DROP FUNCTION venue_place_changed()`);
    await queryRunner.query(`DROP TRIGGER session_place ON session`);
    await queryRunner.query(`DROP FUNCTION session_place()`);
    await queryRunner.query(`DROP INDEX "public"."ix_session_location_starts"`);
    await queryRunner.query(
      `ALTER TABLE "session" DROP COLUMN "accessibility", DROP COLUMN "location"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_role_grant_person_id"`);
  }
}
