import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EqualityMonitoring1795680000000 implements MigrationInterface {
  name = 'EqualityMonitoring1795680000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "equality_monitoring" ("person_id" uuid NOT NULL, "sex" text, "gender_identity" text, "ethnic_group" text, "disability" text, "religion" text, "sexual_orientation" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_equality_monitoring_sexual_orientation" CHECK (sexual_orientation IN ('straight', 'gay-or-lesbian', 'bisexual', 'other', 'prefer-not-to-say')), CONSTRAINT "ck_equality_monitoring_religion" CHECK (religion IN ('none', 'christian', 'buddhist', 'hindu', 'jewish', 'muslim', 'sikh', 'other', 'prefer-not-to-say')), CONSTRAINT "ck_equality_monitoring_disability" CHECK (disability IN ('yes', 'no', 'prefer-not-to-say')), CONSTRAINT "ck_equality_monitoring_ethnic_group" CHECK (ethnic_group IN ('asian', 'black', 'mixed', 'white', 'other', 'prefer-not-to-say')), CONSTRAINT "ck_equality_monitoring_gender_identity" CHECK (gender_identity IN ('same', 'different', 'prefer-not-to-say')), CONSTRAINT "ck_equality_monitoring_sex" CHECK (sex IN ('female', 'male', 'prefer-not-to-say')), CONSTRAINT "PK_4d780dc0e80d054baa537a1b07a" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "equality_monitoring" ADD CONSTRAINT "fk_equality_monitoring_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "equality_monitoring" DROP CONSTRAINT "fk_equality_monitoring_person"`,
    );
    await queryRunner.query(`DROP TABLE "equality_monitoring"`);
  }
}
