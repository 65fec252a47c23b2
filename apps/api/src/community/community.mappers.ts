import { formatClock } from '@kith/community';
import type {
  ActivityRow,
  AvailabilityWindow as Window,
  BookingRow,
  InterestRow,
  SessionView,
} from '@kith/community';
import type { AvailabilityWindow } from './member-profile.model';
import { Activity } from './activity.model';
import { Booking, Session } from './session.model';
import { Interest } from './interest.model';

export function toInterest(row: InterestRow): Interest {
  return Object.assign(new Interest(), {
    id: row.id,
    slug: row.slug,
    label: row.label,
    group: row.groupSlug,
    groupLabel: row.groupLabel,
  });
}

export function toActivity(row: ActivityRow): Activity {
  return Object.assign(new Activity(), {
    id: row.id,
    title: row.title,
    description: row.description,
    venueName: row.venueName,
    venueAddress: row.venueAddress,
    accessibility: row.accessibility,
    status: row.status,
    recurrence: row.recurrence,
    capacity: row.capacity,
    durationMinutes: row.durationMinutes,
  });
}

export function toSession(view: SessionView): Session {
  return Object.assign(new Session(), {
    id: view.id,
    activityId: view.activityId,
    startsAt: view.startsAt,
    endsAt: view.endsAt,
    capacity: view.capacity,
    placesLeft: view.placesLeft,
    waitlistLength: view.waitlistCount,
    cancelled: view.cancelledAt !== null,
    distanceBand: view.distanceBand,
  });
}

export function toBooking(row: BookingRow): Booking {
  return Object.assign(new Booking(), {
    id: row.id,
    sessionId: row.sessionId,
    status: row.status,
    waitlistPosition: row.waitlistPosition,
  });
}

export function toWindow(window: Window): AvailabilityWindow {
  return {
    weekday: window.weekday,
    start: formatClock(window.startMinute),
    end: formatClock(window.endMinute),
  };
}
