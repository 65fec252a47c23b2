import { Injectable } from '@nestjs/common';
import { Db } from '@kith/platform';
import type { BookingStatus } from './community.entities';

export interface LockedSession {
  id: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  bookedCount: number;
  waitlistCount: number;
  waitlistSeq: number;
  cancelledAt: Date | null;
  areaId: string;
}

export interface BookingRow {
  id: string;
  sessionId: string;
  personId: string;
  status: BookingStatus;
  /** Rank among those still waiting (1 = next to be offered a place), only while WAITLISTED. */
  waitlistPosition: number | null;
}

const BOOKING = `b.id, b.session_id AS "sessionId", b.person_id AS "personId", b.status,
  CASE WHEN b.status = 'WAITLISTED' THEN (
    SELECT count(*)::int FROM booking w
     WHERE w.session_id = b.session_id AND w.status = 'WAITLISTED' AND w.waitlist_seq <= b.waitlist_seq)
  END AS "waitlistPosition"`;

/**
 * Bookings and the session counters they move. Every change happens with the session row locked,
 * so concurrent joins and leaves on one session take turns and the counters stay exact.
 */
@Injectable()
export class BookingRepository {
  constructor(private readonly db: Db) {}

  async lockSession(sessionId: string): Promise<LockedSession | undefined> {
    const [row] = await this.db.query<LockedSession>(
      `SELECT s.id, s.starts_at AS "startsAt", s.ends_at AS "endsAt", s.capacity, s.booked_count AS "bookedCount",
              s.waitlist_count AS "waitlistCount", s.waitlist_seq AS "waitlistSeq", s.cancelled_at AS "cancelledAt",
              v.area_id AS "areaId"
         FROM session s JOIN activity a ON a.id = s.activity_id JOIN venue v ON v.id = a.venue_id
        WHERE s.id = $1
        FOR UPDATE OF s`,
      [sessionId],
    );
    return row;
  }

  async find(sessionId: string, personId: string): Promise<BookingRow | undefined> {
    const [row] = await this.db.query<BookingRow>(
      `SELECT ${BOOKING} FROM booking b WHERE b.session_id = $1 AND b.person_id = $2`,
      [sessionId, personId],
    );
    return row;
  }

  /** The person's bookings (any status) at each of the sessions given. */
  ofPersonAt(personId: string, sessionIds: readonly string[]): Promise<BookingRow[]> {
    return this.db.query<BookingRow>(
      `SELECT ${BOOKING} FROM booking b WHERE b.person_id = $1 AND b.session_id = ANY($2::uuid[])`,
      [personId, sessionIds],
    );
  }

  async byId(id: string): Promise<BookingRow | undefined> {
    const [row] = await this.db.query<BookingRow>(
      `SELECT ${BOOKING} FROM booking b WHERE b.id = $1`,
      [id],
    );
    return row;
  }

  /** Takes a place (BOOKED) or the next waitlist place, writing the booking and the counters. */
  async take(sessionId: string, personId: string, place: 'BOOKED' | 'WAITLISTED'): Promise<string> {
    const counters =
      place === 'BOOKED'
        ? `booked_count = booked_count + 1`
        : `waitlist_count = waitlist_count + 1, waitlist_seq = waitlist_seq + 1`;
    const [session] = await this.db.query<{ seq: number }>(
      `UPDATE session SET ${counters} WHERE id = $1 RETURNING waitlist_seq AS seq`,
      [sessionId],
    );
    const [row] = await this.db.query<{ id: string }>(
      `INSERT INTO booking (session_id, person_id, status, waitlist_seq)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (session_id, person_id)
       DO UPDATE SET status = EXCLUDED.status, waitlist_seq = EXCLUDED.waitlist_seq, updated_at = now()
       RETURNING id`,
      [sessionId, personId, place, place === 'WAITLISTED' ? session.seq : null],
    );
    return row.id;
  }

  /** Cancels a booking, giving back its place or its waitlist place. */
  async release(
    bookingId: string,
    sessionId: string,
    held: 'BOOKED' | 'WAITLISTED',
  ): Promise<void> {
    await this.db.query(
      `UPDATE booking SET status = 'CANCELLED', waitlist_seq = NULL, updated_at = now() WHERE id = $1`,
      [bookingId],
    );
    const counters =
      held === 'BOOKED' ? `booked_count = booked_count - 1` : `waitlist_count = waitlist_count - 1`;
    await this.db.query(`UPDATE session SET ${counters} WHERE id = $1`, [sessionId]);
  }

  /** Gives the freed place to the first on the waitlist; returns whose booking, if anyone's. */
  async promoteFirst(
    sessionId: string,
  ): Promise<{ bookingId: string; personId: string } | undefined> {
    const [promoted] = await this.db.query<{ bookingId: string; personId: string }>(
      `UPDATE booking SET status = 'BOOKED', waitlist_seq = NULL, updated_at = now()
        WHERE id = (SELECT id FROM booking WHERE session_id = $1 AND status = 'WAITLISTED'
                     ORDER BY waitlist_seq LIMIT 1)
        RETURNING id AS "bookingId", person_id AS "personId"`,
      [sessionId],
    );
    if (promoted) {
      await this.db.query(
        `UPDATE session SET booked_count = booked_count + 1, waitlist_count = waitlist_count - 1 WHERE id = $1`,
        [sessionId],
      );
    }
    return promoted;
  }

  async setAttendance(
    bookingId: string,
    status: 'ATTENDED' | 'NO_SHOW',
    recordedBy: string,
  ): Promise<void> {
    await this.db.query(
      `UPDATE booking SET status = $2, attendance_recorded_by = $3, updated_at = now() WHERE id = $1`,
      [bookingId, status, recordedBy],
    );
  }

  /** Cancels the session and every place held at it; returns the bookings it cancelled. */
  async cancelAll(sessionId: string): Promise<string[]> {
    const cancelled = await this.db.query<{ id: string }>(
      `UPDATE booking SET status = 'CANCELLED', waitlist_seq = NULL, updated_at = now()
        WHERE session_id = $1 AND status IN ('BOOKED', 'WAITLISTED') RETURNING id`,
      [sessionId],
    );
    await this.db.query(
      `UPDATE session SET cancelled_at = now(), booked_count = 0, waitlist_count = 0 WHERE id = $1`,
      [sessionId],
    );
    return cancelled.map((row) => row.id);
  }

  /**
   * A page of the person's bookings: upcoming (not cancelled) soonest first, or past latest first,
   * after the booking `afterId` (its session's start read here).
   */
  pageOfPerson(
    personId: string,
    upcoming: boolean,
    now: Date,
    limit: number,
    afterId: string | null,
  ): Promise<BookingRow[]> {
    return this.db.query<BookingRow>(
      `WITH after AS (SELECT s.starts_at, b.id FROM booking b JOIN session s ON s.id = b.session_id
                       WHERE b.id = $5 AND b.person_id = $1)
       SELECT ${BOOKING} FROM booking b JOIN session s ON s.id = b.session_id
        WHERE b.person_id = $1
          AND (CASE WHEN $2 THEN s.ends_at > $3 AND b.status <> 'CANCELLED' ELSE s.ends_at <= $3 END)
          AND ($5::uuid IS NULL OR CASE WHEN $2 THEN (s.starts_at, b.id) > (SELECT starts_at, id FROM after)
                                         ELSE (s.starts_at, b.id) < (SELECT starts_at, id FROM after) END)
        ORDER BY CASE WHEN $2 THEN s.starts_at END ASC, CASE WHEN $2 THEN b.id END ASC,
                 CASE WHEN NOT $2 THEN s.starts_at END DESC, CASE WHEN NOT $2 THEN b.id END DESC
        LIMIT $4`,
      [personId, upcoming, now, limit, afterId],
    );
  }

  ofPerson(personId: string, upcoming: boolean, now: Date): Promise<BookingRow[]> {
    return this.db.query<BookingRow>(
      `SELECT ${BOOKING} FROM booking b JOIN session s ON s.id = b.session_id
        WHERE b.person_id = $1
          AND (CASE WHEN $2 THEN s.ends_at > $3 AND b.status <> 'CANCELLED' ELSE s.ends_at <= $3 END)
        ORDER BY CASE WHEN $2 THEN s.starts_at END ASC, CASE WHEN NOT $2 THEN s.starts_at END DESC
        LIMIT 200`,
      [personId, upcoming, now],
    );
  }
}
