import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import { dormantSql, strengthSql } from '../ties/tie-state';
import type { TieRules } from '../ties/tie-state';

/** An active tie at the snapshot's moment: its faded strength, and whether it is under 30 days old. */
export interface ActiveTie {
  a: string;
  b: string;
  strength: number;
  fresh: boolean;
}

/** What diversity and bridging are measured over, for one person. */
export interface PersonAttributes {
  id: string;
  ward: string | null;
  ageBand: string | null;
  /** The interest group of most of the interests they chose. */
  group: string | null;
  helper: boolean;
}

/** A member's own facts for the day, worked out in SQL. */
export interface MemberFacts {
  personId: string;
  sessions30: number;
  sessions90: number;
  groupsTried: number;
  /** The groups of the interests they chose and of sessions they came to in 90 days. */
  usualGroups: string[];
  surveyScores: Record<string, number>;
}

export interface SnapshotRow {
  personId: string;
  activeTies: number;
  tieStrength: number;
  newTies30Days: number;
  effectiveSize: number;
  constraint: number | null;
  diversity: number;
  bridgingShare: number;
  sessions30Days: number;
  sessions90Days: number;
  groupsTried: number;
  surveyScores: Record<string, number>;
  isolated: boolean;
}

/**
 * A tie hidden by either person (by then) is not counted: the member said it is not someone
 * they know. `p` a row with person_a and person_b; `at` the moment.
 */
const notHidden = (p: string, at: string) => `NOT EXISTS (
  SELECT 1 FROM contact_setting cs WHERE cs.hidden_at <= ${at}
     AND ((cs.owner_id = ${p}.person_a AND cs.person_id = ${p}.person_b)
       OR (cs.owner_id = ${p}.person_b AND cs.person_id = ${p}.person_a)))`;

/**
 * The reads and writes of the nightly snapshot. Ties come a batch of people at a time (as the
 * lower id of the pair), either from `tie` as kept (today) or worked out from the contacts
 * recorded by then (a past date); facts about members a batch at a time; nothing reads the
 * whole history into memory at once.
 */
@Injectable()
export class SnapshotRepository {
  constructor(private readonly db: Db) {}

  /** Everyone, by id: the graph's nodes, with what diversity is measured over. */
  async people(after: string | null, limit: number): Promise<PersonAttributes[]> {
    return this.db.query<PersonAttributes>(
      `SELECT p.id, mp.home_area_id AS ward, mp.age_band AS "ageBand",
              (SELECT i.group_slug FROM member_interest mi JOIN interest i ON i.id = mi.interest_id
                WHERE mi.person_id = p.id GROUP BY i.group_slug ORDER BY count(*) DESC, i.group_slug LIMIT 1) AS "group",
              EXISTS (SELECT 1 FROM role_grant g WHERE g.person_id = p.id AND g.role = 'HELPER') AS helper
         FROM person p LEFT JOIN member_profile mp ON mp.person_id = p.id
        WHERE $1::uuid IS NULL OR p.id > $1
        ORDER BY p.id LIMIT $2`,
      [after, limit],
    );
  }

  /**
   * Active ties whose lower id is one of `ids`: from `tie` as kept (`kept`, for today), or worked
   * out from the contacts recorded by `at` (`contacts`, a past date).
   */
  async activeTies(
    ids: readonly string[],
    at: Date,
    from: 'kept' | 'contacts',
    rules: TieRules,
  ): Promise<ActiveTie[]> {
    const ties =
      from === 'kept'
        ? `SELECT t.person_a, t.person_b, ${strengthSql('t', '$2::timestamptz', '$3')} AS weight,
                  t.contact_days, t.first_contact_at, t.last_contact_at
             FROM tie t WHERE t.person_a = ANY($1::uuid[]) AND t.first_contact_at <= $2::timestamptz`
        : `SELECT c.person_a, c.person_b,
                  sum(c.weight * power(0.5, extract(epoch FROM $2::timestamptz - c.at) / 86400.0 / $3))::float8 AS weight,
                  count(DISTINCT (c.at AT TIME ZONE 'Europe/London')::date)::int AS contact_days,
                  min(c.at) AS first_contact_at, max(c.at) AS last_contact_at
             FROM tie_contact c
            WHERE c.person_a = ANY($1::uuid[]) AND c.at <= $2::timestamptz
            GROUP BY c.person_a, c.person_b`;
    return this.db.query<ActiveTie>(
      `SELECT t.person_a AS a, t.person_b AS b, t.weight AS strength,
              t.first_contact_at > $2::timestamptz - interval '30 days' AS fresh
         FROM (${ties}) t
        WHERE NOT ${dormantSql('t', '$2::timestamptz', '$4')}
          AND ${notHidden('t', '$2::timestamptz')}`,
      [ids, at, rules.halfLifeDays, rules.dormantGaps],
    );
  }

  /** Members (with a profile, joined by `at` and not gone by then), by id, a batch at a time. */
  async members(after: string | null, limit: number, at: Date): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT mp.person_id AS id FROM member_profile mp JOIN person p ON p.id = mp.person_id
        WHERE ($1::uuid IS NULL OR mp.person_id > $1) AND p.created_at <= $3
          AND (mp.left_at IS NULL OR mp.left_at > $3)
        ORDER BY mp.person_id LIMIT $2`,
      [after, limit, at],
    );
    return rows.map((r) => r.id);
  }

  /**
   * Attendance, groups and the latest survey scores of each member, as at `at`: set-based over
   * the batch (the attendance read once, by person, and folded to one row per activity before
   * its interests are joined).
   */
  async facts(ids: readonly string[], at: Date): Promise<MemberFacts[]> {
    return this.db.query<MemberFacts>(
      `WITH came AS (
         SELECT b.person_id, s.activity_id,
                count(*) FILTER (WHERE s.starts_at > $2::timestamptz - interval '30 days')::int AS s30,
                count(*) FILTER (WHERE s.starts_at > $2::timestamptz - interval '90 days')::int AS s90
           FROM booking b JOIN session s ON s.id = b.session_id
          WHERE b.person_id = ANY($1::uuid[]) AND b.status = 'ATTENDED' AND s.starts_at <= $2::timestamptz
          GROUP BY b.person_id, s.activity_id),
       groups AS (
         SELECT c.person_id, i.group_slug, bool_or(c.s90 > 0) AS recent
           FROM came c JOIN activity_interest ai ON ai.activity_id = c.activity_id
           JOIN interest i ON i.id = ai.interest_id
          GROUP BY c.person_id, i.group_slug),
       chosen AS (
         SELECT mi.person_id, i.group_slug FROM member_interest mi JOIN interest i ON i.id = mi.interest_id
          WHERE mi.person_id = ANY($1::uuid[])),
       scores AS (
         SELECT person_id, jsonb_object_agg(instrument_id, score) AS scores
           FROM (SELECT DISTINCT ON (person_id, instrument_id) person_id, instrument_id, score
                   FROM survey_response WHERE person_id = ANY($1::uuid[]) AND created_at <= $2::timestamptz
                  ORDER BY person_id, instrument_id, created_at DESC) r
          GROUP BY person_id),
       per AS (
         SELECT person_id, sum(s30)::int AS s30, sum(s90)::int AS s90 FROM came GROUP BY person_id),
       tried AS (
         SELECT person_id, count(*)::int AS n, array_agg(group_slug) FILTER (WHERE recent) AS recent
           FROM groups GROUP BY person_id),
       usual AS (
         SELECT person_id, array_agg(DISTINCT g) AS groups FROM (
           SELECT person_id, unnest(recent) AS g FROM tried
           UNION ALL SELECT person_id, group_slug FROM chosen) u
          WHERE g IS NOT NULL GROUP BY person_id)
       SELECT m.id AS "personId", COALESCE(per.s30, 0) AS sessions30, COALESCE(per.s90, 0) AS sessions90,
              COALESCE(tried.n, 0) AS "groupsTried", COALESCE(usual.groups, '{}') AS "usualGroups",
              COALESCE(scores.scores, '{}') AS "surveyScores"
         FROM unnest($1::uuid[]) AS m(id)
         LEFT JOIN per ON per.person_id = m.id
         LEFT JOIN tried ON tried.person_id = m.id
         LEFT JOIN usual ON usual.person_id = m.id
         LEFT JOIN scores ON scores.person_id = m.id`,
      [ids, at],
    );
  }

  /** One row per member and date: a rerun of the same date replaces what it had. */
  async save(on: string, rows: readonly SnapshotRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = <K extends keyof SnapshotRow>(key: K) => rows.map((r) => r[key]);
    await this.db.query(
      `INSERT INTO network_snapshot (person_id, "on", active_ties, tie_strength, new_ties_30_days, effective_size,
                                     "constraint", diversity, bridging_share, sessions_30_days, sessions_90_days,
                                     groups_tried, survey_scores, isolated)
       SELECT r.*
         FROM unnest($2::uuid[], $1::date[], $3::int[], $4::float8[], $5::int[], $6::float8[], $7::float8[], $8::float8[],
                     $9::float8[], $10::int[], $11::int[], $12::int[], $13::jsonb[], $14::boolean[]) AS r
       ON CONFLICT (person_id, "on") DO UPDATE SET
         active_ties = EXCLUDED.active_ties, tie_strength = EXCLUDED.tie_strength,
         new_ties_30_days = EXCLUDED.new_ties_30_days, effective_size = EXCLUDED.effective_size,
         "constraint" = EXCLUDED."constraint", diversity = EXCLUDED.diversity,
         bridging_share = EXCLUDED.bridging_share, sessions_30_days = EXCLUDED.sessions_30_days,
         sessions_90_days = EXCLUDED.sessions_90_days, groups_tried = EXCLUDED.groups_tried,
         survey_scores = EXCLUDED.survey_scores, isolated = EXCLUDED.isolated, computed_at = now()`,
      [
        rows.map(() => on),
        column('personId'),
        column('activeTies'),
        column('tieStrength'),
        column('newTies30Days'),
        column('effectiveSize'),
        column('constraint'),
        column('diversity'),
        column('bridgingShare'),
        column('sessions30Days'),
        column('sessions90Days'),
        column('groupsTried'),
        rows.map((r) => JSON.stringify(r.surveyScores)),
        column('isolated'),
      ],
    );
  }

  /** The database's clock: what rows written from now on carry as computed_at. */
  async databaseNow(): Promise<Date> {
    const [row] = await this.db.query<{ now: Date }>(`SELECT now() AS now`);
    return row.now;
  }

  /** The date's rows not written since `since`: people who are no longer members by then. */
  async dropNotRewritten(on: string, since: Date): Promise<number> {
    const rows = await this.db.query(
      `DELETE FROM network_snapshot WHERE "on" = $1 AND computed_at < $2 RETURNING 1`,
      [on, since],
    );
    return rows.length;
  }

  /** The earliest attendance or contact on record: where a backfill starts. */
  async firstActivity(): Promise<Date | null> {
    const [row] = await this.db.query<{ at: Date | null }>(
      `SELECT LEAST((SELECT min(at) FROM tie_contact),
                    (SELECT min(s.starts_at) FROM booking b JOIN session s ON s.id = b.session_id WHERE b.status = 'ATTENDED')) AS at`,
    );
    return row?.at ?? null;
  }
}
