/** Plain answers for Find, a session's page and my bookings, in the shape of their operations. */
import { session } from './fixtures';

export const INTERESTS = [
  { id: 'i-garden', label: 'Gardening' },
  { id: 'i-sing', label: 'Singing' },
  { id: 'i-walk', label: 'Walking' },
  { id: 'i-cook', label: 'Cooking' },
];

/** FindChoices: the catalogue, and the member's home and interests. */
export function findChoices({
  hasHome = true,
  travelRadiusMetres = 2000,
  mine = ['i-walk'],
}: { hasHome?: boolean; travelRadiusMetres?: number; mine?: string[] } = {}) {
  return {
    data: {
      interests: INTERESTS,
      me: {
        id: 'me',
        memberProfile: { hasHome, travelRadiusMetres, interests: mine.map((id) => ({ id })) },
      },
    },
  };
}

export function findSession(id: string, title: string, overrides: Record<string, unknown> = {}) {
  return { waitlistLength: 0, ...session(id, title), ...overrides };
}

/** FindSessions: one page of sessions, with the cursor of the next page when there is one. */
export function sessionsPage(
  nodes: ReturnType<typeof findSession>[],
  endCursor: string | null = null,
) {
  return {
    data: {
      sessions: {
        edges: nodes.map((node) => ({ cursor: `c-${node.id}`, node })),
        pageInfo: { hasNextPage: endCursor !== null, endCursor },
      },
    },
  };
}

interface OwnBooking {
  id: string;
  status: string;
  waitlistPosition: number | null;
}

/** SessionPage: one session in full, with the member's own booking at it if given. */
export function sessionPage(
  overrides: Record<string, unknown> = {},
  booking: OwnBooking | null = null,
  sessionId = 's1',
) {
  return {
    data: {
      session: {
        id: sessionId,
        startsAt: '2026-12-08T10:30:00.000Z',
        endsAt: '2026-12-08T12:00:00.000Z',
        capacity: 12,
        placesLeft: 4,
        waitlistLength: 0,
        cancelled: false,
        distanceBand: 'under 500 m',
        knownGoing: [],
        activity: {
          id: `a-${sessionId}`,
          title: 'Garden club',
          description: 'We grow vegetables together. Gloves and tea are provided.',
          venueName: 'St Mary’s Hall',
          venueAddress: '12 Church Street, London SE5 8QZ',
          accessibility: ['STEP_FREE', 'HEARING_LOOP'],
        },
        myBooking: booking,
        ...overrides,
      },
    },
  };
}

/** What joinSession or leaveSession answers. */
export function bookingAnswer(
  operation: 'joinSession' | 'leaveSession',
  status: string,
  waitlistPosition: number | null = null,
  placesLeft = 0,
) {
  return {
    data: {
      [operation]: {
        id: 'b1',
        status,
        waitlistPosition,
        session: { id: 's1', placesLeft, waitlistLength: waitlistPosition ?? 0 },
      },
    },
  };
}

export function booking(
  id: string,
  title: string,
  status = 'BOOKED',
  waitlistPosition: number | null = null,
  sessionOverrides: Record<string, unknown> = {},
) {
  const {
    id: sessionId,
    startsAt,
    endsAt,
    cancelled,
    activity,
  } = session(`s-${id}`, title, sessionOverrides);
  return {
    id,
    status,
    waitlistPosition,
    session: { id: sessionId, startsAt, endsAt, cancelled, activity },
  };
}

/** MyBookings: one page of the member's bookings. */
export function bookingsPage(
  bookings: ReturnType<typeof booking>[],
  endCursor: string | null = null,
) {
  return {
    data: {
      me: {
        id: 'me',
        bookings: {
          edges: bookings.map((node) => ({ cursor: `c-${node.id}`, node })),
          pageInfo: { hasNextPage: endCursor !== null, endCursor },
        },
      },
    },
  };
}
