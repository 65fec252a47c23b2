import { NudgeChannel, NudgeDispatcher, NudgeKind } from '@kith/nudges';
import { startApi } from '../support/api';
import type { GraphQLResponse, RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const PREFS = `{ myNudgePreferences { channels quietHoursStart quietHoursEnd weeklyLimit pausedUntil language digestAt } }`;
const UPDATE = `mutation($input: NudgePreferencesInput!) { updateNudgePreferences(input: $input) {
  channels quietHoursStart quietHoursEnd weeklyLimit pausedUntil language digestAt } }`;
const INBOX = `query($first: Int, $after: String) { myInbox(first: $first, after: $after) {
  unreadCount edges { cursor node { id kind title body readAt link { screen id } } }
  pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
const READ = `mutation($id: ID!) { markNudgeRead(id: $id) { id readAt } }`;

interface InboxAnswer {
  myInbox: {
    unreadCount: number;
    edges: { cursor: string; node: { id: string; title: string; readAt: string | null } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

const fieldsOf = (result: GraphQLResponse) =>
  ((result.errors?.[0]?.extensions.fields ?? []) as { path: string }[]).map((f) => f.path).sort();

describe('a member’s nudge inbox, preferences and devices', () => {
  let api: RunningApi;
  let ann: Session;
  let bob: Session;
  let dispatcher: NudgeDispatcher;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    dispatcher = api.app.get(NudgeDispatcher);
    ann = await signIn(api);
    bob = await signIn(api);
  });

  afterAll(() => api?.close());

  const send = (to: Session, key: string, title: string) =>
    dispatcher.send(
      {
        personId: to.personId,
        kind: NudgeKind.WAITLIST_PROMOTED,
        key,
        dueAt: new Date(),
        title,
        body: 'A place came free',
        linkScreen: 'SESSION',
        linkId: '5b0a8e3e-5a1f-4c57-9a3e-1b2c3d4e5f60',
      },
      [NudgeChannel.INBOX],
    );

  it('starts from the defaults and refuses bad preferences field by field, storing nothing', async () => {
    const defaults = {
      channels: ['INBOX', 'EMAIL', 'PUSH'],
      quietHoursStart: '21:00',
      quietHoursEnd: '09:00',
      weeklyLimit: 3,
      pausedUntil: null,
      language: 'en',
      digestAt: null,
    };
    expect((await api.gql(PREFS, {}, ann.accessToken)).data).toEqual({
      myNudgePreferences: defaults,
    });
    const refused = await api.gql(
      UPDATE,
      {
        input: {
          quietHoursStart: '9pm',
          weeklyLimit: 51,
          language: 'fr',
          pausedUntil: new Date(Date.now() + 400 * 24 * 3600 * 1000).toISOString(),
          digestAt: '25:00',
        },
      },
      ann.accessToken,
    );
    expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(refused)).toEqual([
      'digestAt',
      'language',
      'pausedUntil',
      'quietHoursStart',
      'weeklyLimit',
    ]);
    const zero = await api.gql(UPDATE, { input: { quietHoursStart: '09:00' } }, ann.accessToken);
    expect(fieldsOf(zero)).toEqual(['quietHoursEnd']);
    const negative = await api.gql(UPDATE, { input: { weeklyLimit: -1 } }, ann.accessToken);
    expect(fieldsOf(negative)).toEqual(['weeklyLimit']);
    const channel = await api.gql(UPDATE, { input: { channels: ['FAX'] } }, ann.accessToken);
    expect(channel.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await api.gql(PREFS, {}, ann.accessToken)).data).toEqual({
      myNudgePreferences: defaults,
    });

    const changed = await api.gql(
      UPDATE,
      {
        input: { channels: ['EMAIL'], quietHoursStart: '22:00', language: 'es', digestAt: '10:30' },
      },
      ann.accessToken,
    );
    expect(changed.data).toEqual({
      updateNudgePreferences: {
        ...defaults,
        channels: ['INBOX', 'EMAIL'],
        quietHoursStart: '22:00',
        language: 'es',
        digestAt: '10:30',
      },
    });
    expect((await api.gql(PREFS, {}, ann.accessToken)).data).toEqual({
      myNudgePreferences:
        changed.data &&
        (changed.data as { updateNudgePreferences: unknown }).updateNudgePreferences,
    });
    // Bob's are his own.
    expect((await api.gql(PREFS, {}, bob.accessToken)).data).toEqual({
      myNudgePreferences: defaults,
    });
  });

  it('shows only one’s own nudges, newest first, each key once, in pages', async () => {
    const first = await send(ann, `e2e:${ann.personId}:1`, 'A place is yours: Choir');
    const again = await send(ann, `e2e:${ann.personId}:1`, 'A place is yours: Choir');
    expect(again).toEqual({ id: first.id, created: false });
    await send(ann, `e2e:${ann.personId}:2`, 'A place is yours: Tai chi');
    const bobs = await send(bob, `e2e:${bob.personId}:1`, 'For Bob');

    const page = await api.gql<InboxAnswer>(INBOX, { first: 1 }, ann.accessToken);
    expect(page.data?.myInbox.unreadCount).toBe(2);
    expect(page.data?.myInbox.edges.map((e) => e.node.title)).toEqual([
      'A place is yours: Tai chi',
    ]);
    expect(page.data?.myInbox.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });
    const next = await api.gql<InboxAnswer>(
      INBOX,
      { first: 1, after: page.data?.myInbox.pageInfo.endCursor },
      ann.accessToken,
    );
    expect(next.data?.myInbox.edges.map((e) => e.node.title)).toEqual(['A place is yours: Choir']);
    expect(next.data?.myInbox.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });
    // Ann's cursor is no use to Bob, and a page size out of range is named.
    const borrowed = await api.gql(
      INBOX,
      { after: page.data?.myInbox.pageInfo.endCursor },
      bob.accessToken,
    );
    expect(fieldsOf(borrowed)).toEqual(['after']);
    expect(fieldsOf(await api.gql(INBOX, { first: 101 }, ann.accessToken))).toEqual(['first']);
    const bobsInbox = await api.gql<InboxAnswer>(INBOX, {}, bob.accessToken);
    expect(bobsInbox.data?.myInbox.edges.map((e) => e.node.id)).toEqual([bobs.id]);

    // Marking Bob's nudge read as Ann is NOT_FOUND, and leaves it unread.
    const stolen = await api.gql(READ, { id: bobs.id }, ann.accessToken);
    expect(stolen.errors?.[0].extensions.code).toBe('NOT_FOUND');
    expect((await api.gql<InboxAnswer>(INBOX, {}, bob.accessToken)).data?.myInbox.unreadCount).toBe(
      1,
    );
    const read = await api.gql<{ markNudgeRead: { id: string; readAt: string } }>(
      READ,
      { id: first.id },
      ann.accessToken,
    );
    expect(read.data?.markNudgeRead.readAt).toEqual(expect.any(String));
    // Reading again keeps the first time.
    const twice = await api.gql<{ markNudgeRead: { readAt: string } }>(
      READ,
      { id: first.id },
      ann.accessToken,
    );
    expect(twice.data?.markNudgeRead.readAt).toBe(read.data?.markNudgeRead.readAt);
    expect((await api.gql(`mutation { markAllNudgesRead }`, {}, ann.accessToken)).data).toEqual({
      markAllNudgesRead: 1,
    });
    expect((await api.gql<InboxAnswer>(INBOX, {}, ann.accessToken)).data?.myInbox.unreadCount).toBe(
      0,
    );
    expect((await api.gql<InboxAnswer>(INBOX, {}, bob.accessToken)).data?.myInbox.unreadCount).toBe(
      1,
    );
  });

  it('registers devices, at most ten, and lets nobody remove another’s', async () => {
    const register = (who: Session, token: string) =>
      api.gql(
        `mutation($t: String!) { registerDevice(token: $t, platform: ANDROID) }`,
        { t: token },
        who.accessToken,
      );
    const unregister = (who: Session, token: string) =>
      api.gql(
        `mutation($t: String!) { unregisterDevice(token: $t) }`,
        { t: token },
        who.accessToken,
      );
    expect(fieldsOf(await register(ann, 'short'))).toEqual(['token']);
    expect(fieldsOf(await register(ann, `ExponentPushToken[${'x'.repeat(300)}]`))).toEqual([
      'token',
    ]);
    const token = 'ExponentPushToken[ann-phone-0001]';
    expect((await register(ann, token)).data).toEqual({ registerDevice: true });
    expect((await register(ann, token)).data).toEqual({ registerDevice: true });
    expect((await unregister(bob, token)).data).toEqual({ unregisterDevice: false });
    for (let i = 2; i <= 10; i += 1)
      expect((await register(ann, `ExponentPushToken[ann-device-${i}]`)).data).toEqual({
        registerDevice: true,
      });
    const eleventh = await register(ann, 'ExponentPushToken[ann-device-11]');
    expect(eleventh.errors?.[0].extensions.code).toBe('CONFLICT');
    expect((await unregister(ann, token)).data).toEqual({ unregisterDevice: true });
    expect((await register(ann, 'ExponentPushToken[ann-device-11]')).data).toEqual({
      registerDevice: true,
    });
  });
});
