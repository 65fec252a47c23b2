import { AreaService, PostcodeService } from '@kith/areas';
import { ProfileService } from '@kith/community';
import { PersonService, Role } from '@kith/identity';
import type { Principal } from '@kith/identity';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas, importShippedPostcodes } from '../support/areas';
import {
  CREATE_ACTIVITY,
  interestIds,
  JOIN,
  UPDATE_PROFILE,
  weeklyActivity,
} from '../support/community';
import { testConfig } from '../support/config';
import { ASSIGN, HelpFixtures } from '../support/help';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

type Page<T> = {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
};
type Problem = { path: string; message: string };

const BOOKINGS = `query($upcoming: Boolean, $first: Int, $after: String) {
  me { bookings(upcoming: $upcoming, first: $first, after: $after) {
    edges { cursor node { id status session { id startsAt activity { title venueName venueAddress } } } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;

describe("a person's history, a page at a time, and what the member app shows of it", () => {
  let api: RunningApi;
  let help: HelpFixtures;

  beforeAll(async () => {
    api = await startApi(testConfig());
    await importShippedAreas(api.app.get(AreaService));
    await importShippedPostcodes(api.app.get(PostcodeService));
    help = await HelpFixtures.create(api);
  });

  afterAll(() => api?.close());

  const name = (who: Session, displayName: string) =>
    api.gql(UPDATE_PROFILE, { input: { displayName } }, who.accessToken);

  it('pages bookings soonest first, with the venue address, and refuses a cursor from another list', async () => {
    const [walking] = await interestIds(api, help.coordinator.accessToken, 'walking');
    const sessions: string[] = [];
    for (let day = 1; day <= 3; day += 1) {
      const at = new Date(Date.now() + day * 24 * 3600 * 1000);
      at.setUTCHours(10, 0, 0, 0);
      const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
        CREATE_ACTIVITY,
        {
          input: weeklyActivity([walking], {
            title: `Walk ${day}`,
            venueAddress: '14 Union Street, London KX1 1AB',
            firstStartsAt: at.toISOString(),
            recurrence: null,
          }),
        },
        help.coordinator.accessToken,
      );
      sessions.push(created.data!.createActivity.sessions[0].id);
    }
    const member = await help.member();
    // Joined out of order: the page is in the order they happen.
    for (const id of [sessions[2], sessions[0], sessions[1]])
      await api.gql(JOIN, { id }, member.accessToken);

    const read = async (variables: Record<string, unknown>) =>
      api.gql<{
        me: {
          bookings: Page<{
            session: { id: string; activity: { title: string; venueAddress: string } };
          }>;
        };
      }>(BOOKINGS, variables, member.accessToken);
    const first = (await read({ first: 2 })).data!.me.bookings;
    expect(first.edges.map((e) => e.node.session.id)).toEqual(sessions.slice(0, 2));
    expect(first.edges[0].node.session.activity.venueAddress).toBe(
      '14 Union Street, London KX1 1AB',
    );
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = (await read({ first: 2, after: first.pageInfo.endCursor })).data!.me.bookings;
    expect(second.edges.map((e) => e.node.session.id)).toEqual([sessions[2]]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect((await read({ upcoming: false })).data!.me.bookings.edges).toEqual([]);
    // A session's page knows the caller's own place, and only theirs.
    const OWN = `query($id: ID!) { session(id: $id) { myBooking { status session { id } } } }`;
    expect((await api.gql(OWN, { id: sessions[1] }, member.accessToken)).data).toEqual({
      session: { myBooking: { status: 'BOOKED', session: { id: sessions[1] } } },
    });
    expect((await api.gql(OWN, { id: sessions[1] }, help.coordinator.accessToken)).data).toEqual({
      session: { myBooking: null },
    });

    // A cursor of upcoming bookings is not one of past bookings, nor a made-up one.
    for (const after of [first.pageInfo.endCursor, 'x.y', 'a'.repeat(5000)]) {
      const refused = await read({
        upcoming: after === first.pageInfo.endCursor ? false : true,
        after,
      });
      expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].extensions.fields).toEqual([
        { path: 'after', message: 'this cursor is not one we gave out' },
      ]);
    }
    for (const bad of [0, 51])
      expect((await read({ first: bad })).errors?.[0].extensions.fields).toEqual([
        { path: 'first', message: 'give a whole number from 1 to 50' },
      ]);
  });

  it('shows both sides of an introduction, first names and the message, and pages them', async () => {
    const asker = await help.member();
    const asked = await help.member();
    await name(asker, 'Edith Marsh');
    await name(asked, 'Ana Lopez');
    await api.gql(UPDATE_PROFILE, { input: { peerIntroductions: true } }, asked.accessToken);
    const INTRO = `fragment I on Introduction { id status message createdAt from { id displayName distanceBand } to { id displayName } }`;
    const made = await api.gql<{ requestIntroduction: Record<string, unknown> }>(
      `${INTRO} mutation($p: ID!, $m: String) { requestIntroduction(personId: $p, message: $m) { ...I } }`,
      { p: asked.personId, m: 'I saw you at the walk. Coffee after next time?' },
      asker.accessToken,
    );
    expect(made.data!.requestIntroduction).toMatchObject({
      status: 'PENDING',
      message: 'I saw you at the walk. Coffee after next time?',
      from: { id: asker.personId, displayName: 'Edith', distanceBand: null },
      to: { id: asked.personId, displayName: 'Ana' },
    });
    const theirs = await api.gql<{
      me: { introductions: Page<{ id: string; message: string; from: { displayName: string } }> };
    }>(
      `${INTRO} { me { introductions(first: 5) { edges { node { ...I } } pageInfo { hasNextPage } } } }`,
      {},
      asked.accessToken,
    );
    expect(theirs.data!.me.introductions.edges.map((e) => e.node)).toEqual([
      made.data!.requestIntroduction,
    ]);
    const answered = await api.gql<{
      respondToIntroduction: { status: string; from: { displayName: string } };
    }>(
      `${INTRO} mutation($id: ID!) { respondToIntroduction(id: $id, accept: true) { ...I } }`,
      { id: made.data!.requestIntroduction.id },
      asked.accessToken,
    );
    expect(answered.data!.respondToIntroduction).toMatchObject({
      status: 'ACCEPTED',
      from: { displayName: 'Edith' },
    });
  });

  it('tells the member who is coming to help, when, and where to meet', async () => {
    const member = await help.member();
    const helper = await help.helper();
    await name(helper, 'Priya Shah');
    const REQUEST = `{ id status meetingPlace createdAt helper { firstName status scheduledAt } }`;
    const asked = await api.gql<{ createHelpRequest: { id: string } }>(
      `mutation($input: HelpRequestInput!) { createHelpRequest(input: $input) ${REQUEST} }`,
      {
        input: {
          skillId: help.skills.gardening,
          description: 'Come with me to choose seeds',
          durationMinutes: 60,
          atHome: false,
          meetingPlace: 'Outside the library on Union Street',
        },
      },
      member.accessToken,
    );
    expect(asked.data!.createHelpRequest).toMatchObject({
      meetingPlace: 'Outside the library on Union Street',
      helper: null,
    });
    const requestId = asked.data!.createHelpRequest.id;
    const assigned = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: helper.personId },
      member.accessToken,
    );
    const assignmentId = assigned.data!.assignHelper.id;
    const mine = () =>
      api.gql<{ me: { helpRequests: Page<{ helper: unknown }> } }>(
        `{ me { helpRequests(first: 5) { edges { node ${REQUEST} } } } }`,
        {},
        member.accessToken,
      );
    expect((await mine()).data!.me.helpRequests.edges[0].node.helper).toEqual({
      firstName: 'Priya',
      status: 'OFFERED',
      scheduledAt: null,
    });

    const RESPOND_AT = `mutation($id: ID!, $at: DateTime) { respondToAssignment(id: $id, accept: true, at: $at) { status scheduledAt } }`;
    const past = await api.gql(
      RESPOND_AT,
      { id: assignmentId, at: '2020-01-01T10:00:00Z' },
      helper.accessToken,
    );
    expect((past.errors?.[0].extensions.fields as Problem[])[0].path).toBe('at');
    const at = new Date(Date.now() + 3 * 24 * 3600 * 1000);
    at.setUTCSeconds(0, 0);
    const accepted = await api.gql(
      RESPOND_AT,
      { id: assignmentId, at: at.toISOString() },
      helper.accessToken,
    );
    expect(accepted.data).toEqual({
      respondToAssignment: { status: 'ACCEPTED', scheduledAt: at.toISOString() },
    });
    expect((await mine()).data!.me.helpRequests.edges[0].node.helper).toEqual({
      firstName: 'Priya',
      status: 'ACCEPTED',
      scheduledAt: at.toISOString(),
    });
    // The helper moves the visit; the member sees the new time. Only the helper may.
    const later = new Date(at.getTime() + 3600_000).toISOString();
    const SCHEDULE = `mutation($id: ID!, $at: DateTime!) { scheduleAssignment(id: $id, at: $at) { scheduledAt } }`;
    expect(
      (await api.gql(SCHEDULE, { id: assignmentId, at: later }, member.accessToken)).errors?.[0]
        .extensions.code,
    ).toMatch(/FORBIDDEN|NOT_FOUND/);
    expect(
      (await api.gql(SCHEDULE, { id: assignmentId, at: later }, helper.accessToken)).data,
    ).toEqual({
      scheduleAssignment: { scheduledAt: later },
    });

    // Help at home needs no meeting place: said plainly, nothing made.
    const refused = await api.gql(
      `mutation($input: HelpRequestInput!) { createHelpRequest(input: $input) { id } }`,
      {
        input: {
          skillId: help.skills.gardening,
          description: 'Weeding',
          durationMinutes: 60,
          atHome: true,
          meetingPlace: 'The park',
        },
      },
      member.accessToken,
    );
    expect((refused.errors?.[0].extensions.fields as Problem[]).map((p) => p.path)).toEqual([
      'meetingPlace',
    ]);
    expect((await mine()).data!.me.helpRequests.edges).toHaveLength(1);
  });

  it('lets a helper offer time from a postcode, never coordinates, and refuses one Kith does not serve', async () => {
    const helper = await signIn(api);
    const OFFER = `mutation($input: HelperProfileInput!) { updateHelperProfile(input: $input) { travelRadiusMetres } }`;
    const offer = (extra: Record<string, unknown>) =>
      api.gql(
        OFFER,
        {
          input: {
            skillIds: [help.skills.gardening],
            travelRadiusMetres: 2000,
            availability: [{ weekday: 'SAT', start: '09:00', end: '12:00' }],
            ...extra,
          },
        },
        helper.accessToken,
      );
    const fieldsOf = async (extra: Record<string, unknown>) =>
      (await offer(extra)).errors?.[0].extensions.fields;
    expect(await fieldsOf({ basePostcode: 'KX9 1AA' })).toEqual([
      { path: 'basePostcode', message: 'Kith does not run near KX9 1AA yet.' },
    ]);
    expect(await fieldsOf({})).toEqual([
      { path: 'basePostcode', message: 'Give the postcode you will set out from.' },
    ]);
    expect(await fieldsOf({ basePostcode: 'KX1 1AB', base: { lat: 51.5, lng: -0.1 } })).toEqual([
      { path: 'basePostcode', message: 'Give a postcode or a base, not both.' },
    ]);
    expect((await offer({ basePostcode: 'kx1 1ab' })).data).toEqual({
      updateHelperProfile: { travelRadiusMetres: 2000 },
    });
    // Read back to edit: the postcode as given and the times, the helper's alone.
    expect(
      (
        await api.gql(
          `{ me { helperProfile { basePostcode availability { weekday start end } } } }`,
          {},
          helper.accessToken,
        )
      ).data,
    ).toEqual({
      me: {
        helperProfile: {
          basePostcode: 'KX1 1AB',
          availability: [{ weekday: 'SAT', start: '09:00', end: '12:00' }],
        },
      },
    });
  });

  it('pages time-credit entries newest first', async () => {
    const member = await help.member();
    const GRANT = `mutation($p: ID!, $m: Int!, $r: String!) { grantTimeCredits(personId: $p, minutes: $m, reason: $r) }`;
    for (const minutes of [30, 60, 90])
      await api.gql(
        GRANT,
        { p: member.personId, m: minutes, r: `Welcome ${minutes}` },
        help.coordinator.accessToken,
      );
    const page = async (after: string | null) =>
      (
        await api.gql<{
          me: { timeCreditEntries: Page<{ minutes: number; reason: string; kind: string }> };
        }>(
          `query($after: String) { me { timeCreditEntries(first: 2, after: $after) { edges { node { minutes reason kind } } pageInfo { hasNextPage endCursor } } } }`,
          { after },
          member.accessToken,
        )
      ).data!.me.timeCreditEntries;
    const first = await page(null);
    expect(first.edges.map((e) => e.node.minutes)).toEqual([90, 60]);
    expect(first.edges.map((e) => e.node.kind)).toEqual(['GRANT', 'GRANT']);
    const second = await page(first.pageInfo.endCursor);
    expect(second.edges.map((e) => e.node)).toEqual([
      { minutes: 30, reason: 'Granted: Welcome 30', kind: 'GRANT' },
    ]);
    expect(second.pageInfo.hasNextPage).toBe(false);
  });

  it('names interests, goals and skills in the language the reader asks for', async () => {
    const CATALOGUE = `{ interests { slug label groupLabel } goals { slug label } skills { slug label } }`;
    type Catalogue = {
      interests: { slug: string; label: string; groupLabel: string }[];
      goals: { slug: string; label: string }[];
      skills: { slug: string; label: string }[];
    };
    const read = async (acceptLanguage?: string) =>
      (
        await api.gql<Catalogue>(
          CATALOGUE,
          {},
          undefined,
          acceptLanguage ? { 'accept-language': acceptLanguage } : {},
        )
      ).data!;
    const english = await read();
    const spanish = await read('es-ES,es;q=0.9,en;q=0.5');
    const walking = (c: Catalogue) => c.interests.find((i) => i.slug === 'walking');
    expect(walking(english)).toEqual({
      slug: 'walking',
      label: 'Walking',
      groupLabel: 'Outdoors and nature',
    });
    expect(walking(spanish)).toEqual({
      slug: 'walking',
      label: 'Caminar',
      groupLabel: 'Aire libre y naturaleza',
    });
    expect(spanish.goals.find((g) => g.slug === 'get-out-more')?.label).toBe('Salir más de casa');
    expect(spanish.skills.find((s) => s.slug === 'shopping')?.label).toBe('Hacer la compra');
    // Every label differs from the English one or is a word both share; none is missing.
    expect(spanish.interests.every((i) => i.label.length > 0)).toBe(true);
    expect(await read('fr, de;q=0.8')).toEqual(english);
  });

  it('lets only the person, or a coordinator of their area, read their history', async () => {
    const profiles = api.app.get(ProfileService);
    const member = await help.member();
    const stranger = await signIn(api);
    const elsewhere = await signIn(api);
    await api.app.get(PersonService).grantRole(elsewhere.email, Role.COORDINATOR, 'K09000002');
    const as = (who: Session): Principal => ({
      personId: who.personId,
      sessionId: 'test',
      roles: [],
    });
    await expect(profiles.assertReadableBy(as(member), member.personId)).resolves.toBeUndefined();
    await expect(
      profiles.assertReadableBy(as(help.coordinator), member.personId),
    ).resolves.toBeUndefined();
    for (const who of [stranger, elsewhere])
      await expect(profiles.assertReadableBy(as(who), member.personId)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
  });
});
