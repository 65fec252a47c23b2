import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

/** Appends to the audit log, in the caller's transaction: the record and the change stand or fall together. */
@Injectable()
export class AuditLog {
  constructor(private readonly db: Db) {}

  async record(
    actorId: string | null,
    action: string,
    subjectType: string,
    subjectId: string,
    details: Record<string, unknown> = {},
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_id, action, subject_type, subject_id, details) VALUES ($1, $2, $3, $4, $5)`,
      [actorId, action, subjectType, subjectId, JSON.stringify(details)],
    );
  }
}
