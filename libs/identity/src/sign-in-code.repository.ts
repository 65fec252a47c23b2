import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';

export interface SignInCodeRow {
  id: string;
  email: string;
  codeHash: string;
  expiresAt: Date;
  attempts: number;
  consumedAt: Date | null;
  mailSentAt: Date | null;
  superseded: boolean;
}

@Injectable()
export class SignInCodeRepository {
  constructor(private readonly db: Db) {}

  async insert(row: {
    id: string;
    email: string;
    codeHash: string;
    expiresAt: Date;
  }): Promise<void> {
    await this.db.query(
      `INSERT INTO sign_in_code (id, email, code_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [row.id, row.email, row.codeHash, row.expiresAt],
    );
  }

  async byId(id: string): Promise<SignInCodeRow | undefined> {
    const [row] = await this.db.query<SignInCodeRow>(
      `SELECT c.id, c.email, c.code_hash AS "codeHash", c.expires_at AS "expiresAt", c.attempts,
              c.consumed_at AS "consumedAt", c.mail_sent_at AS "mailSentAt",
              EXISTS (SELECT 1 FROM sign_in_code newer
                       WHERE newer.email = c.email AND newer.created_at > c.created_at) AS superseded
         FROM sign_in_code c WHERE c.id = $1`,
      [id],
    );
    return row;
  }

  /**
   * Counts one try against the newest live code for the email, atomically, and returns it; or
   * undefined when there is no live code (none, expired, used, or out of tries).
   */
  async takeAttempt(
    email: string,
    now: Date,
    maxAttempts: number,
  ): Promise<{ id: string; codeHash: string; attempts: number } | undefined> {
    const [row] = await this.db.query<{ id: string; codeHash: string; attempts: number }>(
      `UPDATE sign_in_code SET attempts = attempts + 1
        WHERE id = (SELECT id FROM sign_in_code WHERE email = $1 ORDER BY created_at DESC LIMIT 1)
          AND consumed_at IS NULL AND expires_at > $2 AND attempts < $3
        RETURNING id, code_hash AS "codeHash", attempts`,
      [email, now, maxAttempts],
    );
    return row;
  }

  /** True for the one caller that consumes the code; a second use finds it gone. */
  async consume(id: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE sign_in_code SET consumed_at = $2 WHERE id = $1 AND consumed_at IS NULL RETURNING id`,
      [id, now],
    );
    return rows.length === 1;
  }

  /**
   * Claims one more send of a code not yet sent, if fewer than `max` may have gone unconfirmed;
   * returns how many that makes, or undefined. Atomic: two deliveries at once cannot both take
   * the last one.
   */
  async claimSend(id: string, now: Date, max: number): Promise<number | undefined> {
    const [row] = await this.db.query<{ sends: number }>(
      `UPDATE sign_in_code SET mail_sending_at = $2, mail_sends = mail_sends + 1
        WHERE id = $1 AND mail_sent_at IS NULL AND mail_sends < $3
        RETURNING mail_sends AS sends`,
      [id, now, max],
    );
    return row?.sends;
  }

  /** SMTP refused for certain: that send did not go and does not count. */
  async releaseSend(id: string): Promise<void> {
    await this.db.query(
      `UPDATE sign_in_code SET mail_sends = greatest(mail_sends - 1, 0) WHERE id = $1`,
      [id],
    );
  }

  async markMailSent(id: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE sign_in_code SET mail_sent_at = $2 WHERE id = $1`, [id, now]);
  }
}
