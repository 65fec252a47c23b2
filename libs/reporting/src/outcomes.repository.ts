import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

/** A member's score at their baseline and at their last review in the period. */
export interface CompleterPair {
  measure: string;
  before: number;
  after: number;
  /** The ward the member lives in (null: outside every ward). */
  ward?: string | null;
}

/** How many in scope have a baseline of each measure (by the end of the period). */
export interface BaselineCount {
  measure: string;
  baselines: number;
  ward?: string | null;
}

export interface IsolationMonth {
  month: string;
  members: number;
  isolated: number;
  ward?: string | null;
}

/** The members a report covers: living in the area or in an area inside it, with their ward. */
const IN_SCOPE = `WITH RECURSIVE inside AS (
    SELECT id, CASE WHEN kind = 'ward' THEN id END AS ward FROM area WHERE id = $1
    UNION ALL
    SELECT a.id, coalesce(inside.ward, CASE WHEN a.kind = 'ward' THEN a.id END)
      FROM area a JOIN inside ON a.parent_id = inside.id),
  scope AS (SELECT mp.person_id, i.ward FROM member_profile mp JOIN inside i ON i.id = mp.home_area_id)`;

/** The snapshot measures an outcome report follows, by their column. */
export const NETWORK_MEASURES = {
  'network-active-ties': 'active_ties',
  'network-diversity': 'diversity',
  'network-bridging-share': 'bridging_share',
  'network-effective-size': 'effective_size',
} as const;

/**
 * The reads of the outcomes report, over the network lib's survey answers and snapshots and
 * community's profiles (the reporting lib writes none of them). Always for the members in scope
 * only: the area is part of every query, never filtered afterwards.
 */
@Injectable()
export class OutcomesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Completers of each instrument: a baseline, and a review (or exit) at least three months on
   * that falls in the period; their first baseline and latest such answer.
   */
  async surveyPairs(areaId: string, from: Date, to: Date): Promise<CompleterPair[]> {
    return this.db.query<CompleterPair>(
      `${IN_SCOPE},
       base AS (
         SELECT DISTINCT ON (r.person_id, r.instrument_id) r.person_id, s.ward, r.instrument_id, r.version, r.score, r.created_at
           FROM survey_response r JOIN scope s ON s.person_id = r.person_id
          WHERE r.stage = 'BASELINE' AND r.created_at < $3
          ORDER BY r.person_id, r.instrument_id, r.created_at)
       SELECT b.instrument_id AS measure, b.score AS before, later.score AS after, b.ward
         FROM base b
         JOIN LATERAL (
           SELECT r.score FROM survey_response r
            WHERE r.person_id = b.person_id AND r.instrument_id = b.instrument_id AND r.version = b.version
              AND r.stage IN ('REVIEW', 'EXIT') AND r.created_at >= b.created_at + interval '3 months'
              AND r.created_at >= $2 AND r.created_at < $3
            ORDER BY r.created_at DESC LIMIT 1) later ON true`,
      [areaId, from, to],
    );
  }

  async surveyBaselines(areaId: string, to: Date): Promise<BaselineCount[]> {
    return this.db.query<BaselineCount>(
      `${IN_SCOPE}
       SELECT r.instrument_id AS measure, s.ward, count(DISTINCT r.person_id)::int AS baselines
         FROM survey_response r JOIN scope s ON s.person_id = r.person_id
        WHERE r.stage = 'BASELINE' AND r.created_at < $2
        GROUP BY r.instrument_id, s.ward`,
      [areaId, to],
    );
  }

  /**
   * The same for the network measures: each member's first snapshot as the baseline, and their
   * latest in the period at least three months after it.
   */
  async networkPairs(areaId: string, from: Date, to: Date): Promise<CompleterPair[]> {
    const columns = Object.entries(NETWORK_MEASURES);
    const rows = await this.db.query<Record<string, number> & { ward: string | null }>(
      `${IN_SCOPE},
       first AS (
         SELECT DISTINCT ON (n.person_id) n.*, s.ward AS home_ward FROM network_snapshot n JOIN scope s ON s.person_id = n.person_id
          WHERE n."on" < ($3::timestamptz AT TIME ZONE 'Europe/London')::date ORDER BY n.person_id, n."on"),
       last AS (
         SELECT DISTINCT ON (n.person_id) n.* FROM network_snapshot n JOIN first f ON f.person_id = n.person_id
          WHERE n."on" >= f."on" + interval '3 months'
            AND n."on" >= ($2::timestamptz AT TIME ZONE 'Europe/London')::date
            AND n."on" < ($3::timestamptz AT TIME ZONE 'Europe/London')::date
          ORDER BY n.person_id, n."on" DESC)
       SELECT ${columns.map(([, c]) => `f.${c} AS "before_${c}", l.${c} AS "after_${c}"`).join(', ')}, f.home_ward AS ward
         FROM first f JOIN last l ON l.person_id = f.person_id`,
      [areaId, from, to],
    );
    return rows.flatMap((row) =>
      columns.map(([measure, c]) => ({
        measure,
        before: Number(row[`before_${c}`]),
        after: Number(row[`after_${c}`]),
        ward: row.ward,
      })),
    );
  }

  /** Members with a first snapshot by the end of the period, by ward. */
  networkBaselines(
    areaId: string,
    to: Date,
  ): Promise<{ ward: string | null; baselines: number }[]> {
    return this.db.query(
      `${IN_SCOPE}
       SELECT s.ward, count(DISTINCT n.person_id)::int AS baselines FROM network_snapshot n JOIN scope s ON s.person_id = n.person_id
        WHERE n."on" < ($2::timestamptz AT TIME ZONE 'Europe/London')::date
        GROUP BY s.ward`,
      [areaId, to],
    );
  }

  /** Each month's last snapshot date in the period: how many members, how many isolated, by ward. */
  async isolationByMonth(areaId: string, from: Date, to: Date): Promise<IsolationMonth[]> {
    return this.db.query<IsolationMonth>(
      `${IN_SCOPE},
       days AS (
         SELECT max(n."on") AS on FROM network_snapshot n JOIN scope s ON s.person_id = n.person_id
          WHERE n."on" >= ($2::timestamptz AT TIME ZONE 'Europe/London')::date
            AND n."on" < ($3::timestamptz AT TIME ZONE 'Europe/London')::date
          GROUP BY date_trunc('month', n."on"))
       SELECT to_char(d.on, 'YYYY-MM') AS month, s.ward, count(*)::int AS members,
              count(*) FILTER (WHERE n.isolated)::int AS isolated
         FROM days d JOIN network_snapshot n ON n."on" = d.on JOIN scope s ON s.person_id = n.person_id
        GROUP BY d.on, s.ward ORDER BY d.on`,
      [areaId, from, to],
    );
  }
}
