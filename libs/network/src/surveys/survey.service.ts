import { Injectable } from '@nestjs/common';
import type { Principal } from '@kith/identity';
import { Clock, Db, DomainError } from '@kith/platform';
import type { Instrument } from './instrument';
import { scoreAnswers } from './scoring';
import type { Answer } from './scoring';
import { SHIPPED_INSTRUMENTS } from './shipped-instruments';
import { SurveyInstrumentRepository } from './survey-instrument.repository';
import { SurveyStage } from './survey.entities';

/** A baseline within this many days of joining; a review this many months after the last. */
export const BASELINE_WITHIN_DAYS = 14;
export const REVIEW_EVERY_MONTHS = 3;
const DAY_MS = 24 * 3600_000;

export interface SurveyDue {
  instrument: Instrument;
  stage: SurveyStage;
  dueOn: Date;
}

export interface StoredResponse {
  id: string;
  instrumentId: string;
  version: number;
  stage: SurveyStage;
  score: number;
  subscales: { id: string; score: number }[];
  at: Date;
}

function addMonths(at: Date, months: number): Date {
  const next = new Date(at);
  next.setUTCMonth(next.getUTCMonth() + months);
  return next;
}

/**
 * A member's own surveys: which are due (a baseline soon after joining, then a review every
 * three months), and their answers, checked against the instrument and scored. Only ever the
 * caller's: nobody answers for someone else.
 */
@Injectable()
export class SurveyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly instruments: SurveyInstrumentRepository,
  ) {}

  async pending(principal: Principal): Promise<SurveyDue[]> {
    const person = await this.person(principal.personId);
    const last = await this.lastResponses(principal.personId);
    const instruments = await this.instruments.current();
    // Left: only the exit survey, of each instrument answered before and not since.
    if (person.leftAt) {
      const leftAt = person.leftAt;
      return instruments
        .filter((i) => {
          const latest = last.get(i.id);
          return latest !== undefined && latest < leftAt;
        })
        .map((instrument) => ({ instrument, stage: SurveyStage.EXIT, dueOn: leftAt }));
    }
    return instruments
      .map((instrument) => {
        const latest = last.get(instrument.id);
        return latest
          ? {
              instrument,
              stage: SurveyStage.REVIEW,
              dueOn: addMonths(latest, REVIEW_EVERY_MONTHS),
            }
          : {
              instrument,
              stage: SurveyStage.BASELINE,
              dueOn: new Date(person.joined.getTime() + BASELINE_WITHIN_DAYS * DAY_MS),
            };
      })
      .filter((due) => due.stage === SurveyStage.BASELINE || due.dueOn <= this.clock.now());
  }

  /**
   * The caller's answers to the current version of an instrument: BAD_USER_INPUT naming each
   * item that does not fit (nothing stored), else stored once, scored, and given back. The first
   * response is the baseline; later ones reviews; any after the member left, the exit.
   */
  async submit(
    principal: Principal,
    instrumentId: string,
    answers: readonly Answer[],
    version?: number,
  ): Promise<StoredResponse> {
    const instrument = (await this.instruments.current()).find((i) => i.id === instrumentId);
    if (!instrument) throw DomainError.notFound('Survey');
    const scored = scoreAnswers(instrument, version ?? instrument.version, answers);
    return this.db.transaction(async () => {
      // One member's submissions take turns: the first is the baseline, once.
      await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [
        `${principal.personId}:${instrumentId}`,
      ]);
      const [{ earlier }] = await this.db.query<{ earlier: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM survey_response WHERE person_id = $1 AND instrument_id = $2) AS earlier`,
        [principal.personId, instrumentId],
      );
      const { leftAt } = await this.person(principal.personId);
      const [row] = await this.db.query<StoredResponse>(
        `INSERT INTO survey_response (person_id, instrument_id, version, stage, answers, score, subscales)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, instrument_id AS "instrumentId", version, stage, score, subscales, created_at AS at`,
        [
          principal.personId,
          instrumentId,
          instrument.version,
          leftAt ? SurveyStage.EXIT : earlier ? SurveyStage.REVIEW : SurveyStage.BASELINE,
          JSON.stringify(answers.map((a) => ({ itemId: a.itemId, value: a.value }))),
          scored.score,
          JSON.stringify(scored.subscales),
        ],
      );
      return row;
    });
  }

  /**
   * Answers given before (the demo's history, or a move from paper): each checked and scored as
   * `submit` does, the first of each member and instrument the baseline, stored with its date.
   * All or nothing; how many were stored.
   */
  async importHistory(
    responses: readonly { personId: string; instrumentId: string; answers: Answer[]; at: Date }[],
  ): Promise<number> {
    const ordered = [...responses].sort((a, b) => a.at.getTime() - b.at.getTime());
    const seen = new Set<string>();
    const rows = ordered.map((r) => {
      const instrument = SHIPPED_INSTRUMENTS.find((i) => i.id === r.instrumentId);
      if (!instrument) throw DomainError.notFound('Survey');
      const scored = scoreAnswers(instrument, instrument.version, r.answers);
      const key = `${r.personId}:${r.instrumentId}`;
      const stage = seen.has(key) ? SurveyStage.REVIEW : SurveyStage.BASELINE;
      seen.add(key);
      return { ...r, version: instrument.version, stage, scored };
    });
    return this.db.transaction(async () => {
      for (let i = 0; i < rows.length; i += 2000) {
        const batch = rows.slice(i, i + 2000);
        await this.db.query(
          `INSERT INTO survey_response (person_id, instrument_id, version, stage, answers, score, subscales, created_at)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::survey_stage[], $5::jsonb[], $6::float8[], $7::jsonb[], $8::timestamptz[])`,
          [
            batch.map((r) => r.personId),
            batch.map((r) => r.instrumentId),
            batch.map((r) => r.version),
            batch.map((r) => r.stage),
            batch.map((r) => JSON.stringify(r.answers)),
            batch.map((r) => r.scored.score),
            batch.map((r) => JSON.stringify(r.scored.subscales)),
            batch.map((r) => r.at),
          ],
        );
      }
      return rows.length;
    });
  }

  private async person(personId: string): Promise<{ joined: Date; leftAt: Date | null }> {
    const [person] = await this.db.query<{ joined: Date; leftAt: Date | null }>(
      `SELECT p.created_at AS joined, mp.left_at AS "leftAt"
         FROM person p LEFT JOIN member_profile mp ON mp.person_id = p.id WHERE p.id = $1`,
      [personId],
    );
    if (!person) throw DomainError.notFound('Person');
    return person;
  }

  private async lastResponses(personId: string): Promise<Map<string, Date>> {
    const rows = await this.db.query<{ instrumentId: string; at: Date }>(
      `SELECT instrument_id AS "instrumentId", max(created_at) AS at FROM survey_response
        WHERE person_id = $1 GROUP BY instrument_id`,
      [personId],
    );
    return new Map(rows.map((row) => [row.instrumentId, row.at]));
  }
}
