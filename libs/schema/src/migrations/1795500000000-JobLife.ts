import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every job's life in Postgres: the outbox becomes `job` (pending, enqueued with a lease, done,
 * failed with its last error), repeating work moves from BullMQ job schedulers to `job_schedule`,
 * and the sign-in mail claims each send ("sending", and how many sends may have gone) before it
 * sends.
 *
 * Outbox rows carry over: not yet dispatched ones stay pending; ones dispatched in the last day
 * become enqueued with a lease that has already run out, so the sweeper asks Redis about each at
 * once and enqueues again what Redis lost (their handlers skip what is already done); older ones
 * are taken as done.
 */
export class JobLife1795500000000 implements MigrationInterface {
  name = 'JobLife1795500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "job" ("id" BIGSERIAL NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "state" text NOT NULL DEFAULT 'pending', "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "enqueued_at" TIMESTAMP WITH TIME ZONE, "lease_until" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', "rescues" integer NOT NULL DEFAULT '0', "last_error" text, "result" jsonb, "finished_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_job_state" CHECK (state IN ('pending', 'enqueued', 'done', 'failed')), CONSTRAINT "PK_98ab1c14ff8d1cf80d18703b92f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `INSERT INTO "job" (id, job_name, job_id, payload, state, available_at, enqueued_at, lease_until, finished_at, created_at)
       SELECT id, job_name, job_id, payload,
              CASE WHEN dispatched_at IS NULL THEN 'pending'
                   WHEN dispatched_at > now() - interval '1 day' THEN 'enqueued'
                   ELSE 'done' END,
              available_at, dispatched_at,
              CASE WHEN dispatched_at > now() - interval '1 day' THEN now() END,
              CASE WHEN dispatched_at <= now() - interval '1 day' THEN dispatched_at END,
              created_at
         FROM "outbox"`,
    );
    await queryRunner.query(
      `SELECT setval(pg_get_serial_sequence('job', 'id'), COALESCE((SELECT max(id) FROM "job"), 0) + 1, false)`,
    );
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_job_job_id" ON "job" ("job_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_job_failed_name" ON "job" ("job_name") WHERE state = 'failed'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_job_done_finished" ON "job" ("finished_at") WHERE state = 'done'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_job_enqueued_lease" ON "job" ("lease_until") WHERE state = 'enqueued'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_job_pending_due" ON "job" ("available_at") WHERE state = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "job_schedule" ("key" text NOT NULL, "job_name" text NOT NULL, "payload" jsonb NOT NULL, "pattern" text NOT NULL, "next_run_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_run_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b98bbc17acc3ad64b09c7e5837e" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_code" ADD "mail_sending_at" TIMESTAMP WITH TIME ZONE`,
    );
    await queryRunner.query(
      `ALTER TABLE "sign_in_code" ADD "mail_sends" integer NOT NULL DEFAULT '0'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sign_in_code" DROP COLUMN "mail_sends"`);
    await queryRunner.query(`ALTER TABLE "sign_in_code" DROP COLUMN "mail_sending_at"`);
    await queryRunner.query(`DROP TABLE "job_schedule"`);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" BIGSERIAL NOT NULL, "job_name" text NOT NULL, "job_id" text NOT NULL, "payload" jsonb NOT NULL, "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "dispatched_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    // Failed jobs go back as dispatched: the old relay had no way to hold them.
    await queryRunner.query(
      `INSERT INTO "outbox" (id, job_name, job_id, payload, available_at, dispatched_at, created_at)
       SELECT id, job_name, job_id, payload, available_at,
              CASE WHEN state = 'pending' THEN NULL ELSE COALESCE(enqueued_at, finished_at, now()) END,
              created_at
         FROM "job"`,
    );
    await queryRunner.query(
      `SELECT setval(pg_get_serial_sequence('outbox', 'id'), COALESCE((SELECT max(id) FROM "outbox"), 0) + 1, false)`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_outbox_job_id" ON "outbox" ("job_id") `);
    await queryRunner.query(
      `CREATE INDEX "ix_outbox_due" ON "outbox" ("available_at") WHERE dispatched_at IS NULL`,
    );
    await queryRunner.query(`DROP TABLE "job"`);
  }
}
