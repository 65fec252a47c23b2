import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { Principal } from './role';

export interface RefreshTokenRow {
  id: string;
  sessionId: string;
  personId: string;
  expiresAt: Date;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
}

@Injectable()
export class AuthSessionRepository {
  constructor(private readonly db: Db) {}

  async createSession(personId: string): Promise<string> {
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO auth_session (person_id) VALUES ($1) RETURNING id`,
      [personId],
    );
    return row.id;
  }

  async addRefreshToken(sessionId: string, tokenHash: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `INSERT INTO refresh_token (session_id, token_hash, expires_at) VALUES ($1, $2, $3)`,
      [sessionId, tokenHash, expiresAt],
    );
  }

  /** The token and its session, both locked so that one family rotates one step at a time. */
  async lockRefreshToken(tokenHash: string): Promise<RefreshTokenRow | undefined> {
    const [row] = await this.db.query<RefreshTokenRow>(
      `SELECT t.id, t.session_id AS "sessionId", s.person_id AS "personId", t.expires_at AS "expiresAt",
              t.used_at AS "usedAt", s.revoked_at AS "sessionRevokedAt"
         FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
        WHERE t.token_hash = $1
        FOR UPDATE OF s, t`,
      [tokenHash],
    );
    return row;
  }

  /** Whether this refresh token exists and has not been exchanged yet. */
  async isUnused(tokenHash: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM refresh_token WHERE token_hash = $1 AND used_at IS NULL`,
      [tokenHash],
    );
    return rows.length === 1;
  }

  async markUsed(tokenId: string, now: Date): Promise<void> {
    await this.db.query(`UPDATE refresh_token SET used_at = $2 WHERE id = $1`, [tokenId, now]);
  }

  /** True when this ended the session; false when it had ended already. */
  async revoke(sessionId: string, reason: string, now: Date): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE auth_session SET revoked_at = $3, revoked_reason = $2
        WHERE id = $1 AND revoked_at IS NULL RETURNING id`,
      [sessionId, reason, now],
    );
    return rows.length > 0;
  }

  /** Who the session's person is and what they may do, or undefined if it is not live. */
  async livePrincipal(sessionId: string, personId: string): Promise<Principal | undefined> {
    const [row] = await this.db.query<Principal>(
      `SELECT s.person_id AS "personId", s.id AS "sessionId",
              COALESCE(json_agg(json_build_object('role', g.role, 'areaId', g.area_id)
                                ORDER BY g.role, g.area_id) FILTER (WHERE g.id IS NOT NULL),
                       '[]') AS roles
         FROM auth_session s LEFT JOIN role_grant g ON g.person_id = s.person_id
        WHERE s.id = $1 AND s.person_id = $2 AND s.revoked_at IS NULL
        GROUP BY s.id`,
      [sessionId, personId],
      // Every signed-in request asks this: planned once per connection.
      { prepare: true },
    );
    return row;
  }
}
