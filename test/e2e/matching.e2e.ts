import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import {
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
      { first: 10 },
      member.accessToken,
    );
    const matches = result.data!.recommendedSessions;
    const ids = matches.map((m) => m.session.activity.id);
    expect(ids).toContain(nearWalk.id);
    expect(ids).toContain(choirNear.id);
    expect(ids).not.toContain(noAccess.id); // needs step-free access the venue lacks
    expect(ids).not.toContain(outOfRange.id); // beyond the travel radius
    expect(ids.indexOf(nearWalk.id)).toBeLessThan(
      ids.indexOf(farWalk.id) === -1 ? Infinity : ids.indexOf(farWalk.id),
    );
    for (const match of matches) {
      expect(match.reasons.length).toBeGreaterThan(0);
      expect(match.reasons.every((r) => r.code && r.text && r.weight > 0)).toBe(true);
    }
    const near = matches.find((m) => m.session.activity.id === nearWalk.id)!;
    expect(near.reasons.map((r) => r.text)).toEqual(
      expect.arrayContaining(['1 shared interest: walking', 'under 500 m from home']),
    );
    // Varied: the choir is not pushed below both walks.
    expect(ids.indexOf(choirNear.id)).toBeLessThanOrEqual(1);

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
});
