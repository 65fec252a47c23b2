import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The joiners' rollups (members by the month they joined and where they live, and who came in
 * their third and sixth months), so a report no longer reads every member who joined. Worked
 * out by the rebuild job where members already live in an area.
 */
export class MemberJoins1795690000000 implements MigrationInterface {
  name = 'MemberJoins1795690000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "member_join" ("person_id" uuid NOT NULL, "month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_ids" uuid array NOT NULL DEFAULT '{}', "active3" boolean NOT NULL, "active6" boolean NOT NULL, CONSTRAINT "PK_445ac81dc66b74ca1a9d29b3c63" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_join_month" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "new_members" integer NOT NULL DEFAULT '0', "active3" integer NOT NULL DEFAULT '0', "active6" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_d4d76f1e835896f221bd1df5d87" PRIMARY KEY ("month", "area_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_join_month_interest" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "new_members" integer NOT NULL DEFAULT '0', "active3" integer NOT NULL DEFAULT '0', "active6" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_b76b5d37f970890bce9393fd34b" PRIMARY KEY ("month", "area_id", "interest_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO job (job_name, job_id, payload)
       SELECT 'rebuild-participation-rollups', 'rebuild-participation-rollups-MemberJoins1795690000000', '{}'
        WHERE EXISTS (SELECT 1 FROM member_profile WHERE home_area_id IS NOT NULL)
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "member_join_month_interest"`);
    await queryRunner.query(`DROP TABLE "member_join_month"`);
    await queryRunner.query(`DROP TABLE "member_join"`);
  }
}
