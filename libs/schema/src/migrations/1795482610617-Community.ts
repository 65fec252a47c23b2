import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Member profiles, the interest taxonomy, venues, activities, sessions and bookings. */
export class Community1795482610617 implements MigrationInterface {
  name = 'Community1795482610617';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "interest" ("id" uuid NOT NULL, "slug" text NOT NULL, "label" text NOT NULL, "group_slug" text NOT NULL, "group_label" text NOT NULL, "active" boolean NOT NULL, CONSTRAINT "PK_6619d627e204e0596968653011f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "ux_interest_slug" ON "interest" ("slug") `);
    await queryRunner.query(
      `CREATE TYPE "public"."accessibility_feature" AS ENUM('STEP_FREE', 'ACCESSIBLE_TOILET', 'HEARING_LOOP', 'QUIET_SPACE', 'SEATING', 'LARGE_PRINT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "member_profile" ("person_id" uuid NOT NULL, "home" geography(Point,4326), "home_area_id" uuid, "travel_radius_metres" integer NOT NULL DEFAULT '2000', "accessibility_needs" "public"."accessibility_feature" array NOT NULL DEFAULT '{}', "goals" text array NOT NULL DEFAULT '{}', "peer_introductions" boolean NOT NULL DEFAULT false, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_member_profile_radius" CHECK (travel_radius_metres BETWEEN 100 AND 50000), CONSTRAINT "PK_4d1f7e73e37fbce75f83e6a16d4" PRIMARY KEY ("person_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_member_profile_home" ON "member_profile" USING GiST ("home") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_member_profile_home_area_id" ON "member_profile" ("home_area_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "member_interest" ("person_id" uuid NOT NULL, "interest_id" uuid NOT NULL, CONSTRAINT "PK_748fa2047ab082a7fd32962ac66" PRIMARY KEY ("person_id", "interest_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_member_interest_interest_id" ON "member_interest" ("interest_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."weekday" AS ENUM('MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "availability_window" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "weekday" "public"."weekday" NOT NULL, "start_minute" integer NOT NULL, "end_minute" integer NOT NULL, CONSTRAINT "ck_availability_window_span" CHECK (start_minute >= 0 AND end_minute <= 1440 AND start_minute < end_minute), CONSTRAINT "PK_4394b198b46489d902698d50b74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_availability_window_person_id" ON "availability_window" ("person_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "venue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "location" geography(Point,4326) NOT NULL, "accessibility" "public"."accessibility_feature" array NOT NULL DEFAULT '{}', "area_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c53deb6d1bcb088f9d459e7dbc0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_venue_location" ON "venue" USING GiST ("location") `);
    await queryRunner.query(`CREATE INDEX "ix_venue_area_id" ON "venue" ("area_id") `);
    await queryRunner.query(
      `CREATE TYPE "public"."activity_status" AS ENUM('APPROVED', 'PROPOSED', 'DECLINED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "activity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "title" text NOT NULL, "description" text NOT NULL, "venue_id" uuid NOT NULL, "capacity" integer NOT NULL, "duration_minutes" integer NOT NULL, "first_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recurrence" text, "status" "public"."activity_status" NOT NULL, "created_by" uuid NOT NULL, "approved_by" uuid, "expanded_until" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_activity_duration" CHECK (duration_minutes BETWEEN 5 AND 1440), CONSTRAINT "ck_activity_capacity" CHECK (capacity BETWEEN 1 AND 500), CONSTRAINT "PK_24625a1d6b1b089c8ae206fe467" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_activity_venue_id" ON "activity" ("venue_id") `);
    await queryRunner.query(`CREATE INDEX "ix_activity_created_by" ON "activity" ("created_by") `);
    await queryRunner.query(
      `CREATE TABLE "activity_interest" ("activity_id" uuid NOT NULL, "interest_id" uuid NOT NULL, CONSTRAINT "PK_424366bb5681df2cd99d1a22a0a" PRIMARY KEY ("activity_id", "interest_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_activity_interest_interest_id" ON "activity_interest" ("interest_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "activity_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer NOT NULL, "booked_count" integer NOT NULL DEFAULT '0', "waitlist_count" integer NOT NULL DEFAULT '0', "waitlist_seq" integer NOT NULL DEFAULT '0', "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "ux_session_activity_start" UNIQUE ("activity_id", "starts_at"), CONSTRAINT "ck_session_times" CHECK (ends_at > starts_at), CONSTRAINT "ck_session_waitlist" CHECK (waitlist_count >= 0), CONSTRAINT "ck_session_places" CHECK (booked_count >= 0 AND booked_count <= capacity), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_session_starts_at" ON "session" ("starts_at", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."booking_status" AS ENUM('BOOKED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')`,
    );
    await queryRunner.query(
      `CREATE TABLE "booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "session_id" uuid NOT NULL, "person_id" uuid NOT NULL, "status" "public"."booking_status" NOT NULL, "waitlist_seq" integer, "attendance_recorded_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ux_booking_session_person" UNIQUE ("session_id", "person_id"), CONSTRAINT "ck_booking_waitlist" CHECK ((status = 'WAITLISTED') = (waitlist_seq IS NOT NULL)), CONSTRAINT "PK_49171efc69702ed84c812f33540" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_booking_person_id" ON "booking" ("person_id") `);
    await queryRunner.query(
      `ALTER TABLE "member_profile" ADD CONSTRAINT "fk_member_profile_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_profile" ADD CONSTRAINT "fk_member_profile_home_area" FOREIGN KEY ("home_area_id") REFERENCES "area"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_interest" ADD CONSTRAINT "fk_member_interest_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_interest" ADD CONSTRAINT "fk_member_interest_interest" FOREIGN KEY ("interest_id") REFERENCES "interest"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "availability_window" ADD CONSTRAINT "fk_availability_window_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "venue" ADD CONSTRAINT "fk_venue_area" FOREIGN KEY ("area_id") REFERENCES "area"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity" ADD CONSTRAINT "fk_activity_venue" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity" ADD CONSTRAINT "fk_activity_created_by" FOREIGN KEY ("created_by") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity" ADD CONSTRAINT "fk_activity_approved_by" FOREIGN KEY ("approved_by") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_interest" ADD CONSTRAINT "fk_activity_interest_activity" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_interest" ADD CONSTRAINT "fk_activity_interest_interest" FOREIGN KEY ("interest_id") REFERENCES "interest"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "fk_session_activity" FOREIGN KEY ("activity_id") REFERENCES "activity"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "fk_booking_session" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "fk_booking_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "booking" ADD CONSTRAINT "fk_booking_attendance_recorded_by" FOREIGN KEY ("attendance_recorded_by") REFERENCES "person"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    // The interest taxonomy as shipped on this date (libs/community/src/taxonomy.ts); ids derive
    // from slugs so they are the same in every database. Later changes come in later migrations.
    await queryRunner.query(`
      INSERT INTO "interest" ("id", "slug", "label", "group_slug", "group_label", "active")
      SELECT md5('kith-interest:' || t.slug)::uuid, t.slug, t.label, t.group_slug, t.group_label, t.active
        FROM (VALUES
         ('walking', 'Walking', 'outdoors', 'Outdoors and nature', true),
         ('gardening', 'Gardening', 'outdoors', 'Outdoors and nature', true),
         ('birdwatching', 'Birdwatching', 'outdoors', 'Outdoors and nature', false),
         ('nature-conservation', 'Nature conservation', 'outdoors', 'Outdoors and nature', true),
         ('allotments', 'Allotments', 'outdoors', 'Outdoors and nature', true),
         ('park-clean-ups', 'Park clean-ups', 'outdoors', 'Outdoors and nature', true),
         ('chair-yoga', 'Chair yoga', 'movement', 'Sport and movement', true),
         ('tai-chi', 'Tai chi', 'movement', 'Sport and movement', true),
         ('swimming', 'Swimming', 'movement', 'Sport and movement', true),
         ('dancing', 'Dancing', 'movement', 'Sport and movement', true),
         ('bowls', 'Bowls', 'movement', 'Sport and movement', true),
         ('table-tennis', 'Table tennis', 'movement', 'Sport and movement', true),
         ('cycling', 'Cycling', 'movement', 'Sport and movement', true),
         ('choir', 'Choir', 'music', 'Music', false),
         ('singing-for-wellbeing', 'Singing for wellbeing', 'music', 'Music', false),
         ('playing-an-instrument', 'Playing an instrument', 'music', 'Music', false),
         ('listening-to-music', 'Listening to music', 'music', 'Music', false),
         ('ukulele', 'Ukulele', 'music', 'Music', false),
         ('music-quiz', 'Music quizzes', 'music', 'Music', false),
         ('painting', 'Painting and drawing', 'arts-crafts', 'Arts and crafts', false),
         ('knitting', 'Knitting and crochet', 'arts-crafts', 'Arts and crafts', false),
         ('pottery', 'Pottery', 'arts-crafts', 'Arts and crafts', false),
         ('sewing', 'Sewing', 'arts-crafts', 'Arts and crafts', false),
         ('photography', 'Photography', 'arts-crafts', 'Arts and crafts', false),
         ('woodwork', 'Woodwork', 'arts-crafts', 'Arts and crafts', false),
         ('cooking', 'Cooking', 'food', 'Food and drink', false),
         ('baking', 'Baking', 'food', 'Food and drink', false),
         ('lunch-clubs', 'Lunch clubs', 'food', 'Food and drink', false),
         ('coffee-mornings', 'Coffee mornings', 'food', 'Food and drink', false),
         ('world-food', 'Food from around the world', 'food', 'Food and drink', false),
         ('growing-food', 'Growing food', 'food', 'Food and drink', true),
         ('languages', 'Languages', 'learning', 'Learning', false),
         ('local-history', 'Local history', 'learning', 'Learning', false),
         ('book-club', 'Book club', 'learning', 'Learning', false),
         ('creative-writing', 'Creative writing', 'learning', 'Learning', false),
         ('talks-lectures', 'Talks and lectures', 'learning', 'Learning', false),
         ('science', 'Science', 'learning', 'Learning', false),
         ('board-games', 'Board games', 'games', 'Games and puzzles', false),
         ('cards', 'Cards and bridge', 'games', 'Games and puzzles', false),
         ('chess', 'Chess', 'games', 'Games and puzzles', false),
         ('quizzes', 'Quizzes', 'games', 'Games and puzzles', false),
         ('puzzles', 'Puzzles and crosswords', 'games', 'Games and puzzles', false),
         ('bingo', 'Bingo', 'games', 'Games and puzzles', false),
         ('smartphone-skills', 'Getting to grips with smartphones', 'digital', 'Technology', false),
         ('video-calling', 'Video calling family', 'digital', 'Technology', false),
         ('online-safety', 'Staying safe online', 'digital', 'Technology', false),
         ('computer-basics', 'Computer basics', 'digital', 'Technology', false),
         ('family-history', 'Family history research', 'digital', 'Technology', false),
         ('mindfulness', 'Mindfulness', 'wellbeing', 'Health and wellbeing', false),
         ('peer-support', 'Peer support groups', 'wellbeing', 'Health and wellbeing', false),
         ('memory-cafe', 'Memory cafés', 'wellbeing', 'Health and wellbeing', false),
         ('falls-prevention', 'Strength and balance', 'wellbeing', 'Health and wellbeing', true),
         ('healthy-eating', 'Healthy eating', 'wellbeing', 'Health and wellbeing', false),
         ('walking-football', 'Walking football', 'wellbeing', 'Health and wellbeing', true),
         ('volunteering', 'Volunteering', 'community', 'Community and culture', false),
         ('faith-groups', 'Faith and spiritual groups', 'community', 'Community and culture', false),
         ('film-club', 'Film club', 'community', 'Community and culture', false),
         ('theatre', 'Theatre and shows', 'community', 'Community and culture', false),
         ('museums', 'Museums and galleries', 'community', 'Community and culture', false),
         ('repair-cafe', 'Repair café', 'community', 'Community and culture', false)
        ) AS t(slug, label, group_slug, group_label, active)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "booking" DROP CONSTRAINT "fk_booking_attendance_recorded_by"`,
    );
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "fk_booking_person"`);
    await queryRunner.query(`ALTER TABLE "booking" DROP CONSTRAINT "fk_booking_session"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "fk_session_activity"`);
    await queryRunner.query(
      `ALTER TABLE "activity_interest" DROP CONSTRAINT "fk_activity_interest_interest"`,
    );
    await queryRunner.query(
      `ALTER TABLE "activity_interest" DROP CONSTRAINT "fk_activity_interest_activity"`,
    );
    await queryRunner.query(`ALTER TABLE "activity" DROP CONSTRAINT "fk_activity_approved_by"`);
    await queryRunner.query(`ALTER TABLE "activity" DROP CONSTRAINT "fk_activity_created_by"`);
    await queryRunner.query(`ALTER TABLE "activity" DROP CONSTRAINT "fk_activity_venue"`);
    await queryRunner.query(`ALTER TABLE "venue" DROP CONSTRAINT "fk_venue_area"`);
    await queryRunner.query(
      `ALTER TABLE "availability_window" DROP CONSTRAINT "fk_availability_window_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_interest" DROP CONSTRAINT "fk_member_interest_interest"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_interest" DROP CONSTRAINT "fk_member_interest_person"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_profile" DROP CONSTRAINT "fk_member_profile_home_area"`,
    );
    await queryRunner.query(
      `ALTER TABLE "member_profile" DROP CONSTRAINT "fk_member_profile_person"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_booking_person_id"`);
    await queryRunner.query(`DROP TABLE "booking"`);
    await queryRunner.query(`DROP TYPE "public"."booking_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_session_starts_at"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_interest_interest_id"`);
    await queryRunner.query(`DROP TABLE "activity_interest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_created_by"`);
    await queryRunner.query(`DROP INDEX "public"."ix_activity_venue_id"`);
    await queryRunner.query(`DROP TABLE "activity"`);
    await queryRunner.query(`DROP TYPE "public"."activity_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_venue_area_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_venue_location"`);
    await queryRunner.query(`DROP TABLE "venue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_availability_window_person_id"`);
    await queryRunner.query(`DROP TABLE "availability_window"`);
    await queryRunner.query(`DROP TYPE "public"."weekday"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_interest_interest_id"`);
    await queryRunner.query(`DROP TABLE "member_interest"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_profile_home_area_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_member_profile_home"`);
    await queryRunner.query(`DROP TABLE "member_profile"`);
    await queryRunner.query(`DROP TYPE "public"."accessibility_feature"`);
    await queryRunner.query(`DROP INDEX "public"."ux_interest_slug"`);
    await queryRunner.query(`DROP TABLE "interest"`);
  }
}
