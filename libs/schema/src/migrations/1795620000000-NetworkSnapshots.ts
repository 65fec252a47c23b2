import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each member's network measures per date, and the age band a member may choose to give. */
export class NetworkSnapshots1795620000000 implements MigrationInterface {
  name = 'NetworkSnapshots1795620000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "network_snapshot" ("person_id" uuid NOT NULL, "on" date NOT NULL, "active_ties" integer NOT NULL, "tie_strength" double precision NOT NULL, "new_ties_30_days" integer NOT NULL, "effective_size" double precision NOT NULL, "constraint" double precision, "diversity" double precision NOT NULL, "bridging_share" double precision NOT NULL, "sessions_30_days" integer NOT NULL, "sessions_90_days" integer NOT NULL, "groups_tried" integer NOT NULL, "survey_scores" jsonb NOT NULL, "isolated" boolean NOT NULL, "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_06385ea06f2df22315e812b66f1" PRIMARY KEY ("person_id", "on"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_network_snapshot_on" ON "network_snapshot" ("on", "isolated") `,
    );
    await queryRunner.query(`ALTER TABLE "member_profile" ADD "age_band" text`);
    await queryRunner.query(
      `ALTER TABLE "member_profile" ADD CONSTRAINT "ck_member_profile_age_band" CHECK (age_band IN ('16-24', '25-34', '35-44', '45-54', '55-64', '65-74', '75-84', '85+'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "network_snapshot" ADD CONSTRAINT "fk_network_snapshot_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "network_snapshot" DROP CONSTRAINT "fk_network_snapshot_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_profile" DROP CONSTRAINT "ck_member_profile_age_band"`,
    );
    await queryRunner.query(`ALTER TABLE "member_profile" DROP COLUMN "age_band"`);
    await queryRunner.query(`DROP INDEX "public"."ix_network_snapshot_on"`);
    await queryRunner.query(`DROP TABLE "network_snapshot"`);
  }
}
