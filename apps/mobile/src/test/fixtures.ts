/** Plain answers in the shape of the app's operations, for component tests. */
export function session(id: string, title: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    startsAt: '2026-12-08T10:30:00.000Z',
    endsAt: '2026-12-08T12:00:00.000Z',
    placesLeft: 4,
    cancelled: false,
    distanceBand: 'under 500 m',
    activity: { id: `a-${id}`, title, venueName: 'St Mary’s Hall' },
    ...overrides,
  };
}

export function nudge(id: string, title: string, read = false) {
  return {
    id,
    kind: 'SESSION_REMINDER',
    title,
    body: `About ${title}`,
    createdAt: '2026-12-04T09:00:00.000Z',
    readAt: read ? '2026-12-04T10:00:00.000Z' : null,
    link: null,
  };
}

export function inboxPage(
  nudges: ReturnType<typeof nudge>[],
  unreadCount: number,
  endCursor: string | null = null,
) {
  return {
    data: {
      myInbox: {
        unreadCount,
        edges: nudges.map((node) => ({ cursor: `c-${node.id}`, node })),
        pageInfo: { hasNextPage: endCursor !== null, endCursor },
      },
    },
  };
}
