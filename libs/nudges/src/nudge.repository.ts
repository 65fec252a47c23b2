import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { NudgeChannel, NudgeKind } from './nudge-kinds';
import type { NudgePreferences } from './nudge-policy';
import type { DevicePlatform } from './nudges.entities';

export interface InboxNudge {
  id: string;
  kind: NudgeKind;
  title: string;
  body: string;
  sentAt: Date;
  readAt: Date | null;
  linkScreen: string | null;
  linkId: string | null;
}

export interface NewNudge {
  personId: string;
  kind: NudgeKind;
  key: string;
  dueAt: Date;
  title: string;
  body: string;
  linkScreen: string | null;
  linkId: string | null;
  /** What it is about (a booking, an introduction…), so it can be called off with it. */
  subjectId?: string | null;
  /** When it stops being worth delivering. */
  expiresAt?: Date | null;
  /** The wording variant it carries. */
  variant?: string;
  /** Gathered into the daily digest. */
  digest?: boolean;
}

const INBOX = `id, kind, title, body, sent_at AS "sentAt", read_at AS "readAt", link_screen AS "linkScreen", link_id AS "linkId"`;

/** A planned nudge whose time has come, with what deciding it again reads. */
export interface DueNudgeRow {
  id: string;
  personId: string;
  kind: NudgeKind;
  key: string;
  dueAt: Date;
  expiresAt: Date | null;
  /** For a reminder: the booking's status now, and whether its session was called off. */
  bookingStatus: string | null;
  sessionCancelled: boolean | null;
  /** When the place was last taken (epoch ms, as the key carries it). */
  bookingTakenAt: string | null;
  /** The member's preferences, all null when they kept the defaults. */
  channels: string[] | null;
  quietStart: number | null;
  quietEnd: number | null;
  weeklyLimit: number | null;
  pausedUntil: Date | null;
  language: string | null;
  digestAt: number | null;
}

/** What a nudge about a booking needs of it, read from community's tables. */
export interface BookingFacts {
  personId: string;
  status: string;
  promotedAt: Date;
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  cancelled: boolean;
  activityTitle: string;
  venueName: string;
}

/**
 * The nudge tables: preferences, the nudges themselves (the inbox), devices; and, read only,
 * the few facts of other libs' rows a nudge is about (named as such below).
 */
@Injectable()
export class NudgeRepository {
  constructor(private readonly db: Db) {}

  async preferences(personId: string): Promise<NudgePreferences | undefined> {
    const [row] = await this.db.query<NudgePreferences>(
      `SELECT channels::text[] AS channels, quiet_start AS "quietStart", quiet_end AS "quietEnd",
              weekly_limit AS "weeklyLimit", paused_until AS "pausedUntil", language, digest_at AS "digestAt"
         FROM nudge_preferences WHERE person_id = $1`,
      [personId],
    );
    return row;
  }

  async savePreferences(personId: string, prefs: NudgePreferences): Promise<void> {
    await this.db.query(
      `INSERT INTO nudge_preferences (person_id, channels, quiet_start, quiet_end, weekly_limit, paused_until, language, digest_at)
       VALUES ($1, $2::nudge_channel[], $3, $4, $5, $6, $7, $8)
       ON CONFLICT (person_id) DO UPDATE SET channels = EXCLUDED.channels, quiet_start = EXCLUDED.quiet_start,
         quiet_end = EXCLUDED.quiet_end, weekly_limit = EXCLUDED.weekly_limit, paused_until = EXCLUDED.paused_until,
         language = EXCLUDED.language, digest_at = EXCLUDED.digest_at, updated_at = now()`,
      [
        personId,
        prefs.channels as NudgeChannel[],
        prefs.quietStart,
        prefs.quietEnd,
        prefs.weeklyLimit,
        prefs.pausedUntil,
        prefs.language,
        prefs.digestAt,
      ],
    );
  }

  /**
   * Writes a decided nudge: SENT (into the inbox, at `sentAt`) or SKIPPED (with its reason). The
   * same key twice is one nudge; its id either way, and whether this call wrote it.
   */
  async record(
    nudge: NewNudge,
    outcome: { sentAt: Date } | { skipReason: string } | { pending: true },
  ): Promise<{ id: string; created: boolean }> {
    const sent = 'sentAt' in outcome;
    const status = sent ? 'SENT' : 'pending' in outcome ? 'PENDING' : 'SKIPPED';
    const [created] = await this.db.query<{ id: string }>(
      `INSERT INTO nudge (person_id, kind, key, due_at, status, sent_at, skip_reason, title, body, link_screen, link_id,
                          subject_id, expires_at, variant, digest)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (key) DO NOTHING RETURNING id`,
      [
        nudge.personId,
        nudge.kind,
        nudge.key,
        nudge.dueAt,
        status,
        sent ? outcome.sentAt : null,
        'skipReason' in outcome ? outcome.skipReason : null,
        nudge.title,
        nudge.body,
        nudge.linkScreen,
        nudge.linkId,
        nudge.subjectId ?? null,
        nudge.expiresAt ?? null,
        nudge.variant ?? 'A',
        nudge.digest ?? false,
      ],
    );
    if (created) return { id: created.id, created: true };
    const [existing] = await this.db.query<{ id: string }>(`SELECT id FROM nudge WHERE key = $1`, [
      nudge.key,
    ]);
    return { id: existing.id, created: false };
  }

  /** What was planned about `subjectId` and has not gone yet is called off, with the reason. */
  async cancelPendingAbout(
    subjectId: string,
    reason: string,
    keepTakenAt: string | null = null,
  ): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE nudge SET status = 'CANCELLED', skip_reason = $2
        WHERE subject_id = $1 AND status = 'PENDING'
          AND ($3::text IS NULL OR key NOT LIKE '%' || $3)
        RETURNING id`,
      [subjectId, reason, keepTakenAt],
    );
    return rows.length;
  }

  /** Holds the member's decisions in turn until this transaction ends. */
  async lockPerson(personId: string): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 7))`, [personId]);
  }

  /**
   * Takes up to `limit` planned nudges due by `now` (others running beside this skip them),
   * each with what deciding it again needs: the member's preferences, and for a nudge about a
   * booking whether the place is still held.
   */
  claimDue(now: Date, limit: number): Promise<DueNudgeRow[]> {
    return this.db.query<DueNudgeRow>(
      `SELECT n.id, n.person_id AS "personId", n.kind, n.key, n.due_at AS "dueAt", n.expires_at AS "expiresAt",
              b.status AS "bookingStatus", s.cancelled_at IS NOT NULL AS "sessionCancelled",
              floor(extract(epoch FROM b.updated_at) * 1000)::bigint::text AS "bookingTakenAt",
              p.channels::text[] AS channels, p.quiet_start AS "quietStart", p.quiet_end AS "quietEnd",
              p.weekly_limit AS "weeklyLimit", p.paused_until AS "pausedUntil", p.language, p.digest_at AS "digestAt"
         FROM nudge n
         LEFT JOIN booking b ON b.id = n.subject_id AND n.kind = 'SESSION_REMINDER'
         LEFT JOIN session s ON s.id = b.session_id
         LEFT JOIN nudge_preferences p ON p.person_id = n.person_id
        WHERE n.status = 'PENDING' AND n.due_at <= $1
        ORDER BY n.due_at LIMIT $2
        FOR UPDATE OF n SKIP LOCKED`,
      [now, limit],
    );
  }

  /** Whether anything planned is due by `now` (the due index answers it). */
  async anyDue(now: Date): Promise<boolean> {
    const [row] = await this.db.query<{ due: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM nudge WHERE status = 'PENDING' AND due_at <= $1) AS due`,
      [now],
    );
    return row.due;
  }

  /** Settles a batch of due nudges in three statements: sent, skipped (why), or moved (to when). */
  async settleDue(
    sentAt: Date,
    sent: string[],
    skipped: { id: string; reason: string; cancelled: boolean }[],
    moved: { id: string; at: Date }[],
  ): Promise<void> {
    if (sent.length > 0)
      await this.db.query(
        `UPDATE nudge SET status = 'SENT', sent_at = $2 WHERE id = ANY($1::uuid[]) AND status = 'PENDING'`,
        [sent, sentAt],
      );
    if (skipped.length > 0)
      await this.db.query(
        `UPDATE nudge n SET status = CASE WHEN u.cancelled THEN 'CANCELLED' ELSE 'SKIPPED' END::nudge_status,
                skip_reason = u.reason
           FROM unnest($1::uuid[], $2::text[], $3::boolean[]) AS u(id, reason, cancelled)
          WHERE n.id = u.id AND n.status = 'PENDING'`,
        [skipped.map((s) => s.id), skipped.map((s) => s.reason), skipped.map((s) => s.cancelled)],
      );
    if (moved.length > 0)
      await this.db.query(
        `UPDATE nudge n SET due_at = u.at FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, at)
          WHERE n.id = u.id AND n.status = 'PENDING'`,
        [moved.map((m) => m.id), moved.map((m) => m.at)],
      );
  }

  /** Prompts (of these kinds) sent to the person since `since`: what the weekly limit counts. */
  async sentSince(personId: string, kinds: readonly NudgeKind[], since: Date): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM nudge
        WHERE person_id = $1 AND status = 'SENT' AND kind = ANY($2::nudge_kind[]) AND sent_at > $3`,
      [personId, kinds, since],
    );
    return row.n;
  }

  /** A check-in task for the member's quiet spell, once; its id, and whether this call made it. */
  async checkInTask(
    personId: string,
    areaId: string | null,
    since: Date,
  ): Promise<{ id: string; created: boolean }> {
    const [created] = await this.db.query<{ id: string }>(
      `INSERT INTO check_in_task (person_id, area_id, since) VALUES ($1, $2, $3)
       ON CONFLICT (person_id, since) DO NOTHING RETURNING id`,
      [personId, areaId, since],
    );
    if (created) return { id: created.id, created: true };
    const [existing] = await this.db.query<{ id: string }>(
      `SELECT id FROM check_in_task WHERE person_id = $1 AND since = $2`,
      [personId, since],
    );
    return { id: existing.id, created: false };
  }

  /** The newest first, after the position (sent at, id) of a cursor; `limit` rows. */
  inbox(
    personId: string,
    limit: number,
    after: { sentAt: Date; id: string } | null,
  ): Promise<InboxNudge[]> {
    return this.db.query<InboxNudge>(
      `SELECT ${INBOX} FROM nudge
        WHERE person_id = $1 AND status = 'SENT'
          AND ($3::timestamptz IS NULL OR (sent_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY sent_at DESC, id DESC LIMIT $2`,
      [personId, limit, after?.sentAt ?? null, after?.id ?? null],
    );
  }

  async unreadCount(personId: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM nudge WHERE person_id = $1 AND status = 'SENT' AND read_at IS NULL`,
      [personId],
    );
    return row.n;
  }

  /** Marks one of the person's own nudges read (once: the first time stays); none if not theirs. */
  async markRead(personId: string, id: string, at: Date): Promise<InboxNudge | undefined> {
    const [row] = await this.db.query<InboxNudge>(
      `UPDATE nudge SET read_at = COALESCE(read_at, $3)
        WHERE id = $2 AND person_id = $1 AND status = 'SENT' RETURNING ${INBOX}`,
      [personId, id, at],
    );
    return row;
  }

  async markAllRead(personId: string, at: Date): Promise<number> {
    const rows = await this.db.query<{ id: string }>(
      `UPDATE nudge SET read_at = $2 WHERE person_id = $1 AND status = 'SENT' AND read_at IS NULL RETURNING id`,
      [personId, at],
    );
    return rows.length;
  }

  /**
   * A token moves to whoever registers it last (a phone handed on), through the session they
   * registered it in, and is seen again now. Returns whose it was, when it was someone else's:
   * inserted if new, else locked, read and moved, so two registrations at once each see the
   * owner before them. In the caller's transaction.
   */
  async registerDevice(
    personId: string,
    sessionId: string,
    token: string,
    platform: DevicePlatform,
  ): Promise<{ previousOwner: string | null }> {
    const inserted = await this.db.query(
      `INSERT INTO device (token, person_id, platform, auth_session_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (token) DO NOTHING RETURNING token`,
      [token, personId, platform, sessionId],
    );
    if (inserted.length > 0) return { previousOwner: null };
    const [before] = await this.db.query<{ personId: string }>(
      `SELECT person_id AS "personId" FROM device WHERE token = $1 FOR UPDATE`,
      [token],
    );
    // Forgotten in between (its session ended, Expo said it is gone): it is simply new again.
    if (!before) return this.registerDevice(personId, sessionId, token, platform);
    await this.db.query(
      `UPDATE device SET person_id = $2, platform = $3, auth_session_id = $4, last_seen_at = now()
        WHERE token = $1`,
      [token, personId, platform, sessionId],
    );
    return { previousOwner: before.personId !== personId ? before.personId : null };
  }

  /** How many devices the person has besides this token. */
  async otherDevicesOf(personId: string, token: string): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM device WHERE person_id = $1 AND token <> $2`,
      [personId, token],
    );
    return row.n;
  }

  /** Only the person's own token goes: nobody can switch off someone else's phone. */
  async unregisterDevice(personId: string, token: string): Promise<boolean> {
    const rows = await this.db.query<{ token: string }>(
      `DELETE FROM device WHERE token = $1 AND person_id = $2 RETURNING token`,
      [token, personId],
    );
    return rows.length > 0;
  }

  /** Read from community's booking, session and activity: what a nudge about a booking says. */
  async bookingFacts(bookingId: string): Promise<BookingFacts | undefined> {
    const [row] = await this.db.query<BookingFacts>(
      `SELECT b.person_id AS "personId", b.status, b.updated_at AS "promotedAt", s.id AS "sessionId",
              s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.cancelled_at IS NOT NULL AS cancelled, a.title AS "activityTitle", v.name AS "venueName"
         FROM booking b JOIN session s ON s.id = b.session_id JOIN activity a ON a.id = s.activity_id
         JOIN venue v ON v.id = a.venue_id
        WHERE b.id = $1`,
      [bookingId],
    );
    return row;
  }

  /** Read from community's session, activity and venue: what a suggestion of a session says. */
  async sessionFacts(
    sessionId: string,
  ): Promise<{ startsAt: Date; activityTitle: string; venueName: string } | undefined> {
    const [row] = await this.db.query<{ startsAt: Date; activityTitle: string; venueName: string }>(
      `SELECT s.starts_at AS "startsAt", a.title AS "activityTitle", v.name AS "venueName"
         FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
        WHERE s.id = $1 AND s.cancelled_at IS NULL`,
      [sessionId],
    );
    return row;
  }
}
