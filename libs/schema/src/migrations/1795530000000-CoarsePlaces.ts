import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What is shown as `coarse`: a home or base moved `metres` along `bearing` (radians). */
const coarsen = (table: string, point: string) => `
  CREATE FUNCTION ${table}_coarsen() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF NEW.${point} IS NULL THEN
      NEW.${point}_coarse := NULL;
      RETURN NEW;
    END IF;
    IF TG_OP = 'UPDATE' AND OLD.${point} IS NOT NULL AND NEW.${point}_coarse IS NOT NULL
       AND ST_Equals(NEW.${point}::geometry, OLD.${point}::geometry) THEN
      RETURN NEW;
    END IF;
    -- Chosen once, kept through every move: the same offset, never a fresh draw to average out.
    NEW.${point}_offset_metres := COALESCE(NEW.${point}_offset_metres, 250 + random() * 250);
    NEW.${point}_offset_bearing := COALESCE(NEW.${point}_offset_bearing, random() * 2 * pi());
    NEW.${point}_coarse := ST_Project(NEW.${point}, NEW.${point}_offset_metres, NEW.${point}_offset_bearing);
    RETURN NEW;
  END $$`;

/**
 * Homes and helpers' bases as others may see them: distances and bands shown to anyone but the
 * person come from a point 250 to 500 m off, in a direction fixed per person, kept up to date by
 * a trigger on every write (the app, the demo generator, an import), so nothing can forget it.
 */
export class CoarsePlaces1795530000000 implements MigrationInterface {
  name = 'CoarsePlaces1795530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "member_profile" ADD "home_coarse" geography(Point,4326)`);
    await queryRunner.query(
      `ALTER TABLE "member_profile" ADD "home_offset_metres" double precision`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_profile" ADD "home_offset_bearing" double precision`,
    );
    await queryRunner.query(`ALTER TABLE "helper_profile" ADD "base_coarse" geography(Point,4326)`);
    await queryRunner.query(
      `ALTER TABLE "helper_profile" ADD "base_offset_metres" double precision`,
    );
    await queryRunner.query(
      `ALTER TABLE "helper_profile" ADD "base_offset_bearing" double precision`,
    );
    await queryRunner.query(coarsen('member_profile', 'home'));
    await queryRunner.query(coarsen('helper_profile', 'base'));
    await queryRunner.query(
      `CREATE TRIGGER member_profile_coarsen BEFORE INSERT OR UPDATE ON member_profile FOR EACH ROW EXECUTE FUNCTION member_profile_coarsen()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER helper_profile_coarsen BEFORE INSERT OR UPDATE ON helper_profile FOR EACH ROW EXECUTE FUNCTION helper_profile_coarsen()`,
    );
    // Every place there is gets its offset now (the trigger runs on this update too).
    await queryRunner.query(`UPDATE member_profile SET home = home WHERE home IS NOT NULL`);
    await queryRunner.query(`UPDATE helper_profile SET base = base`);
    await queryRunner.query(
      `CREATE INDEX "ix_member_profile_home_coarse" ON "member_profile" USING GiST ("home_coarse") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_helper_profile_base_coarse" ON "helper_profile" USING GiST ("base_coarse") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_helper_profile_base_coarse"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_profile_home_coarse"`);
    await queryRunner.query(`DROP TRIGGER helper_profile_coarsen ON helper_profile`);
    await queryRunner.query(`DROP TRIGGER member_profile_coarsen ON member_profile`);
    await queryRunner.query(`DROP FUNCTION helper_profile_coarsen()`);
    await queryRunner.query(`DROP FUNCTION member_profile_coarsen()`);
    await queryRunner.query(`ALTER TABLE "helper_profile" DROP COLUMN "base_offset_bearing"`);
    await queryRunner.query(`ALTER TABLE "helper_profile" DROP COLUMN "base_offset_metres"`);
    await queryRunner.query(`ALTER TABLE "helper_profile" DROP COLUMN "base_coarse"`);
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "home_offset_bearing"`);
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "home_offset_metres"`);
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "home_coarse"`);
  }
}
