import { Injectable } from '@nestjs/common';
import type { Principal } from '@kith/identity';
import { Clock, Db, DomainError, ErrorCode, londonDate, RateLimiter } from '@kith/platform';
import type { Instrument } from './instrument';
import { scoreAnswers } from './scoring';
import type { Answer } from './scoring';
import { SHIPPED_INSTRUMENTS } from './shipped-instruments';
import { SurveyInstrumentRepository } from './survey-instrument.repository';
import { SurveyStage } from './survey.entities';

/** A baseline within this many days of joining; a review this many months after the last. */
export const BASELINE_WITHIN_DAYS = 14;
export const REVIEW_EVERY_MONTHS = 3;
/**
 * Tries at submitSurvey one member may make an hour, taken or refused: far more than anyone
 * answering the few surveys due needs, far fewer than a script flooding answers would.
 */
export const SURVEY_ANSWERS_PER_HOUR = 10;
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

/** What is known of a member when working out what is due: when they joined, and left. */
interface SurveyPerson {
  joined: Date;
  leftAt: Date | null;
}

/**
 * Whether an instrument is due for a member, and at which stage, from when they last answered it
 * (undefined: never): a baseline until they first answer; then a review three months after
 * their last answer; once they have left, one exit survey of each instrument answered before
 * leaving and not since, then nothing. The one rule pendingSurveys lists and submitSurvey keeps.
 */
export function surveyDue(
  instrument: Instrument,
  latest: Date | undefined,
  person: SurveyPerson,
  now: Date,
): SurveyDue | undefined {
  if (person.leftAt) {
    return latest !== undefined && latest < person.leftAt
      ? { instrument, stage: SurveyStage.EXIT, dueOn: person.leftAt }
      : undefined;
  }
  if (!latest)
    return {
      instrument,
      stage: SurveyStage.BASELINE,
      dueOn: new Date(person.joined.getTime() + BASELINE_WITHIN_DAYS * DAY_MS),
    };
  const dueOn = addMonths(latest, REVIEW_EVERY_MONTHS);
  return dueOn <= now ? { instrument, stage: SurveyStage.REVIEW, dueOn } : undefined;
}

/** Why an answer is not taken now, in the member's terms. */
function notDue(
  instrument: Instrument,
  latest: Date | undefined,
  person: SurveyPerson,
): DomainError {
  let why: string;
  if (person.leftAt)
    why =
      latest && latest >= person.leftAt
        ? 'you have answered it since leaving Kith, and nothing more is asked'
        : 'you have left Kith, and had not answered it before';
  else if (latest) why = `it is next due on ${londonDate(addMonths(latest, REVIEW_EVERY_MONTHS))}`;
  else why = 'it is not asked of you';
  return new DomainError(ErrorCode.CONFLICT, `This survey is not due for you now: ${why}`, [], {
    fields: [{ path: 'instrumentId', message: `${instrument.id} is not due: ${why}` }],
  });
}

/**
 * A member's own surveys: which are due (a baseline soon after joining, then a review every
 * three months, and an exit survey on leaving), and their answers, taken only when due, checked
 * against the instrument and scored. Only ever the caller's: nobody answers for someone else.
 */
@Injectable()
export class SurveyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly instruments: SurveyInstrumentRepository,
    private readonly limiter: RateLimiter,
  ) {}

  async pending(principal: Principal): Promise<SurveyDue[]> {
    const person = await this.person(principal.personId);
    const last = await this.lastResponses(principal.personId);
    const now = this.clock.now();
    return (await this.instruments.current()).flatMap(
      (instrument) => surveyDue(instrument, last.get(instrument.id), person, now) ?? [],
    );
  }

  /**
   * The caller's answers to the current version of an instrument, taken only when it is due for
   * them (CONFLICT naming when it is next due, or why nothing more is): BAD_USER_INPUT naming
   * each item that does not fit (nothing stored), else stored once, scored, and given back, at
   * the stage it was due at. At most SURVEY_ANSWERS_PER_HOUR tries an hour (RATE_LIMITED), and
   * never more answers than the instrument has items (refused before anything is locked).
   */
  async submit(
    principal: Principal,
    instrumentId: string,
    answers: readonly Answer[],
    version?: number,
  ): Promise<StoredResponse> {
    const verdict = await this.limiter.consume(
      'survey-answers',
      principal.personId,
      SURVEY_ANSWERS_PER_HOUR,
      3600,
    );
    if (!verdict.allowed)
      throw DomainError.rateLimited(
        `At most ${SURVEY_ANSWERS_PER_HOUR} survey answers an hour`,
        verdict.retryAfterSeconds,
      );
    try {
      return await this.take(principal, instrumentId, answers, version);
    } catch (error) {
      // A try that failed on our side does not count against the member.
      if (!(error instanceof DomainError))
        await this.limiter.refund('survey-answers', principal.personId).catch(() => undefined);
      throw error;
    }
  }

  private async take(
    principal: Principal,
    instrumentId: string,
    answers: readonly Answer[],
    version?: number,
  ): Promise<StoredResponse> {
    const instrument = (await this.instruments.current()).find((i) => i.id === instrumentId);
    if (!instrument) throw DomainError.notFound('Survey');
    // Pure, and first of all the list's length against the items: before anything is locked.
    const scored = scoreAnswers(instrument, version ?? instrument.version, answers);
    return this.db.transaction(async () => {
      // One member's answers to one instrument take turns: what is due is read under the lock,
      // so two sent at once are one response and a CONFLICT.
      await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 11))`, [
        `${principal.personId}:${instrumentId}`,
      ]);
      const person = await this.person(principal.personId);
      const latest = (await this.lastResponses(principal.personId, instrumentId)).get(instrumentId);
      const due = surveyDue(instrument, latest, person, this.clock.now());
      if (!due) throw notDue(instrument, latest, person);
      const [row] = await this.db.query<StoredResponse>(
        `INSERT INTO survey_response (person_id, instrument_id, version, stage, answers, score, subscales)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         RETURNING id, instrument_id AS "instrumentId", version, stage, score, subscales, created_at AS at`,
        [
          principal.personId,
          instrumentId,
          instrument.version,
          due.stage,
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

  private async person(personId: string): Promise<SurveyPerson> {
    const [person] = await this.db.query<SurveyPerson>(
      `SELECT p.created_at AS joined, mp.left_at AS "leftAt"
         FROM person p LEFT JOIN member_profile mp ON mp.person_id = p.id WHERE p.id = $1`,
      [personId],
    );
    if (!person) throw DomainError.notFound('Person');
    return person;
  }

  /** When the member last answered each instrument (or only the one named). */
  private async lastResponses(personId: string, instrumentId?: string): Promise<Map<string, Date>> {
    const rows = await this.db.query<{ instrumentId: string; at: Date }>(
      `SELECT instrument_id AS "instrumentId", max(created_at) AS at FROM survey_response
        WHERE person_id = $1 AND ($2::text IS NULL OR instrument_id = $2) GROUP BY instrument_id`,
      [personId, instrumentId ?? null],
    );
    return new Map(rows.map((row) => [row.instrumentId, row.at]));
  }
}
