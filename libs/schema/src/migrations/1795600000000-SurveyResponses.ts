import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SurveyResponses1795600000000 implements MigrationInterface {
  name = 'SurveyResponses1795600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."survey_stage" AS ENUM('BASELINE', 'REVIEW', 'EXIT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "survey_response" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "instrument_id" text NOT NULL, "version" integer NOT NULL, "stage" "public"."survey_stage" NOT NULL, "answers" jsonb NOT NULL, "score" double precision NOT NULL, "subscales" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d9326eb52bf8b23d56a39ce419a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_survey_response_person" ON "survey_response" ("person_id", "instrument_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "survey_response" ADD CONSTRAINT "fk_survey_response_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `CREATE FUNCTION survey_response_unchanged() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'survey responses are never changed: a correction is a new response'; END $$`,
    );
    await queryRunner.query(
      `CREATE TRIGGER survey_response_unchanged BEFORE UPDATE ON survey_response
       FOR EACH ROW EXECUTE FUNCTION survey_response_unchanged()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER survey_response_unchanged ON survey_response`);
    await queryRunner.query(`DROP FUNCTION survey_response_unchanged()`);
    await queryRunner.query(
      `ALTER TABLE "survey_response" DROP CONSTRAINT "fk_survey_response_person"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_survey_response_person"`);
    await queryRunner.query(`DROP TABLE "survey_response"`);
    await queryRunner.query(`DROP TYPE "public"."survey_stage"`);
  }
}
