/** Plain answers in the shape of the People, Help, Helping and Surveys operations. */

import type { TimeCreditEntryKind } from '../gql/graphql';

export function contact(id: string, name: string, overrides: Record<string, unknown> = {}) {
  return {
    circle: null as number | null,
    confirmed: true,
    lastContactAt: null,
    sources: ['CO_ATTENDANCE'],
    person: { id, displayName: name },
    ...overrides,
  };
}

export function network(
  contacts: ReturnType<typeof contact>[],
  gains: string[] = [],
  hidden: { id: string; displayName: string }[] = [],
) {
  return {
    data: {
      myNetwork: {
        contacts,
        hiddenContacts: hidden.map((person) => ({ person })),
        gains: gains.map((text, index) => ({ code: `GAIN_${index}`, text })),
      },
    },
  };
}

export function recentSessions(
  bookings: { id: string; status: string; sessionId: string; title: string }[],
) {
  return {
    data: {
      me: {
        id: 'me',
        bookings: {
          edges: bookings.map((b) => ({
            node: {
              id: b.id,
              status: b.status,
              session: {
                id: b.sessionId,
                startsAt: '2026-12-01T10:30:00.000Z',
                activity: { id: `a-${b.sessionId}`, title: b.title },
              },
            },
          })),
        },
      },
    },
  };
}

export function peer(id: string, name: string, reasons: string[] = []) {
  return {
    score: 0.8,
    reasons: reasons.map((text, index) => ({ code: `R${index}`, text })),
    person: { id, displayName: name, distanceBand: 'under 1 km' },
  };
}

export function introduction(
  id: string,
  from: { id: string; displayName: string },
  to: { id: string; displayName: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    id,
    status: 'PENDING',
    message: null as string | null,
    createdAt: '2026-12-03T09:00:00.000Z',
    from,
    to,
    ...overrides,
  };
}

export function introductionsPage(
  nodes: ReturnType<typeof introduction>[],
  endCursor: string | null = null,
) {
  return {
    data: {
      me: {
        id: 'me',
        introductions: {
          edges: nodes.map((node) => ({ cursor: `c-${node.id}`, node })),
          pageInfo: { hasNextPage: endCursor !== null, endCursor },
        },
      },
    },
  };
}

export function helpRequest(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    status: 'OPEN',
    description: 'Change a light bulb in the hall',
    durationMinutes: 60,
    atHome: true,
    meetingPlace: null as string | null,
    createdAt: '2026-12-03T09:00:00.000Z',
    skill: { id: 'sk-diy', label: 'Small jobs at home' },
    helper: null as { firstName: string; status: string; scheduledAt: string | null } | null,
    ...overrides,
  };
}

export function helpRequestsPage(
  nodes: ReturnType<typeof helpRequest>[],
  endCursor: string | null = null,
) {
  return {
    data: {
      me: {
        id: 'me',
        helpRequests: {
          edges: nodes.map((node) => ({ cursor: `c-${node.id}`, node })),
          pageInfo: { hasNextPage: endCursor !== null, endCursor },
        },
      },
    },
  };
}

export function timeCredits(
  balanceMinutes: number,
  entries: { at: string; minutes: number; kind: TimeCreditEntryKind }[],
) {
  return {
    data: {
      myTimeCredits: { balanceMinutes },
      me: {
        id: 'me',
        timeCreditEntries: {
          edges: entries.map((e, index) => ({
            cursor: `t${index}`,
            node: e,
          })),
        },
      },
    },
  };
}

export const SKILLS = {
  data: {
    skills: [
      { id: 'sk-diy', label: 'Small jobs at home' },
      { id: 'sk-shop', label: 'Shopping' },
      { id: 'sk-tech', label: 'Phones and computers' },
    ],
  },
};

export function helperProfile(overrides: Record<string, unknown> = {}) {
  return {
    status: 'APPROVED',
    approved: true,
    dbsExpiresOnDate: '2027-03-03',
    travelRadiusMetres: 2000,
    maxMinutesPerWeek: 180,
    skills: [{ id: 'sk-shop', label: 'Shopping' }],
    basePostcode: 'SE1 7PB' as string | null,
    availability: [
      { weekday: 'MON', start: '12:00', end: '17:00' },
      { weekday: 'THU', start: '12:00', end: '17:00' },
    ],
    ...overrides,
  };
}

export function assignment(id: string, status: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    status,
    scheduledAt: null as string | null,
    minutes: null as number | null,
    member: {
      firstName: 'Rose',
      distanceBand: 'under 1 km',
      address: status === 'ACCEPTED' ? '4 Elm Road, SE1 1AA' : null,
      phone: status === 'ACCEPTED' ? '020 7946 0000' : null,
    },
    request: {
      id: `r-${id}`,
      description: 'Carry shopping home from the market',
      durationMinutes: 60,
      atHome: true,
      meetingPlace: null as string | null,
      skill: { id: 'sk-shop', label: 'Shopping' },
    },
    ...overrides,
  };
}

export function helping(
  profile: ReturnType<typeof helperProfile> | null,
  assignments: ReturnType<typeof assignment>[] = [],
) {
  return { data: { me: { id: 'me', helperProfile: profile }, myAssignments: assignments } };
}

export const SURVEY = {
  stage: 'BASELINE',
  dueOn: '2026-12-01T00:00:00.000Z',
  instrument: {
    id: 'ucla-3',
    version: 1,
    title: 'How connected you feel',
    items: [
      {
        id: 'q1',
        text: 'How often do you feel left out?',
        options: [
          { value: 1, label: 'Hardly ever' },
          { value: 2, label: 'Some of the time' },
          { value: 3, label: 'Often' },
        ],
      },
      {
        id: 'q2',
        text: 'How often do you feel alone?',
        options: [
          { value: 1, label: 'Hardly ever' },
          { value: 2, label: 'Some of the time' },
          { value: 3, label: 'Often' },
        ],
      },
    ],
  },
};
