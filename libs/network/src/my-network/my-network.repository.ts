import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

export interface NetworkPointRow {
  on: string;
  activeTies: number;
  newTies30Days: number;
  diversity: number;
  bridgingShare: number;
  sessionsAttended30Days: number;
}

/** A member whose latest snapshot gives a coordinator cause to call. */
export interface AtRiskRow {
  personId: string;
  displayName: string;
  isolated: boolean;
  sessions30: number;
  sessions90: number;
  activeTies: number;
  /** Active ties at the snapshot about four weeks before, if there is one. */
  activeTiesBefore: number | null;
  lonelinessNow: number | null;
  lonelinessBefore: number | null;
  lastAttendedAt: Date | null;
}

/**
 * Reads for a member's own view of their network, and for a coordinator's list of members at
 * risk. The snapshot's `isolated` flag is read only for the coordinator, never for the member.
 */
@Injectable()
export class MyNetworkRepository {
  constructor(private readonly db: Db) {}

  /** The member's snapshots, oldest first, the latest `limit`. */
  async history(personId: string, limit: number): Promise<NetworkPointRow[]> {
    return this.db.query<NetworkPointRow>(
      `SELECT * FROM (
         SELECT to_char("on", 'YYYY-MM-DD') AS "on", active_ties AS "activeTies", new_ties_30_days AS "newTies30Days",
                diversity, bridging_share AS "bridgingShare", sessions_30_days AS "sessionsAttended30Days"
           FROM network_snapshot WHERE person_id = $1 ORDER BY "on" DESC LIMIT $2) h
        ORDER BY "on"`,
      [personId, limit],
    );
  }

  /** Sessions attended in the last 30 days and the 30 before; groups tried at the first snapshot. */
  async activity(
    personId: string,
    now: Date,
  ): Promise<{
    last30: number;
    previous30: number;
    groupsNow: number;
    groupsAtFirst: number | null;
  }> {
    const [row] = await this.db.query<{
      last30: number;
      previous30: number;
      groupsNow: number;
      groupsAtFirst: number | null;
    }>(
      `SELECT count(*) FILTER (WHERE s.starts_at > $2::timestamptz - interval '30 days')::int AS last30,
              count(*) FILTER (WHERE s.starts_at <= $2::timestamptz - interval '30 days')::int AS previous30,
              (SELECT count(DISTINCT i.group_slug)::int FROM booking b2 JOIN session s2 ON s2.id = b2.session_id
                 JOIN activity_interest ai ON ai.activity_id = s2.activity_id JOIN interest i ON i.id = ai.interest_id
                WHERE b2.person_id = $1 AND b2.status = 'ATTENDED' AND s2.starts_at <= $2) AS "groupsNow",
              (SELECT groups_tried FROM network_snapshot WHERE person_id = $1 ORDER BY "on" LIMIT 1) AS "groupsAtFirst"
         FROM booking b JOIN session s ON s.id = b.session_id
        WHERE b.person_id = $1 AND b.status = 'ATTENDED'
          AND s.starts_at > $2::timestamptz - interval '60 days' AND s.starts_at <= $2`,
      [personId, now],
    );
    return row;
  }

  /** Items of an instrument answered 0 in the member's first response and more in their latest. */
  async itemsGained(personId: string, instrumentId: string): Promise<string[]> {
    const rows = await this.db.query<{ item: string }>(
      `WITH answered AS (
         SELECT answers, row_number() OVER (ORDER BY created_at) AS first_n,
                row_number() OVER (ORDER BY created_at DESC) AS last_n
           FROM survey_response WHERE person_id = $1 AND instrument_id = $2),
       first AS (SELECT a->>'itemId' AS item, (a->>'value')::int AS value
                   FROM answered, jsonb_array_elements(answers) a WHERE first_n = 1 AND last_n > 1),
       latest AS (SELECT a->>'itemId' AS item, (a->>'value')::int AS value
                    FROM answered, jsonb_array_elements(answers) a WHERE last_n = 1 AND first_n > 1)
       SELECT f.item FROM first f JOIN latest l ON l.item = f.item
        WHERE f.value = 0 AND l.value > 0 ORDER BY f.item`,
      [personId, instrumentId],
    );
    return rows.map((r) => r.item);
  }

  /**
   * Members living in the area (or inside it) whose latest snapshot shows them isolated, no
   * longer coming, with fewer ties than four weeks before, or lonelier by their own answers.
   */
  async atRisk(areaId: string, limit: number, loneliness: string): Promise<AtRiskRow[]> {
    return this.db.query<AtRiskRow>(
      `WITH RECURSIVE inside AS (
         SELECT id FROM area WHERE id = $1
         UNION SELECT a.id FROM area a JOIN inside ON a.parent_id = inside.id),
       -- Each member's own latest snapshot (within a week): a night's run still writing, or one
       -- that stopped part-way, leaves nobody out.
       now AS (
         SELECT ns.*, p.display_name
           FROM member_profile mp
           JOIN person p ON p.id = mp.person_id
           JOIN LATERAL (SELECT * FROM network_snapshot s WHERE s.person_id = mp.person_id
                          ORDER BY s."on" DESC LIMIT 1) ns ON ns."on" > CURRENT_DATE - 7
          WHERE mp.left_at IS NULL AND mp.home_area_id IN (SELECT id FROM inside)),
       flagged AS (
         SELECT n.*, before.active_ties AS ties_before,
                (before.survey_scores->>$3)::float8 AS lonely_before
           FROM now n
           LEFT JOIN LATERAL (
             SELECT b.active_ties, b.survey_scores FROM network_snapshot b
              WHERE b.person_id = n.person_id AND b."on" <= n."on" - 28
              ORDER BY b."on" DESC LIMIT 1) before ON true)
       SELECT f.person_id AS "personId", f.display_name AS "displayName", f.isolated,
              f.sessions_30_days AS sessions30, f.sessions_90_days AS sessions90, f.active_ties AS "activeTies",
              f.ties_before AS "activeTiesBefore", (f.survey_scores->>$3)::float8 AS "lonelinessNow",
              f.lonely_before AS "lonelinessBefore",
              (SELECT max(s.starts_at) FROM booking b JOIN session s ON s.id = b.session_id
                WHERE b.person_id = f.person_id AND b.status = 'ATTENDED') AS "lastAttendedAt"
         FROM flagged f
        WHERE f.isolated
           OR (f.sessions_30_days = 0 AND f.sessions_90_days > 0)
           OR (f.ties_before IS NOT NULL AND f.active_ties <= f.ties_before - 2)
           OR ((f.survey_scores->>$3)::float8 >= f.lonely_before + 2)
        ORDER BY f.isolated DESC, "lastAttendedAt" NULLS FIRST, f.person_id
        LIMIT $2`,
      [areaId, limit, loneliness],
    );
  }
}
