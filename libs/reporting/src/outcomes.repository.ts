import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import { FAMILY, familyKeySql } from './perturbation';
import { HOME_AT, MONTH_NUMBER, MONTH_START } from './report-sql';

/**
 * A completer of a measure as of a period's end: their score at baseline and at their latest
 * review (or snapshot) before it, at least three months on; the London month of that review,
 * where they lived at its start, and their record key.
 */
export interface CompleterPair {
  measure: string;
  before: number;
  after: number;
  /** The London month (numbered) of the review the change is measured to. */
  month: number;
  /** Where the member lived at the start of that month. */
  areaId: string;
  /** Its code: what the cells are named by. */
  areaCode: string;
  key: number;
}

/** Someone with a baseline of a measure: its London month, where they lived then, their key. */
export interface BaselineRow {
  measure: string;
  month: number;
  areaId: string;
  key: number;
}

/** A month's snapshot day: a member snapshotted, where they lived, and whether isolated. */
export interface IsolationRow {
  month: string;
  areaId: string;
  members: number;
  membersKey: number;
  isolated: number;
  isolatedKey: number;
}

/** The snapshot measures an outcome report follows, by their column. */
export const NETWORK_MEASURES = {
  'network-active-ties': 'active_ties',
  'network-diversity': 'diversity',
  'network-bridging-share': 'bridging_share',
  'network-effective-size': 'effective_size',
} as const;

/** The London date of an instant (a snapshot's `on` is one). */
const LONDON_DATE = (at: string) => `(${at}::timestamptz AT TIME ZONE 'Europe/London')::date`;
/** The London month of a date, numbered. */
const DATE_MONTH = (day: string) =>
  `(extract(year FROM ${day})::int * 12 + extract(month FROM ${day})::int - 1)`;

const asNumbers = <T>(rows: Record<string, unknown>[], fields: string[]): T[] =>
  rows.map((r) => {
    const out: Record<string, unknown> = { ...r };
    for (const f of fields) out[f] = Number(r[f]);
    return out as T;
  });

/**
 * The reads of the outcomes report, over the network lib's survey answers and snapshots and
 * community's homes (the reporting lib writes none of them). Every member is counted where they
 * lived at the start of the month of what is counted; the areas are part of every query.
 */
@Injectable()
export class OutcomesRepository {
  constructor(private readonly db: Db) {}

  /**
   * Completers of each instrument as of `to`: a baseline, and a review (or exit) at least three
   * months on before `to`; their first baseline and latest such answer.
   */
  async surveyPairs(areaIds: readonly string[], to: Date): Promise<CompleterPair[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `WITH base AS (
         SELECT DISTINCT ON (r.person_id, r.instrument_id) r.person_id, r.instrument_id, r.version, r.score, r.created_at
           FROM survey_response r
          WHERE r.stage = 'BASELINE' AND r.created_at < $2
          ORDER BY r.person_id, r.instrument_id, r.created_at),
       pairs AS (
         SELECT b.instrument_id AS measure, b.person_id, b.score AS before, later.score AS after,
                ${MONTH_NUMBER('later.created_at')} AS month
           FROM base b
           JOIN LATERAL (
             SELECT r.score, r.created_at FROM survey_response r
              WHERE r.person_id = b.person_id AND r.instrument_id = b.instrument_id AND r.version = b.version
                AND r.stage IN ('REVIEW', 'EXIT') AND r.created_at >= b.created_at + interval '3 months'
                AND r.created_at < $2
              ORDER BY r.created_at DESC LIMIT 1) later ON true)
       SELECT x.*, ar.code AS "areaCode" FROM (
         SELECT p.measure, p.before, p.after, p.month, pe.record_key AS key,
                ${HOME_AT('p.person_id', MONTH_START('p.month'))} AS "areaId"
           FROM pairs p JOIN person pe ON pe.id = p.person_id) x
         JOIN area ar ON ar.id = x."areaId"
        WHERE x."areaId" = ANY($1::uuid[])`,
      [areaIds, to],
    );
    return asNumbers(rows, ['before', 'after', 'month', 'key']);
  }

  /** Who has a baseline of each instrument before `to`: its month and where they lived then. */
  async surveyBaselines(areaIds: readonly string[], to: Date): Promise<BaselineRow[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT x.* FROM (
         SELECT b.instrument_id AS measure, b.month, pe.record_key AS key,
                ${HOME_AT('b.person_id', MONTH_START('b.month'))} AS "areaId"
           FROM (SELECT r.person_id, r.instrument_id, min(${MONTH_NUMBER('r.created_at')}) AS month
                   FROM survey_response r WHERE r.stage = 'BASELINE' AND r.created_at < $2
                  GROUP BY r.person_id, r.instrument_id) b
           JOIN person pe ON pe.id = b.person_id) x
        WHERE x."areaId" = ANY($1::uuid[])`,
      [areaIds, to],
    );
    return asNumbers(rows, ['month', 'key']);
  }

  /**
   * The same for the network measures: each member's first snapshot as the baseline, and
   * their latest before `to` at least three months after it.
   */
  async networkPairs(areaIds: readonly string[], to: Date): Promise<CompleterPair[]> {
    const columns = Object.entries(NETWORK_MEASURES);
    const rows = await this.db.query<Record<string, unknown>>(
      `WITH first AS (
         SELECT DISTINCT ON (n.person_id) n.* FROM network_snapshot n
          WHERE n."on" < ${LONDON_DATE('$2')} ORDER BY n.person_id, n."on"),
       last AS (
         SELECT DISTINCT ON (n.person_id) n.* FROM network_snapshot n JOIN first f ON f.person_id = n.person_id
          WHERE n."on" >= f."on" + interval '3 months' AND n."on" < ${LONDON_DATE('$2')}
          ORDER BY n.person_id, n."on" DESC)
       SELECT x.*, ar.code AS "areaCode" FROM (
         SELECT ${columns.map(([, c]) => `f.${c} AS "before_${c}", l.${c} AS "after_${c}"`).join(', ')},
                ${DATE_MONTH('l."on"')} AS month, pe.record_key AS key,
                ${HOME_AT('l.person_id', MONTH_START(DATE_MONTH('l."on"')))} AS "areaId"
           FROM first f JOIN last l ON l.person_id = f.person_id JOIN person pe ON pe.id = f.person_id) x
         JOIN area ar ON ar.id = x."areaId"
        WHERE x."areaId" = ANY($1::uuid[])`,
      [areaIds, to],
    );
    return rows.flatMap((row) =>
      columns.map(([measure, c]) => ({
        measure,
        before: Number(row[`before_${c}`]),
        after: Number(row[`after_${c}`]),
        month: Number(row.month),
        areaId: row.areaId as string,
        areaCode: row.areaCode as string,
        key: Number(row.key),
      })),
    );
  }

  /** Members with a first snapshot before `to`: its month and where they lived then. */
  async networkBaselines(areaIds: readonly string[], to: Date): Promise<BaselineRow[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `SELECT x.* FROM (
         SELECT f.month, pe.record_key AS key, ${HOME_AT('f.person_id', MONTH_START('f.month'))} AS "areaId"
           FROM (SELECT n.person_id, min(${DATE_MONTH('n."on"')}) AS month FROM network_snapshot n
                  WHERE n."on" < ${LONDON_DATE('$2')} GROUP BY n.person_id) f
           JOIN person pe ON pe.id = f.person_id) x
        WHERE x."areaId" = ANY($1::uuid[])`,
      [areaIds, to],
    );
    return asNumbers<Omit<BaselineRow, 'measure'>>(rows, ['month', 'key']).map((r) => ({
      ...r,
      measure: '',
    }));
  }

  /**
   * Each month's last snapshot day in the period (of anyone in the areas): how many members
   * and how many isolated, by where they lived at the month's start, with their keys.
   */
  async isolationByMonth(
    areaIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<IsolationRow[]> {
    const rows = await this.db.query<Record<string, unknown>>(
      `WITH days AS (
         SELECT max(n."on") AS on FROM network_snapshot n
          WHERE n."on" >= ${LONDON_DATE('$2')} AND n."on" < ${LONDON_DATE('$3')}
          GROUP BY date_trunc('month', n."on")),
       placed AS (
         SELECT d.on, n.isolated, ${familyKeySql('pe.record_key', FAMILY.snapshotted)} AS members_key,
                ${familyKeySql('pe.record_key', FAMILY.isolated)} AS isolated_key,
                ${HOME_AT('n.person_id', MONTH_START(DATE_MONTH('d.on')))} AS area_id
           FROM days d JOIN network_snapshot n ON n."on" = d.on JOIN person pe ON pe.id = n.person_id)
       SELECT to_char(p.on, 'YYYY-MM') AS month, p.area_id AS "areaId", count(*)::int AS members,
              sum(p.members_key)::bigint AS "membersKey", count(*) FILTER (WHERE p.isolated)::int AS isolated,
              coalesce(sum(p.isolated_key) FILTER (WHERE p.isolated), 0)::bigint AS "isolatedKey"
         FROM placed p WHERE p.area_id = ANY($1::uuid[])
        GROUP BY p.on, p.area_id ORDER BY p.on`,
      [areaIds, from, to],
    );
    return asNumbers(rows, ['members', 'membersKey', 'isolated', 'isolatedKey']);
  }
}
