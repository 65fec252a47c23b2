import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveyInstruments1795590000000 implements MigrationInterface {
  name = 'SurveyInstruments1795590000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "survey_instrument" ("instrument_id" text NOT NULL, "version" integer NOT NULL, "definition" jsonb NOT NULL, "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ead7f8472120e277321a5d45f5a" PRIMARY KEY ("instrument_id", "version"))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION survey_instrument_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'survey instruments are never changed: import a new version'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER survey_instrument_unchanged BEFORE UPDATE ON survey_instrument
       FOR EACH ROW EXECUTE FUNCTION survey_instrument_unchanged()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER survey_instrument_unchanged ON survey_instrument`);
    await queryRunner.query(`DROP FUNCTION survey_instrument_unchanged()`);
    await queryRunner.query(`DROP TABLE "survey_instrument"`);
  }
}
