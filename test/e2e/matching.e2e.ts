import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import {
  coarseBand,
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';

type Match = {
  score: number;
  session: { id: string; activity: { id: string; title: string } };
  reasons: { code: string; text: string; weight: number }[];
};
const RECOMMEND = `query($first: Int) { recommendedSessions(first: $first) { score reasons { code text weight } session { id distanceBand activity { id title } } } }`;

describe('recommendedSessions over HTTP', () => {
  let api: RunningApi;

  beforeAll(async () => {
    api = await startApi(testConfig());
    await importShippedAreas(api.app.get(AreaService));
  });

  afterAll(() => api?.close());

  it('tells the client what to ask for, then suggests nearby sessions with reasons, best and varied first', async () => {
    const coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    const [walking, choir, chess] = await interestIds(
      api,
      coordinator.accessToken,
      'walking',
      'choir',
      'chess',
    );
    const soon = (hours: number) => new Date(Date.now() + hours * 3600 * 1000).toISOString();
    const create = async (
      title: string,
      interest: string,
      lat: number,
      lng: number,
      firstStartsAt: string,
      access: string[] = ['STEP_FREE'],
    ) =>
      (
        await api.gql<{ createActivity: { id: string; sessions: { id: string }[] } }>(
          CREATE_ACTIVITY,
          {
            input: weeklyActivity([interest], {
              title,
              venueLocation: { lat, lng },
              firstStartsAt,
              venueAccessibility: access,
              recurrence: null,
            }),
          },
          coordinator.accessToken,
        )
      ).data!.createActivity;
    const nearWalk = await create('Near walk', walking, 51.5052, -0.1, soon(26));
    const farWalk = await create('Far walk', walking, 51.5085, -0.09, soon(30));
    const choirNear = await create('Choir', choir, 51.5045, -0.099, soon(50));
    const noAccess = await create('Upstairs chess', chess, 51.505, -0.1, soon(28), []);
    const outOfRange = await create('Hillcrest walk', walking, 51.462, -0.105, soon(27));

    const member = await signIn(api);
    const needs = await api.gql(`{ matchingNeeds }`, {}, member.accessToken);
    expect(needs.data).toEqual({ matchingNeeds: ['HOME', 'INTERESTS'] });
    expect((await api.gql(RECOMMEND, {}, member.accessToken)).data).toEqual({
      recommendedSessions: [],
    });

    await api.gql(
      UPDATE_PROFILE,
      {
        input: {
          home: { lat: 51.505, lng: -0.1 },
          travelRadiusMetres: 1500,
          interestIds: [walking, choir, chess],
          accessibilityNeeds: ['STEP_FREE'],
        },
      },
      member.accessToken,
    );
    expect((await api.gql(`{ matchingNeeds }`, {}, member.accessToken)).data).toEqual({
      matchingNeeds: [],
    });
    const result = await api.gql<{ recommendedSessions: Match[] }>(
      RECOMMEND,
      { first: 50 },
      member.accessToken,
    );
    const matches = result.data!.recommendedSessions;
    // Other test files share this database: compare only the activities made here.
    const ours = new Set([nearWalk, farWalk, choirNear, noAccess, outOfRange].map((a) => a.id));
    const ids = matches.map((m) => m.session.activity.id).filter((id) => ours.has(id));
    expect(ids).toContain(nearWalk.id);
    expect(ids).toContain(choirNear.id);
    expect(ids).not.toContain(noAccess.id); // needs step-free access the venue lacks
    expect(ids).not.toContain(outOfRange.id); // beyond the travel radius
    expect(ids.indexOf(nearWalk.id)).toBeLessThan(
      ids.indexOf(farWalk.id) === -1 ? Infinity : ids.indexOf(farWalk.id),
    );
    // The score given back is the one the list is in order of.
    const scores = matches.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const match of matches) {
      expect(match.reasons.length).toBeGreaterThan(0);
      expect(
        match.reasons.every((r) => r.code && r.text && (r.weight > 0 || r.code === 'VARIETY')),
      ).toBe(true);
    }
    const near = matches.find((m) => m.session.activity.id === nearWalk.id)!;
    expect(near.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['1 shared interest: walking', 'under 500 m from home']),
    );
    // Variety (re-ranking) is asserted exactly in session-scoring.spec.ts: here other test files'
    // sessions share the database and take part in it.

    // Joined sessions are no longer suggested.
    await api.gql(JOIN, { id: nearWalk.sessions[0].id }, member.accessToken);
    const after = await api.gql<{ recommendedSessions: Match[] }>(
      RECOMMEND,
      {},
      member.accessToken,
    );
    expect(
      after.data!.recommendedSessions.some((m) => m.session.id === nearWalk.sessions[0].id),
    ).toBe(false);

    expect(
      (await api.gql(RECOMMEND, { first: 51 }, member.accessToken)).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] });
    expect(
      (await api.gql(RECOMMEND, { first: 0 }, member.accessToken)).errors?.[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
  });

  it('says why nothing is suggested, and what would change it: access needs, a wider radius, free times', async () => {
    const coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR);
    const [gardening] = await interestIds(api, coordinator.accessToken, 'gardening');
    // Two days ahead, 10:00 in London (UTC in winter, 09:00 UTC in summer: either is a morning).
    const at = new Date(Date.now() + 2 * 24 * 3600 * 1000);
    at.setUTCHours(10, 0, 0, 0);
    const create = async (title: string, lat: number, access: string[]) =>
      (
        await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
          CREATE_ACTIVITY,
          {
            input: weeklyActivity([gardening], {
              title,
              venueLocation: { lat, lng: -0.075 },
              firstStartsAt: at.toISOString(),
              venueAccessibility: access,
              recurrence: null,
            }),
          },
          coordinator.accessToken,
        )
      ).data!.createActivity.sessions[0].id;
    const ADVICE = `{ matchingNeeds matchingAdvice { needs travelRadiusMetres unmetAccessNeeds } recommendedSessions { session { id } } }`;
    const advice = async (token: string) =>
      (
        await api.gql<{
          matchingNeeds: string[];
          matchingAdvice: {
            needs: string[];
            travelRadiusMetres: number | null;
            unmetAccessNeeds: string[];
          };
          recommendedSessions: { session: { id: string } }[];
        }>(ADVICE, {}, token)
      ).data!;

    // About 445 m north of home: everything but a hearing loop.
    await create('Coffee morning', 51.484, [
      'STEP_FREE',
      'ACCESSIBLE_TOILET',
      'SEATING',
      'QUIET_SPACE',
    ]);
    const member = await signIn(api);
    await api.gql(
      UPDATE_PROFILE,
      {
        input: {
          home: { lat: 51.48, lng: -0.075 },
          travelRadiusMetres: 800,
          interestIds: [gardening],
          accessibilityNeeds: ['STEP_FREE', 'ACCESSIBLE_TOILET', 'HEARING_LOOP', 'SEATING'],
        },
      },
      member.accessToken,
    );
    expect(await advice(member.accessToken)).toEqual({
      matchingNeeds: ['ACCESS_NEEDS'],
      matchingAdvice: {
        needs: ['ACCESS_NEEDS'],
        travelRadiusMetres: null,
        unmetAccessNeeds: ['HEARING_LOOP'],
      },
      recommendedSessions: [],
    });

    // About 1.6 km north: every need met. A radius of 2 km would reach it.
    const further = await create('Garden club', 51.4944, [
      'STEP_FREE',
      'ACCESSIBLE_TOILET',
      'HEARING_LOOP',
      'SEATING',
    ]);
    expect((await advice(member.accessToken)).matchingAdvice).toEqual({
      needs: ['ACCESS_NEEDS', 'RADIUS'],
      travelRadiusMetres: 2000,
      unmetAccessNeeds: ['HEARING_LOOP'],
    });

    // Taking the advice: the session is suggested and nothing is asked.
    await api.gql(UPDATE_PROFILE, { input: { travelRadiusMetres: 2000 } }, member.accessToken);
    expect(await advice(member.accessToken)).toMatchObject({
      matchingNeeds: [],
      recommendedSessions: [{ session: { id: further } }],
    });
    // Free only on the weekday after: the one suggestion is not at a free time.
    const wrongDay = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'][(at.getUTCDay() + 1) % 7];
    await api.gql(
      UPDATE_PROFILE,
      { input: { availability: [{ weekday: wrongDay, start: '09:00', end: '12:00' }] } },
      member.accessToken,
    );
    expect((await advice(member.accessToken)).matchingNeeds).toEqual(['AVAILABILITY']);

    // Booked: nothing left to suggest, and the app can say why.
    await api.gql(JOIN, { id: further }, member.accessToken);
    expect(await advice(member.accessToken)).toMatchObject({
      matchingNeeds: ['ACCESS_NEEDS', 'ALL_BOOKED'],
      recommendedSessions: [],
    });

    // Far from every session, with no access needs: nothing nearby at all.
    const faraway = await signIn(api);
    await api.gql(
      UPDATE_PROFILE,
      {
        input: {
          home: { lat: 52.2, lng: -1.5 },
          travelRadiusMetres: 5000,
          interestIds: [gardening],
        },
      },
      faraway.accessToken,
    );
    expect((await advice(faraway.accessToken)).matchingNeeds).toEqual(['NO_SESSIONS_NEARBY']);
  });

  it('matches helpers for a request: hard filters hold, and the trusted helper from before comes first', async () => {
    const coordinator = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    const skills = Object.fromEntries(
      (
        await api.gql<{ skills: { id: string; slug: string }[] }>(
          `{ skills { id slug } }`,
          {},
          coordinator.accessToken,
        )
      ).data!.skills.map((x) => [x.slug, x.id]),
    );
    const member = await signIn(api);
    await api.gql(
      UPDATE_PROFILE,
      { input: { home: { lat: 51.505, lng: -0.1 } } },
      member.accessToken,
    );
    const offer = async (lat: number, lng: number, skill: string, approve: boolean) => {
      const h = await signIn(api);
      await api.gql(
        `mutation($i: HelperProfileInput!) { updateHelperProfile(input: $i) { status } }`,
        {
          i: {
            skillIds: [skills[skill]],
            base: { lat, lng },
            travelRadiusMetres: 2000,
            availability: [{ weekday: 'SAT', start: '09:00', end: '17:00' }],
          },
        },
        h.accessToken,
      );
      if (approve) {
        await api.gql(
          `mutation($p: ID!) { approveHelper(personId: $p, dbsCheckedOn: "2026-01-01T00:00:00Z") { status } }`,
          { p: h.personId },
          coordinator.accessToken,
        );
      }
      return h;
    };
    const ask = async () =>
      (
        await api.gql<{ createHelpRequest: { id: string } }>(
          `mutation($i: HelpRequestInput!) { createHelpRequest(input: $i) { id } }`,
          {
            i: {
              skillId: skills.gardening,
              description: 'Weeding',
              durationMinutes: 60,
              atHome: true,
              preferredWindows: [{ weekday: 'SAT', start: '10:00', end: '12:00' }],
            },
          },
          member.accessToken,
        )
      ).data!.createHelpRequest.id;

    const near = await offer(51.5055, -0.1, 'gardening', true);
    const trusted = await offer(51.509, -0.1, 'gardening', true);
    const unapproved = await offer(51.505, -0.1, 'gardening', false);
    const wrongSkill = await offer(51.505, -0.1, 'dog-walking', true);
    const outOfRange = await offer(51.47, -0.1, 'gardening', true);
    const blocked = await offer(51.505, -0.1005, 'gardening', true);
    await api.gql(
      `mutation($p: ID!) { blockPerson(personId: $p) }`,
      { p: blocked.personId },
      member.accessToken,
    );

    // The trusted helper helped before and was rated 5.
    const first = await ask();
    const assigned = await api.gql<{ assignHelper: { id: string } }>(
      `mutation($r: ID!, $h: ID!) { assignHelper(requestId: $r, helperId: $h) { id } }`,
      { r: first, h: trusted.personId },
      member.accessToken,
    );
    const assignmentId = assigned.data!.assignHelper.id;
    await api.gql(
      `mutation($id: ID!) { respondToAssignment(id: $id, accept: true) { status } }`,
      { id: assignmentId },
      trusted.accessToken,
    );
    await api.gql(
      `mutation($id: ID!) { completeAssignment(id: $id, minutes: 45) { status } }`,
      { id: assignmentId },
      trusted.accessToken,
    );
    await api.gql(
      `mutation($id: ID!) { rateAssignment(id: $id, rating: 5) { rating } }`,
      { id: assignmentId },
      member.accessToken,
    );

    const request = await ask();
    const matches = await api.gql<{
      helperMatches: {
        helper: { id: string; displayName: string; distanceBand: string };
        score: number;
        reasons: { code: string; text: string }[];
      }[];
    }>(
      `query($r: ID!) { helperMatches(requestId: $r, first: 50) { score reasons { code text } helper { id displayName distanceBand sharedInterests { slug } } } }`,
      { r: request },
      member.accessToken,
    );
    // Other test files share this database: look at the helpers made here, in their order.
    const ours = new Set(
      [near, trusted, unapproved, wrongSkill, outOfRange, blocked].map((h) => h.personId),
    );
    const ids = matches.data!.helperMatches.map((m) => m.helper.id).filter((id) => ours.has(id));
    expect(ids).toEqual([trusted.personId, near.personId]);
    expect(matches.data!.helperMatches[0].helper.id).toBe(trusted.personId);
    for (const excluded of [unapproved, wrongSkill, outOfRange, blocked])
      expect(ids).not.toContain(excluded.personId);
    expect(matches.data!.helperMatches[0].reasons[0]).toEqual({
      code: 'HELPED_BEFORE',
      text: 'Helped you once before, rated 5',
    });
    expect(
      matches.data!.helperMatches.find((m) => m.helper.id === near.personId)?.helper.distanceBand,
    ).toBe(
      await coarseBand(
        api.app.get(Db),
        { personId: near.personId, place: 'base' },
        member.personId,
      ),
    );

    const stranger = await signIn(api);
    const forbidden = await api.gql(
      `query($r: ID!) { helperMatches(requestId: $r) { score } }`,
      { r: request },
      stranger.accessToken,
    );
    expect(forbidden.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const coordinated = await api.gql<{ helperMatches: unknown[] }>(
      `query($r: ID!) { helperMatches(requestId: $r) { score } }`,
      { r: request },
      coordinator.accessToken,
    );
    expect(coordinated.data!.helperMatches.length).toBeGreaterThanOrEqual(2);
    expect(
      (
        await api.gql(
          `query($r: ID!) { helperMatches(requestId: $r, first: 51) { score } }`,
          { r: request },
          member.accessToken,
        )
      ).errors?.[0].extensions.code,
    ).toBe('BAD_USER_INPUT');
  });
});
