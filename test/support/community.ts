import { Db, distanceBand } from '@kith/platform';
import type { RunningApi } from './api';

export const CREATE_ACTIVITY = `mutation Create($input: CreateActivityInput!) {
  createActivity(input: $input) { id status sessions(first: 20) { id startsAt placesLeft } }
}`;
export const JOIN = `mutation Join($id: ID!) { joinSession(sessionId: $id) { id status waitlistPosition session { id } } }`;
export const LEAVE = `mutation Leave($id: ID!) { leaveSession(sessionId: $id) { id status waitlistPosition } }`;
export const UPDATE_PROFILE = `mutation Profile($input: MemberProfileInput!) {
  updateMemberProfile(input: $input) { travelRadiusMetres hasHome area { code } accessibilityNeeds goals peerIntroductions
    interests { slug } availability { weekday start end } }
}`;

/** Bankside Wharf (ward K05000001) in the shipped synthetic Riverside borough. */
export const BANKSIDE = { lat: 51.505, lng: -0.1 };

export async function interestIds(
  api: RunningApi,
  token: string,
  ...slugs: string[]
): Promise<string[]> {
  const result = await api.gql<{ interests: { id: string; slug: string }[] }>(
    `{ interests { id slug } }`,
    {},
    token,
  );
  return slugs.map((slug) => {
    const found = result.data?.interests.find((i) => i.slug === slug);
    if (!found) throw new Error(`no interest ${slug}`);
    return found.id;
  });
}

export function weeklyActivity(
  interests: string[],
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const nextWeek = new Date(Date.now() + 7 * 24 * 3600 * 1000);
  nextWeek.setUTCHours(10, 0, 0, 0);
  return {
    title: 'Riverside walk',
    description: 'A gentle walk along the river, about an hour, with a café stop.',
    interestIds: interests,
    venueName: `Bankside Pier ${Math.random().toString(36).slice(2, 8)}`,
    venueLocation: BANKSIDE,
    venueAccessibility: ['STEP_FREE', 'SEATING'],
    capacity: 10,
    firstStartsAt: nextWeek.toISOString(),
    durationMinutes: 90,
    recurrence: 'FREQ=WEEKLY',
    ...overrides,
  };
}

/**
 * The band others see between a person's home (or a helper's base) and a viewer's home: worked
 * out from the person's coarse place, as the API must, so tests can say what to expect.
 */
export async function coarseBand(
  db: Db,
  of: { personId: string; place: 'home' | 'base' },
  viewerId: string,
): Promise<string> {
  const [row] = await db.query<{ metres: number }>(
    of.place === 'home'
      ? `SELECT ST_Distance(o.home_coarse, v.home) AS metres FROM member_profile o, member_profile v
          WHERE o.person_id = $1 AND v.person_id = $2`
      : `SELECT ST_Distance(o.base_coarse, v.home) AS metres FROM helper_profile o, member_profile v
          WHERE o.person_id = $1 AND v.person_id = $2`,
    [of.personId, viewerId],
  );
  return distanceBand(row.metres);
}

/**
 * A one-off session the members booked, moved to have started `hoursAgo` (so attendance can be
 * recorded), by a coordinator of its area.
 */
export async function pastSession(
  api: RunningApi,
  coordinatorToken: string,
  interests: string[],
  members: { accessToken: string }[],
  hoursAgo: number,
): Promise<string> {
  const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
    CREATE_ACTIVITY,
    { input: weeklyActivity(interests, { recurrence: null }) },
    coordinatorToken,
  );
  const sessionId = created.data!.createActivity.sessions[0].id;
  for (const m of members) await api.gql(JOIN, { id: sessionId }, m.accessToken);
  await api.app
    .get(Db)
    .query(
      `UPDATE session SET starts_at = now() - make_interval(hours => $2), ends_at = now() - make_interval(hours => $2) + interval '90 minutes' WHERE id = $1`,
      [sessionId, hoursAgo],
    );
  return sessionId;
}
