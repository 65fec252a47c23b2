import { Injectable } from '@nestjs/common';
import type { Principal } from '@kith/identity';
import { Clock, Db, DomainError, isUuid, JobName, JobOutbox } from '@kith/platform';
import type { PageRequest } from '@kith/platform';
import { ActivityService } from './activity.service';
import { BookingRepository } from './booking.repository';
import type { BookingRow, LockedSession } from './booking.repository';
import { BookingStatus } from './community.entities';
import { ProfileRepository } from './profile.repository';

const HOLDS_PLACE = new Set<BookingStatus>([
  BookingStatus.BOOKED,
  BookingStatus.ATTENDED,
  BookingStatus.NO_SHOW,
]);

@Injectable()
export class BookingService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bookings: BookingRepository,
    private readonly profiles: ProfileRepository,
    private readonly activities: ActivityService,
    private readonly outbox: JobOutbox,
  ) {}

  /**
   * A place while any remain, else the next waitlist place. Joining again returns the same
   * booking; a session that is cancelled or has started cannot be joined.
   */
  join(personId: string, sessionId: string): Promise<BookingRow> {
    return this.db.transaction(async () => {
      const session = await this.lockOpenSession(sessionId);
      if ((await this.profiles.byPerson(personId))?.leftAt)
        throw DomainError.conflict('You have left Kith, so places are no longer booked for you');
      const existing = await this.bookings.find(sessionId, personId);
      if (existing && existing.status !== BookingStatus.CANCELLED) return existing;
      const place =
        session.bookedCount < session.capacity ? BookingStatus.BOOKED : BookingStatus.WAITLISTED;
      const bookingId = await this.bookings.take(sessionId, personId, place);
      if (place === BookingStatus.BOOKED) await this.booked(bookingId);
      return this.mustFind(sessionId, personId);
    });
  }

  /** A place taken: the nudges lib plans its reminders (an event through the outbox). */
  private async booked(bookingId: string): Promise<void> {
    await this.outbox.schedule(
      JobName.DecideNudge,
      { event: 'SESSION_BOOKED', bookingId },
      { key: `session-booked-${bookingId}-${this.clock.now().getTime()}` },
    );
  }

  /** Frees the place (or waitlist place); a freed place goes to the first waiting, at once. */
  leave(personId: string, sessionId: string): Promise<BookingRow> {
    return this.db.transaction(async () => {
      const session = await this.lockOpenSession(sessionId);
      const booking = await this.bookings.find(sessionId, personId);
      if (!booking) throw DomainError.notFound('Booking');
      if (booking.status === BookingStatus.CANCELLED) return booking;
      if (booking.status !== BookingStatus.BOOKED && booking.status !== BookingStatus.WAITLISTED) {
        throw DomainError.conflict(`This booking is ${booking.status.toLowerCase()}`);
      }
      await this.bookings.release(booking.id, session.id, booking.status);
      await this.outbox.schedule(
        JobName.DecideNudge,
        { event: 'BOOKING_RELEASED', bookingId: booking.id },
        { key: `booking-released-${booking.id}-${this.clock.now().getTime()}` },
      );
      if (booking.status === BookingStatus.BOOKED) {
        const promoted = await this.bookings.promoteFirst(session.id);
        // Told at once (as the policy allows), through the outbox, in this same transaction.
        if (promoted) {
          await this.outbox.schedule(
            JobName.DecideNudge,
            { event: 'WAITLIST_PROMOTED', bookingId: promoted.bookingId },
            { key: `waitlist-promoted-${promoted.bookingId}-${this.clock.now().getTime()}` },
          );
          await this.booked(promoted.bookingId);
        }
      }
      return this.mustFind(sessionId, personId);
    });
  }

  /** A coordinator of the area records who came, once the session has started. */
  recordAttendance(
    principal: Principal,
    sessionId: string,
    personId: string,
    attended: boolean,
  ): Promise<BookingRow> {
    return this.db.transaction(async () => {
      const session = isUuid(sessionId) ? await this.bookings.lockSession(sessionId) : undefined;
      if (!session) throw DomainError.notFound('Session');
      await this.activities.assertCoordinates(principal, session.areaId);
      if (session.cancelledAt) throw DomainError.conflict('This session was cancelled');
      if (session.startsAt > this.clock.now())
        throw DomainError.conflict('Attendance can be recorded once the session has started');
      const booking = isUuid(personId) ? await this.bookings.find(sessionId, personId) : undefined;
      if (!booking) throw DomainError.notFound('Booking');
      if (!HOLDS_PLACE.has(booking.status)) {
        throw DomainError.conflict(
          `This person's booking is ${booking.status.toLowerCase()}, not a place`,
        );
      }
      await this.bookings.setAttendance(
        booking.id,
        attended ? 'ATTENDED' : 'NO_SHOW',
        principal.personId,
      );
      // Who met whom there is worked out again, in the network lib, for every change.
      await this.outbox.schedule(
        JobName.RecountCoAttendance,
        { sessionId },
        { key: `co-attendance-${booking.id}-${this.clock.now().getTime()}` },
      );
      // And, in the reporting lib, what it gives the participation rollups.
      await this.outbox.schedule(
        JobName.RollUpSessionAttendance,
        { sessionId },
        { key: `roll-up-${booking.id}-${this.clock.now().getTime()}` },
      );
      // Came: a "how was it?" follows, once per booking, however often attendance is recorded.
      if (attended)
        await this.outbox.schedule(
          JobName.DecideNudge,
          { event: 'SESSION_ATTENDED', bookingId: booking.id },
          { key: `session-attended-${booking.id}` },
        );
      return this.mustFind(sessionId, personId);
    });
  }

  mine(personId: string, upcoming: boolean): Promise<BookingRow[]> {
    return this.bookings.ofPerson(personId, upcoming, this.clock.now());
  }

  /** The person's own booking at each session given (cancelled ones too), by session id. */
  async ownAt(personId: string, sessionIds: readonly string[]): Promise<Map<string, BookingRow>> {
    const rows = sessionIds.length > 0 ? await this.bookings.ofPersonAt(personId, sessionIds) : [];
    return new Map(rows.map((row) => [row.sessionId, row]));
  }

  /** A page of the person's bookings: upcoming soonest first, or past latest first. */
  async page(
    personId: string,
    upcoming: boolean,
    request: PageRequest,
  ): Promise<{ rows: BookingRow[]; position: (row: BookingRow) => Record<string, string> }> {
    const rows = await this.bookings.pageOfPerson(
      personId,
      upcoming,
      this.clock.now(),
      request.first + 1,
      request.after?.i ?? null,
    );
    return { rows, position: (row) => ({ i: row.id }) };
  }

  private async lockOpenSession(sessionId: string): Promise<LockedSession> {
    const session = isUuid(sessionId) ? await this.bookings.lockSession(sessionId) : undefined;
    if (!session) throw DomainError.notFound('Session');
    if (session.cancelledAt) throw DomainError.conflict('This session was cancelled');
    if (session.startsAt <= this.clock.now())
      throw DomainError.conflict('This session has already started');
    return session;
  }

  private async mustFind(sessionId: string, personId: string): Promise<BookingRow> {
    const booking = await this.bookings.find(sessionId, personId);
    if (!booking) throw new Error('a booking vanished inside its own transaction');
    return booking;
  }
}
