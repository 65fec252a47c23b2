import type { MigrationInterface, QueryRunner } from 'typeorm';

const KEYS: [table: string, columns: string[]][] = [
  ['participant_month', ['participants_key']],
  ['participant_interest_month', ['participants_key']],
  ['participant_first', ['first_timers_key', 'returned_key', 'days_key']],
  ['participant_interest_first', ['first_timers_key', 'returned_key']],
  ['participant_reach', ['people_key']],
  ['member_join_month', ['new_members_key', 'active3_key', 'active6_key']],
  ['member_join_month_interest', ['new_members_key', 'active3_key', 'active6_key']],
];

/**
 * The rollups as the cell-key method needs them: every count with the sum of its people's record
 * keys, members counted where they lived at the start of each month (participant months with
 * their areas), and attendances by month, area and set of interests (one table, the daily and
 * monthly tables by area and by interest gone). Worked out by the rebuild job where attendance
 * is already recorded.
 */
export class PerturbedRollups1795721000000 implements MigrationInterface {
  name = 'PerturbedRollups1795721000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'participation_day',
      'participation_day_interest',
      'participation_month',
      'participation_month_interest',
    ])
      await queryRunner.query(`DROP TABLE "${table}"`);
    await queryRunner.query(
      `CREATE TABLE "participation_month_set" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_set" text NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', "attendances_key" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_participation_month_set" PRIMARY KEY ("month", "area_id", "interest_set"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "participation_session" ADD "by_area_key" jsonb NOT NULL DEFAULT '{}'`,
    );
    for (const table of ['participant', 'participant_interest']) {
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "month_areas" uuid array NOT NULL DEFAULT '{}'`,
      );
      await queryRunner.query(
        `ALTER TABLE "${table}" ADD "record_key" integer NOT NULL DEFAULT '0'`,
      );
    }
    await queryRunner.query(
      `ALTER TABLE "member_join" ADD "record_key" integer NOT NULL DEFAULT '0'`,
    );
    for (const [table, columns] of KEYS)
      for (const column of columns)
        await queryRunner.query(
          `ALTER TABLE "${table}" ADD "${column}" bigint NOT NULL DEFAULT '0'`,
        );
    await queryRunner.query(
      `INSERT INTO job (job_name, job_id, payload)
       SELECT 'rebuild-participation-rollups', 'rebuild-participation-rollups-PerturbedRollups1795721000000', '{}'
        WHERE EXISTS (SELECT 1 FROM booking WHERE status = 'ATTENDED') OR EXISTS (SELECT 1 FROM member_join)
       ON CONFLICT DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of KEYS)
      for (const column of columns)
        await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "${column}"`);
    await queryRunner.query(`ALTER TABLE "member_join" DROP COLUMN "record_key"`);
    for (const table of ['participant', 'participant_interest']) {
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "record_key"`);
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "month_areas"`);
    }
    await queryRunner.query(`ALTER TABLE "participation_session" DROP COLUMN "by_area_key"`);
    await queryRunner.query(`DROP TABLE "participation_month_set"`);
    await queryRunner.query(
      `CREATE TABLE "participation_day" ("day" date NOT NULL, "area_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_283297ab2379c2e9fb61dd086a3" PRIMARY KEY ("day", "area_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_day_interest" ("day" date NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_65962ab317da0eca218ecde5af9" PRIMARY KEY ("day", "area_id", "interest_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_month" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_4f701e246ec4bb04dc5aa31a5f8" PRIMARY KEY ("month", "area_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "participation_month_interest" ("month" integer NOT NULL, "area_id" uuid NOT NULL, "interest_id" uuid NOT NULL, "sessions_held" integer NOT NULL DEFAULT '0', "attendances" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_72fe8c65b8d0a7b2a35831e5db4" PRIMARY KEY ("month", "area_id", "interest_id"))`,
    );
    await queryRunner.query(
      `INSERT INTO job (job_name, job_id, payload)
       SELECT 'rebuild-participation-rollups', 'rebuild-participation-rollups-down-PerturbedRollups1795721000000', '{}'
        WHERE EXISTS (SELECT 1 FROM booking WHERE status = 'ATTENDED')
       ON CONFLICT DO NOTHING`,
    );
  }
}
