import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { CREATE_ACTIVITY, interestIds, UPDATE_PROFILE, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

type Problem = { path: string; message: string };

/** 10:00 London two days before the next change to summer time (the last Sunday of March). */
function marchChange(): string {
  const now = new Date();
  for (let year = now.getUTCFullYear(); ; year += 1) {
    const lastSunday = new Date(Date.UTC(year, 2, 31));
    lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
    const start = new Date(lastSunday.getTime() - 2 * 24 * 3600_000 + 10 * 3600_000);
    if (start > now) return start.toISOString();
  }
}

describe('bad input to the member journey', () => {
  let api: RunningApi;
  let db: Db;
  let coordinator: Session;
  let member: Session;
  let walking: string;

  beforeAll(async () => {
    api = await startApi(testConfig());
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    coordinator = await signIn(api);
    member = await signIn(api);
    await api.app.get(PersonService).grantRole(coordinator.email, Role.COORDINATOR, 'K09000001');
    [walking] = await interestIds(api, member.accessToken, 'walking');
  });

  afterAll(() => api?.close());

  const activityCount = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM activity`))[0].n;

  async function expectActivityRefused(
    overrides: Record<string, unknown>,
    path: string,
    message?: RegExp,
  ) {
    const before = await activityCount();
    const result = await api.gql(
      CREATE_ACTIVITY,
      { input: weeklyActivity([walking], overrides) },
      coordinator.accessToken,
    );
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const fields = result.errors?.[0].extensions.fields as Problem[];
    expect(fields.map((f) => f.path)).toContain(path);
    if (message) expect(fields.find((f) => f.path === path)?.message).toMatch(message);
    expect(await activityCount()).toBe(before);
  }

  it('refuses an invalid RRULE, or one that yields no session', async () => {
    await expectActivityRefused({ recurrence: 'FREQ=FORTNIGHTLY' }, 'recurrence', /FREQ must be/);
    await expectActivityRefused({ recurrence: 'EVERY TUESDAY' }, 'recurrence', /not a valid RRULE/);
    await expectActivityRefused({ recurrence: 'FREQ=MINUTELY' }, 'recurrence');
    await expectActivityRefused(
      { recurrence: 'FREQ=WEEKLY;UNTIL=20200101T000000Z' },
      'recurrence',
      /yields no session/,
    );
    await expectActivityRefused(
      { recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=31' },
      'recurrence',
      /yields no session/,
    );
  });

  it('refuses, fast and without holding the event loop, a rule that never matches, sent by a member', async () => {
    const before = await activityCount();
    let lastLive = 0;
    let lives = 0;
    const probing = (async () => {
      while (lastLive === 0) {
        const response = await fetch(`${api.url}/health/live`);
        if (response.status === 200) lives += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const attack = await api.gql(
      CREATE_ACTIVITY,
      { input: weeklyActivity([walking], { recurrence: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30' }) },
      member.accessToken,
    );
    lastLive = 1;
    await probing;
    expect(attack.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'recurrence', message: expect.stringMatching(/too long to work out/) as string },
      ],
    });
    // Liveness kept answering while the rule was being tried.
    expect(lives).toBeGreaterThanOrEqual(2);
    expect(await activityCount()).toBe(before);
  });

  it('refuses malformed days, times of day in the rule, and sessions that would overlap', async () => {
    await expectActivityRefused(
      { recurrence: 'FREQ=WEEKLY;BYDAY=XX' },
      'recurrence',
      /BYDAY takes days/,
    );
    await expectActivityRefused(
      { recurrence: 'FREQ=DAILY;BYHOUR=10,11;BYMINUTE=0,5' },
      'recurrence',
      /BYHOUR is not allowed/,
    );
    // A daily session of 24 hours across the March change: the clocks make two of them 23 hours apart.
    await expectActivityRefused(
      {
        recurrence: 'FREQ=DAILY;COUNT=5',
        firstStartsAt: marchChange(),
        durationMinutes: 1440,
      },
      'recurrence',
      /may not overlap: this rule starts them 1380 minutes apart, and each lasts 1440/,
    );
  });

  it('refuses names with NUL, bidirectional overrides or nothing visible, and counts what people see', async () => {
    const rename = (displayName: string) =>
      api.gql(UPDATE_PROFILE, { input: { displayName } }, member.accessToken);
    const refusals: [string, RegExp][] = [
      ['Mar\u0000garet', /control characters/],
      ['Ada\u202Egnp.exe', /bidirectional override/],
      ['\u200B\u200B\u200B', /something visible/],
      ['\u3164', /something visible/],
      ['x'.repeat(61), /1 to 60 characters/],
    ];
    for (const [name, message] of refusals) {
      const answer = await rename(name);
      expect(answer.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'displayName', message: expect.stringMatching(message) as string }],
      });
    }
    // Sixty family emoji are sixty characters a person sees, however many code units.
    const families = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'.repeat(60);
    expect((await rename(families)).errors).toBeUndefined();
    const composed = await api.gql<{ me: { displayName: string } }>(
      `{ me { displayName } }`,
      {},
      member.accessToken,
    );
    expect(composed.data!.me.displayName).toBe(families);
    await rename('Zoe\u0301');
    expect(
      (
        await api.gql<{ me: { displayName: string } }>(
          `{ me { displayName } }`,
          {},
          member.accessToken,
        )
      ).data!.me.displayName,
    ).toBe('Zoé');
  });

  it("never lets a member's proposal rewrite a venue that approved activities use", async () => {
    const venueName = `Riverside Hall ${Date.now()}`;
    const approved = await api.gql<{ createActivity: { id: string } }>(
      CREATE_ACTIVITY,
      {
        input: weeklyActivity([walking], {
          venueName,
          venueAccessibility: ['STEP_FREE', 'ACCESSIBLE_TOILET'],
        }),
      },
      coordinator.accessToken,
    );
    expect(approved.errors).toBeUndefined();
    const proposal = await api.gql<{ createActivity: { status: string } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity([walking], { venueName, venueAccessibility: [] }) },
      member.accessToken,
    );
    expect(proposal.data).toMatchObject({ createActivity: { status: 'PROPOSED' } });
    const [venue] = await db.query<{ accessibility: string }>(
      `SELECT v.accessibility::text FROM venue v JOIN activity a ON a.venue_id = v.id WHERE a.id = $1`,
      [approved.data!.createActivity.id],
    );
    expect(venue.accessibility).toBe('{STEP_FREE,ACCESSIBLE_TOILET}');
  });

  it('refuses a capacity under 1 or over 500', async () => {
    await expectActivityRefused({ capacity: 0 }, 'capacity');
    await expectActivityRefused({ capacity: 501 }, 'capacity', /1 to 500/);
  });

  it('refuses latitude or longitude out of range, and places outside the areas served', async () => {
    await expectActivityRefused({ venueLocation: { lat: 91, lng: 0 } }, 'venueLocation.lat');
    await expectActivityRefused({ venueLocation: { lat: 51.5, lng: -181 } }, 'venueLocation.lng');
    await expectActivityRefused(
      { venueLocation: { lat: 48.85, lng: 2.35 } },
      'venueLocation',
      /outside the areas/,
    );
    const profile = await api.gql(
      UPDATE_PROFILE,
      { input: { home: { lat: -95, lng: 0 } } },
      member.accessToken,
    );
    expect((profile.errors?.[0].extensions.fields as Problem[])[0].path).toBe('home.lat');
  });

  it('refuses unknown interest ids, to activities, profiles and filters', async () => {
    await expectActivityRefused(
      { interestIds: ['00000000-0000-4000-8000-000000000000'] },
      'interestIds',
      /unknown interest/,
    );
    await expectActivityRefused({ interestIds: ['walking'] }, 'interestIds');
    const profile = await api.gql(
      UPDATE_PROFILE,
      { input: { interestIds: [walking, 'nope'] } },
      member.accessToken,
    );
    expect(profile.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'interestIds' }],
    });
    const filter = await api.gql(
      `query($f: SessionFilter) { sessions(filter: $f) { edges { cursor } } }`,
      { f: { interestIds: ['nope'] } },
      member.accessToken,
    );
    expect(filter.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.interestIds' }],
    });
  });

  it('refuses availability windows that end before they start or overlap, and saves nothing of that profile change', async () => {
    await api.gql(UPDATE_PROFILE, { input: { travelRadiusMetres: 1500 } }, member.accessToken);
    const result = await api.gql(
      UPDATE_PROFILE,
      {
        input: {
          travelRadiusMetres: 3000,
          availability: [
            { weekday: 'MON', start: '10:00', end: '09:00' },
            { weekday: 'TUE', start: '09:00', end: '12:00' },
            { weekday: 'TUE', start: '11:00', end: '13:00' },
          ],
        },
      },
      member.accessToken,
    );
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((result.errors?.[0].extensions.fields as Problem[]).map((f) => f.path)).toEqual([
      'availability.0.end',
      'availability.2',
    ]);
    const me = await api.gql(
      `{ me { memberProfile { travelRadiusMetres availability { weekday } } } }`,
      {},
      member.accessToken,
    );
    expect(me.data).toEqual({
      me: { memberProfile: { travelRadiusMetres: 1500, availability: [] } },
    });
  });

  it('refuses unknown goals and a travel radius out of range', async () => {
    const result = await api.gql(
      UPDATE_PROFILE,
      { input: { goals: ['get-rich'], travelRadiusMetres: 60_000 } },
      member.accessToken,
    );
    expect((result.errors?.[0].extensions.fields as Problem[]).map((f) => f.path).sort()).toEqual([
      'goals',
      'travelRadiusMetres',
    ]);
  });

  it('keeps an age band only if it is one of the bands, cleared with null, seen by the member alone', async () => {
    const save = (ageBand: string | null) =>
      api.gql<{ updateMemberProfile: { ageBand: string | null } }>(
        `mutation($input: MemberProfileInput!) { updateMemberProfile(input: $input) { ageBand } }`,
        { input: { ageBand } },
        member.accessToken,
      );
    const refused = await save('120+');
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'ageBand' }],
    });
    expect((await save('65-74')).data?.updateMemberProfile.ageBand).toBe('65-74');
    const [stored] = await db.query<{ band: string }>(
      `SELECT age_band AS band FROM member_profile WHERE person_id = $1`,
      [member.personId],
    );
    expect(stored.band).toBe('65-74');
    // Absent leaves it; null clears it.
    await api.gql(UPDATE_PROFILE, { input: { goals: [] } }, member.accessToken);
    expect(
      (
        await db.query(`SELECT age_band AS band FROM member_profile WHERE person_id = $1`, [
          member.personId,
        ])
      )[0],
    ).toEqual({ band: '65-74' });
    expect((await save(null)).data?.updateMemberProfile.ageBand).toBeNull();
  });

  it('refuses a radius over 50 km, first over 100, and a tampered cursor', async () => {
    const browse = (variables: Record<string, unknown>) =>
      api.gql(
        `query($f: SessionFilter, $first: Int, $after: String) { sessions(filter: $f, first: $first, after: $after) { edges { cursor } pageInfo { endCursor } } }`,
        variables,
        member.accessToken,
      );
    const radius = await browse({ f: { near: { lat: 51.5, lng: -0.1 }, withinMetres: 50_001 } });
    expect(radius.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.withinMetres' }],
    });
    const tooMany = await browse({ first: 101 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'first' }],
    });
    expect((await browse({ first: 0 })).errors?.[0].extensions.code).toBe('BAD_USER_INPUT');

    await api.gql(CREATE_ACTIVITY, { input: weeklyActivity([walking]) }, coordinator.accessToken);
    const page = await browse({ first: 1 });
    const cursor = (page.data as { sessions: { pageInfo: { endCursor: string } } }).sessions
      .pageInfo.endCursor;
    expect((await browse({ first: 1, after: cursor })).errors).toBeUndefined();
    const [body, signature] = cursor.split('.');
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, string>;
    const forged = Buffer.from(
      JSON.stringify({ ...decoded, startsAt: '2000-01-01T00:00:00.000Z' }),
    ).toString('base64url');
    for (const tampered of [`${forged}.${signature}`, 'garbage', `${body}.`, cursor.slice(0, -2)]) {
      const result = await browse({ first: 1, after: tampered });
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'after' }],
      });
    }
  });

  it('asks for a point when filtering by distance without a home', async () => {
    const homeless = await signIn(api);
    const result = await api.gql(
      `{ sessions(filter: { withinMetres: 1000 }) { edges { cursor } } }`,
      {},
      homeless.accessToken,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.near' }],
    });
  });

  it('refuses a first start in the past and names several problems at once', async () => {
    const before = await activityCount();
    const result = await api.gql(
      CREATE_ACTIVITY,
      {
        input: weeklyActivity([walking], {
          firstStartsAt: '2020-01-01T10:00:00Z',
          capacity: 0,
          title: '  ',
          durationMinutes: 0,
        }),
      },
      coordinator.accessToken,
    );
    expect((result.errors?.[0].extensions.fields as Problem[]).map((f) => f.path).sort()).toEqual([
      'capacity',
      'durationMinutes',
      'firstStartsAt',
      'title',
    ]);
    expect(await activityCount()).toBe(before);
  });

  describe('contact details', () => {
    const CONTACT = `mutation Contact($input: MemberProfileInput!) {
      updateMemberProfile(input: $input) { phone address }
    }`;
    const readBack = async (token: string) =>
      (
        await api.gql<{ me: { memberProfile: { phone: string | null; address: string | null } } }>(
          `{ me { memberProfile { phone address } } }`,
          {},
          token,
        )
      ).data?.me.memberProfile;

    it('clears the phone and the address with null, and leaves them when absent', async () => {
      const someone = await signIn(api);
      const set = await api.gql(
        CONTACT,
        { input: { phone: '+44 20 7946 0001', address: '3 Long Lane, SE1' } },
        someone.accessToken,
      );
      expect(set.data).toEqual({
        updateMemberProfile: { phone: '+44 20 7946 0001', address: '3 Long Lane, SE1' },
      });
      // A save that names neither leaves both.
      await api.gql(CONTACT, { input: { peerIntroductions: true } }, someone.accessToken);
      expect(await readBack(someone.accessToken)).toEqual({
        phone: '+44 20 7946 0001',
        address: '3 Long Lane, SE1',
      });

      const cleared = await api.gql(
        CONTACT,
        { input: { phone: null, address: null } },
        someone.accessToken,
      );
      expect(cleared.data).toEqual({ updateMemberProfile: { phone: null, address: null } });
      expect(await readBack(someone.accessToken)).toEqual({ phone: null, address: null });
    });

    it('clears them with blank text too, one without the other', async () => {
      const someone = await signIn(api);
      await api.gql(
        CONTACT,
        { input: { phone: '020 7946 0002', address: '4 Long Lane' } },
        someone.accessToken,
      );
      await api.gql(CONTACT, { input: { phone: '' } }, someone.accessToken);
      expect(await readBack(someone.accessToken)).toEqual({
        phone: null,
        address: '4 Long Lane',
      });
      await api.gql(CONTACT, { input: { address: '  \n ' } }, someone.accessToken);
      expect(await readBack(someone.accessToken)).toEqual({ phone: null, address: null });
    });

    it('refuses a bad phone or address with field details and changes nothing', async () => {
      const someone = await signIn(api);
      await api.gql(
        CONTACT,
        { input: { phone: '020 7946 0003', address: '5 Long Lane' } },
        someone.accessToken,
      );
      const refused = await api.gql(
        CONTACT,
        { input: { phone: 'call me', address: 'x'.repeat(301) } },
        someone.accessToken,
      );
      expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(
        (refused.errors?.[0].extensions.fields as Problem[]).map((f) => f.path).sort(),
      ).toEqual(['address', 'phone']);
      expect(await readBack(someone.accessToken)).toEqual({
        phone: '020 7946 0003',
        address: '5 Long Lane',
      });
    });
  });
});
