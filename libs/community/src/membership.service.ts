import { Injectable } from '@nestjs/common';
import type { Principal } from '@kith/identity';
import { Db } from '@kith/platform';
import { BookingService } from './booking.service';
import { BookingStatus } from './community.entities';
import { ProfileRepository } from './profile.repository';

/**
 * A member leaving Kith: their places ahead given up (so the waitlist moves), out of
 * introductions, and from then on no nudges or suggestions; the exit survey becomes due. What
 * they did stays, for the aggregate reports. Once: leaving again changes nothing.
 */
@Injectable()
export class MembershipService {
  constructor(
    private readonly db: Db,
    private readonly profiles: ProfileRepository,
    private readonly bookings: BookingService,
  ) {}

  leave(principal: Principal): Promise<Date> {
    return this.db.transaction(async () => {
      const leftAt = await this.profiles.markLeft(principal.personId);
      const ahead = await this.bookings.mine(principal.personId, true);
      for (const booking of ahead) {
        if (booking.status === BookingStatus.BOOKED || booking.status === BookingStatus.WAITLISTED)
          await this.bookings.leave(principal.personId, booking.sessionId);
      }
      return leftAt;
    });
  }

  /** When the member left, if they have. */
  async leftAt(personId: string): Promise<Date | null> {
    return (await this.profiles.byPerson(personId))?.leftAt ?? null;
  }
}
