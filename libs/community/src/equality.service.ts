import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Db, JobName, JobOutbox, Problems } from '@kith/platform';
import { EQUALITY_KEYS, EQUALITY_QUESTIONS } from './equality';
import type { EqualityAnswers, EqualityKey } from './equality';

/** Absent: unchanged; null: no longer answered; otherwise one of the question's option slugs. */
export type EqualityChanges = Partial<Record<EqualityKey, string | null>>;

const NONE: EqualityAnswers = Object.fromEntries(
  EQUALITY_KEYS.map((k) => [k, null]),
) as EqualityAnswers;
const SELECT = EQUALITY_QUESTIONS.map((q) => `${q.column} AS "${q.key}"`).join(', ');

/**
 * The member's own equality monitoring answers: read and changed by them alone (there is no
 * way here to read another's), each optional and clearable; when none is left, no row is.
 */
@Injectable()
export class EqualityMonitoringService {
  constructor(
    private readonly db: Db,
    private readonly outbox: JobOutbox,
  ) {}

  async mine(personId: string): Promise<EqualityAnswers> {
    const [row] = await this.db.query<EqualityAnswers>(
      `SELECT ${SELECT} FROM equality_monitoring WHERE person_id = $1`,
      [personId],
    );
    return row ?? { ...NONE };
  }

  /** Every problem reported at once; nothing written unless all of it is valid. */
  async change(personId: string, changes: EqualityChanges): Promise<EqualityAnswers> {
    const problems = new Problems();
    for (const q of EQUALITY_QUESTIONS) {
      const value = changes[q.key];
      if (value === undefined || value === null) continue;
      problems.check(
        q.options.some((o) => o.slug === value),
        q.key,
        `choose one of ${q.options.map((o) => o.slug).join(', ')}, or null to take the answer back`,
      );
    }
    problems.throwIfAny('Your answers were not saved');
    // Only the columns given are written, in one statement: two changes at once to different
    // questions both stay.
    const given = EQUALITY_QUESTIONS.filter((q) => changes[q.key] !== undefined);
    if (given.length === 0) return this.mine(personId);
    return this.db.transaction(async () => {
      const [row] = await this.db.query<EqualityAnswers>(
        `INSERT INTO equality_monitoring (person_id, ${given.map((q) => q.column).join(', ')})
         VALUES ($1, ${given.map((_, i) => `$${i + 2}`).join(', ')})
         ON CONFLICT (person_id) DO UPDATE SET
           ${given.map((q) => `${q.column} = EXCLUDED.${q.column}`).join(', ')}, updated_at = now()
         RETURNING ${SELECT}`,
        [personId, ...given.map((q) => changes[q.key] ?? null)],
      );
      // The reports count participants by their answers: the reporting lib works them out again.
      await this.outbox.schedule(
        JobName.RollUpMember,
        { personId },
        { key: `roll-up-member-${personId}-${randomUUID()}` },
      );
      // Nothing answered is nothing kept.
      await this.db.query(
        `DELETE FROM equality_monitoring WHERE person_id = $1 AND ${EQUALITY_QUESTIONS.map((q) => `${q.column} IS NULL`).join(' AND ')}`,
        [personId],
      );
      return row;
    });
  }
}
