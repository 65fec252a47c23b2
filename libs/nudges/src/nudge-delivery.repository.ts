import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import { NudgeChannel } from './nudge-kinds';
import type { NudgeKind } from './nudge-kinds';
import type { DeliveryStatus, NudgeStatus } from './nudges.entities';
import { DEFAULT_PREFERENCES } from './nudge-policy';

/** A nudge as its delivery jobs need it: words, where it goes, and whether it still stands. */
export interface NudgeToDeliver {
  nudgeId: string;
  personId: string;
  kind: NudgeKind;
  status: NudgeStatus;
  title: string;
  body: string;
  linkScreen: string | null;
  linkId: string | null;
  expiresAt: Date | null;
  email: string;
  language: string;
  smsNumber: string | null;
  /** The member's quiet hours (London minutes), which retries keep too. */
  quietStart: number;
  quietEnd: number;
}

export interface DeliveryRow {
  channel: NudgeChannel;
  status: DeliveryStatus;
  attempts: number;
  reason: string | null;
  sentAt: Date | null;
}

export interface PushTicketsToCheck {
  nudgeId: string;
  tickets: { token: string; ticketId: string }[];
  sentAt: Date;
}

/** The nudge_delivery table (one row per nudge and channel) and the device tokens push uses. */
@Injectable()
export class NudgeDeliveryRepository {
  constructor(private readonly db: Db) {}

  /**
   * Each nudge's deliveries: the inbox delivered at once, every other channel queued; in one
   * statement. The same nudge twice: once.
   */
  async queueMany(batch: { nudgeId: string; channels: readonly NudgeChannel[] }[], at: Date) {
    const ids: string[] = [];
    const channels: string[] = [];
    for (const { nudgeId, channels: chosen } of batch)
      for (const channel of new Set([NudgeChannel.INBOX, ...chosen])) {
        ids.push(nudgeId);
        channels.push(channel);
      }
    if (ids.length === 0) return;
    await this.db.query(
      `INSERT INTO nudge_delivery (nudge_id, channel, status, sent_at)
       SELECT id, c, CASE WHEN c = 'INBOX' THEN 'SENT' ELSE 'QUEUED' END::delivery_status,
              CASE WHEN c = 'INBOX' THEN $3::timestamptz END
         FROM unnest($1::uuid[], $2::nudge_channel[]) AS u(id, c)
       ON CONFLICT (nudge_id, channel) DO NOTHING`,
      [ids, channels, at],
    );
  }

  /**
   * Claims the member's gathered prompts of the last day not yet sent by `channel` for one digest
   * message: each gets a SENDING delivery, committed before anything leaves. Rows left SENDING by
   * an attempt that died more than `staleMs` ago are claimed again.
   */
  async claimDigest(
    personId: string,
    channel: NudgeChannel,
    since: Date,
    staleMs: number,
  ): Promise<{ nudgeId: string; title: string; body: string; attempts: number }[]> {
    return this.db.query(
      `WITH gathered AS (
         SELECT n.id, n.title, n.body FROM nudge n
          WHERE n.person_id = $1 AND n.digest AND n.status = 'SENT' AND n.sent_at > $3),
       fresh AS (
         INSERT INTO nudge_delivery (nudge_id, channel, status, attempts)
         SELECT id, $2, 'SENDING', 1 FROM gathered
         ON CONFLICT (nudge_id, channel) DO UPDATE SET status = 'SENDING',
           attempts = nudge_delivery.attempts + 1, updated_at = now()
           WHERE nudge_delivery.status = 'QUEUED'
              OR (nudge_delivery.status = 'SENDING'
                  AND nudge_delivery.updated_at < now() - make_interval(secs => $4::double precision / 1000))
         RETURNING nudge_id, attempts)
       SELECT g.id AS "nudgeId", g.title, g.body, f.attempts FROM gathered g JOIN fresh f ON f.nudge_id = g.id
        ORDER BY g.id`,
      [personId, channel, since, staleMs],
    );
  }

  /** The claimed digest deliveries' outcome. */
  async settleDigest(
    nudgeIds: string[],
    channel: NudgeChannel,
    outcome:
      { status: 'SENT'; at: Date } | { status: 'QUEUED' | 'FAILED' | 'SUPPRESSED'; reason: string },
  ): Promise<void> {
    const sent = outcome.status === 'SENT';
    await this.db.query(
      `UPDATE nudge_delivery SET status = $3, reason = $4, sent_at = $5, updated_at = now()
        WHERE nudge_id = ANY($1::uuid[]) AND channel = $2 AND status = 'SENDING'`,
      [nudgeIds, channel, outcome.status, sent ? null : outcome.reason, sent ? outcome.at : null],
    );
  }

  /** The member's address, language, number and channels, for a digest. */
  async recipient(
    personId: string,
  ): Promise<
    | { email: string; language: string; smsNumber: string | null; channels: string[] | null }
    | undefined
  > {
    const [row] = await this.db.query<{
      email: string;
      language: string;
      smsNumber: string | null;
      channels: string[] | null;
    }>(
      `SELECT p.email, COALESCE(np.language, 'en') AS language, np.sms_number AS "smsNumber",
              np.channels::text[] AS channels
         FROM person p LEFT JOIN nudge_preferences np ON np.person_id = p.id WHERE p.id = $1`,
      [personId],
    );
    return row;
  }

  async nudge(nudgeId: string): Promise<NudgeToDeliver | undefined> {
    const [row] = await this.db.query<NudgeToDeliver>(
      `SELECT n.id AS "nudgeId", n.person_id AS "personId", n.kind, n.status, n.title, n.body,
              n.link_screen AS "linkScreen", n.link_id AS "linkId", n.expires_at AS "expiresAt",
              p.email, COALESCE(np.language, 'en') AS language, np.sms_number AS "smsNumber",
              COALESCE(np.quiet_start, $2) AS "quietStart", COALESCE(np.quiet_end, $3) AS "quietEnd"
         FROM nudge n JOIN person p ON p.id = n.person_id
         LEFT JOIN nudge_preferences np ON np.person_id = n.person_id
        WHERE n.id = $1`,
      [nudgeId, DEFAULT_PREFERENCES.quietStart, DEFAULT_PREFERENCES.quietEnd],
    );
    return row;
  }

  async delivery(nudgeId: string, channel: NudgeChannel): Promise<DeliveryRow | undefined> {
    const [row] = await this.db.query<DeliveryRow>(
      `SELECT channel, status, attempts, reason, sent_at AS "sentAt"
         FROM nudge_delivery WHERE nudge_id = $1 AND channel = $2`,
      [nudgeId, channel],
    );
    return row;
  }

  /**
   * Claims a queued delivery for sending (one more attempt). A delivery left SENDING longer than
   * `staleMs` was being sent by an attempt that died; it is claimed again and sent again. Returns
   * the attempt number and whether an attempt died mid-send, or nothing when it is not open (or is
   * being sent right now by another attempt).
   */
  async claim(
    nudgeId: string,
    channel: NudgeChannel,
    staleMs: number,
  ): Promise<{ attempt: number; resumed: boolean } | undefined> {
    const [row] = await this.db.query<{ attempt: number; resumed: boolean }>(
      `WITH old AS (
         SELECT status FROM nudge_delivery WHERE nudge_id = $1 AND channel = $2 FOR UPDATE)
       UPDATE nudge_delivery d SET status = 'SENDING', attempts = d.attempts + 1, updated_at = now()
         FROM old
        WHERE d.nudge_id = $1 AND d.channel = $2
          AND (d.status = 'QUEUED'
               OR (d.status = 'SENDING' AND d.updated_at < now() - make_interval(secs => $3::double precision / 1000)))
       RETURNING d.attempts AS attempt, old.status = 'SENDING' AS resumed`,
      [nudgeId, channel, staleMs],
    );
    return row;
  }

  /** The claimed delivery's outcome; only a delivery still being sent takes it. */
  async settle(
    nudgeId: string,
    channel: NudgeChannel,
    outcome:
      | { status: 'SENT'; at: Date; tickets?: { token: string; ticketId: string }[] }
      | { status: 'QUEUED' | 'FAILED' | 'SUPPRESSED'; reason: string },
  ): Promise<boolean> {
    const sent = outcome.status === 'SENT';
    const rows = await this.db.query<{ nudge_id: string }>(
      `UPDATE nudge_delivery SET status = $3, reason = $4, sent_at = $5, tickets = $6, updated_at = now()
        WHERE nudge_id = $1 AND channel = $2 AND status = 'SENDING' RETURNING nudge_id`,
      [
        nudgeId,
        channel,
        outcome.status,
        sent ? null : outcome.reason,
        sent ? outcome.at : null,
        sent && outcome.tickets ? JSON.stringify(outcome.tickets) : null,
      ],
    );
    return rows.length > 0;
  }

  /**
   * Suppresses a delivery not yet sent (the nudge no longer stands), with the reason: one
   * queued, or one left SENDING longer than `staleMs` by an attempt that died.
   */
  async suppress(
    nudgeId: string,
    channel: NudgeChannel,
    reason: string,
    staleMs: number,
  ): Promise<boolean> {
    const rows = await this.db.query<{ nudge_id: string }>(
      `UPDATE nudge_delivery SET status = 'SUPPRESSED', reason = $3, updated_at = now()
        WHERE nudge_id = $1 AND channel = $2
          AND (status = 'QUEUED'
               OR (status = 'SENDING' AND updated_at < now() - make_interval(secs => $4::double precision / 1000)))
        RETURNING nudge_id`,
      [nudgeId, channel, reason, staleMs],
    );
    return rows.length > 0;
  }

  /** Every channel still waiting for the nudges about `subjectId` is suppressed: it went away. */
  async suppressAbout(
    subjectId: string,
    reason: string,
    keepTakenAt: string | null = null,
  ): Promise<number> {
    const rows = await this.db.query<{ nudge_id: string }>(
      `UPDATE nudge_delivery d SET status = 'SUPPRESSED', reason = $2, updated_at = now()
         FROM nudge n WHERE n.id = d.nudge_id AND n.subject_id = $1 AND d.status = 'QUEUED'
          AND ($3::text IS NULL OR n.key NOT LIKE '%' || $3)
       RETURNING d.nudge_id`,
      [subjectId, reason, keepTakenAt],
    );
    return rows.length;
  }

  /**
   * The member's push tokens, newest seen first: only those registered through a session still
   * signed in (a device that says of no session gets nothing). Reads identity's auth_session: a sign-out stops pushes at once, before the job
   * that forgets its devices (AuthSessionEnded) has run.
   */
  async deviceTokens(personId: string): Promise<string[]> {
    const rows = await this.db.query<{ token: string }>(
      `SELECT d.token FROM device d
        WHERE d.person_id = $1
          AND EXISTS (SELECT 1 FROM auth_session s
                       WHERE s.id = d.auth_session_id AND s.revoked_at IS NULL)
        ORDER BY d.last_seen_at DESC`,
      [personId],
    );
    return rows.map((row) => row.token);
  }

  /** The devices registered through a session that has ended. */
  async forgetSessionDevices(sessionId: string): Promise<number> {
    const rows = await this.db.query<{ token: string }>(
      `DELETE FROM device WHERE auth_session_id = $1 RETURNING token`,
      [sessionId],
    );
    return rows.length;
  }

  async forgetDevices(tokens: readonly string[]): Promise<number> {
    if (tokens.length === 0) return 0;
    const rows = await this.db.query<{ token: string }>(
      `DELETE FROM device WHERE token = ANY($1::text[]) RETURNING token`,
      [tokens],
    );
    return rows.length;
  }

  forgetDevice(token: string): Promise<number> {
    return this.forgetDevices([token]);
  }

  /**
   * Devices nobody has registered again since `before` (the app stopped using them), and any
   * whose session has ended that its AuthSessionEnded job has not forgotten yet.
   */
  async pruneDevices(before: Date): Promise<number> {
    const rows = await this.db.query<{ token: string }>(
      `DELETE FROM device d
        WHERE d.last_seen_at < $1
           OR EXISTS (SELECT 1 FROM auth_session s
                       WHERE s.id = d.auth_session_id AND s.revoked_at IS NOT NULL)
       RETURNING d.token`,
      [before],
    );
    return rows.length;
  }

  /** Push deliveries sent before `before` whose receipts nobody has asked for yet. */
  pushTicketsToCheck(before: Date, limit: number): Promise<PushTicketsToCheck[]> {
    return this.db.query<PushTicketsToCheck>(
      `SELECT nudge_id AS "nudgeId", tickets, sent_at AS "sentAt" FROM nudge_delivery
        WHERE channel = 'PUSH' AND status = 'SENT' AND receipts_checked_at IS NULL AND sent_at < $1
        ORDER BY sent_at LIMIT $2`,
      [before, limit],
    );
  }

  /** The receipts were read: what they said goes in `reason` when something went wrong. */
  async receiptsChecked(nudgeId: string, at: Date, problem: string | null): Promise<void> {
    await this.db.query(
      `UPDATE nudge_delivery SET receipts_checked_at = $2, reason = COALESCE($3, reason), updated_at = now()
        WHERE nudge_id = $1 AND channel = 'PUSH'`,
      [nudgeId, at, problem],
    );
  }
}
