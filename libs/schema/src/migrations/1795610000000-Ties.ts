import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ties kept from their contacts. The old `tie` (a row per pair and source) becomes contacts,
 * help already completed ties member and helper, attendance already recorded becomes
 * co-attendance contacts (sessions of 2 to 30, weighted
 * 1/(n-1)); every tie is then worked out from its contacts, faded with the default half-life of
 * 90 days (a different TIE_HALF_LIFE_DAYS applies from the next contact of each tie).
 */
export class Ties1795610000000 implements MigrationInterface {
  name = 'Ties1795610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "tie_contact" ("person_a" uuid NOT NULL, "person_b" uuid NOT NULL, "source" "public"."tie_source" NOT NULL, "ref_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "weight" double precision NOT NULL, CONSTRAINT "ck_tie_contact_weight" CHECK (weight > 0 AND weight <= 1), CONSTRAINT "ck_tie_contact_order" CHECK (person_a < person_b), CONSTRAINT "PK_6386e165a29380fbe42251d9d3c" PRIMARY KEY ("person_a", "person_b", "source", "ref_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_tie_contact_person_b" ON "tie_contact" ("person_b") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_tie_contact_ref" ON "tie_contact" ("ref_id", "source") `,
    );
    await queryRunner.query(
      `CREATE TABLE "contact_setting" ("owner_id" uuid NOT NULL, "person_id" uuid NOT NULL, "circle" smallint, "hidden_at" TIMESTAMP WITH TIME ZONE, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_contact_setting_circle" CHECK (circle BETWEEN 1 AND 3), CONSTRAINT "PK_bd3f1a13961960795667af4bae2" PRIMARY KEY ("owner_id", "person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_contact_setting_person_id" ON "contact_setting" ("person_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "tie_contact" ADD CONSTRAINT "fk_tie_contact_person_a" FOREIGN KEY ("person_a") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tie_contact" ADD CONSTRAINT "fk_tie_contact_person_b" FOREIGN KEY ("person_b") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact_setting" ADD CONSTRAINT "fk_contact_setting_owner" FOREIGN KEY ("owner_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "contact_setting" ADD CONSTRAINT "fk_contact_setting_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // What the old table knew, as contacts: an introduction's by its id where it can be found.
    await queryRunner.query(
      `INSERT INTO tie_contact (person_a, person_b, source, ref_id, at, weight)
       SELECT t.person_a, t.person_b, t.source,
              COALESCE((SELECT i.id FROM introduction i
                         WHERE i.pair_key = t.person_a || ':' || t.person_b AND i.status = 'ACCEPTED'
                         ORDER BY i.responded_at LIMIT 1), gen_random_uuid()),
              t.created_at, 1
         FROM tie t`,
    );
    await queryRunner.query(
      `WITH came AS (SELECT b.session_id, b.person_id, s.starts_at, count(*) OVER (PARTITION BY b.session_id) AS n
                       FROM booking b JOIN session s ON s.id = b.session_id WHERE b.status = 'ATTENDED')
       INSERT INTO tie_contact (person_a, person_b, source, ref_id, at, weight)
       SELECT x.person_id, y.person_id, 'CO_ATTENDANCE', x.session_id, x.starts_at, 1.0 / (x.n - 1)
         FROM came x JOIN came y ON y.session_id = x.session_id AND x.person_id < y.person_id
        WHERE x.n BETWEEN 2 AND 30
       ON CONFLICT DO NOTHING`,
    );
    // Help already given ties member and helper.
    await queryRunner.query(
      `INSERT INTO tie_contact (person_a, person_b, source, ref_id, at, weight)
       SELECT LEAST(r.member_id, a.helper_id), GREATEST(r.member_id, a.helper_id), 'HELP', a.id,
              COALESCE(a.completed_at, a.created_at), 1
         FROM help_assignment a JOIN help_request r ON r.id = a.request_id
        WHERE a.status = 'COMPLETED' AND r.member_id <> a.helper_id
       ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(`DROP TABLE "tie"`);
    await queryRunner.query(
      `CREATE TABLE "tie" ("person_a" uuid NOT NULL, "person_b" uuid NOT NULL, "sources" "public"."tie_source" array NOT NULL, "weight" double precision NOT NULL, "contact_days" integer NOT NULL, "first_contact_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_contact_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "ck_tie_order" CHECK (person_a < person_b), CONSTRAINT "PK_3927843cb68f7a33c107879c6d2" PRIMARY KEY ("person_a", "person_b"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_tie_person_b" ON "tie" ("person_b") `);
    await queryRunner.query(
      `ALTER TABLE "tie" ADD CONSTRAINT "fk_tie_person_a" FOREIGN KEY ("person_a") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tie" ADD CONSTRAINT "fk_tie_person_b" FOREIGN KEY ("person_b") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `INSERT INTO tie (person_a, person_b, sources, weight, contact_days, first_contact_at, last_contact_at)
       SELECT person_a, person_b, array_agg(DISTINCT source ORDER BY source),
              sum(weight * power(0.5, extract(epoch FROM last - at) / (90 * 86400)))::float8,
              count(DISTINCT (at AT TIME ZONE 'Europe/London')::date)::int, min(at), max(at)
         FROM (SELECT c.*, max(c.at) OVER (PARTITION BY c.person_a, c.person_b) AS last FROM tie_contact c) w
        GROUP BY person_a, person_b`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tie"`);
    await queryRunner.query(
      `CREATE TABLE "tie" ("person_a" uuid NOT NULL, "person_b" uuid NOT NULL, "source" "public"."tie_source" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_tie_order" CHECK (person_a < person_b), CONSTRAINT "PK_1ed874a81d517bfb3e3cb933ba7" PRIMARY KEY ("person_a", "person_b", "source"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_tie_person_b" ON "tie" ("person_b") `);
    await queryRunner.query(
      `ALTER TABLE "tie" ADD CONSTRAINT "fk_tie_person_a" FOREIGN KEY ("person_a") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "tie" ADD CONSTRAINT "fk_tie_person_b" FOREIGN KEY ("person_b") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Only what the old table held: ties made by introductions (co-attendance was never stored).
    await queryRunner.query(
      `INSERT INTO tie (person_a, person_b, source, created_at)
       SELECT person_a, person_b, source, min(at) FROM tie_contact WHERE source <> 'CO_ATTENDANCE'
        GROUP BY person_a, person_b, source`,
    );
    await queryRunner.query(`DROP TABLE "contact_setting"`);
    await queryRunner.query(`DROP TABLE "tie_contact"`);
  }
}
