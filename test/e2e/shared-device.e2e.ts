import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { NudgeChannel, NudgeDispatcher, NudgeKind } from '@kith/nudges';
import { Db } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { testConfig } from '../support/config';
import { FakeExpo } from '../support/fake-expo';
import {
  inboxHas,
  quietHoursAwayFromNow,
  REGISTER_DEVICE,
  settledDeliveries,
  UPDATE_PREFERENCES,
  until,
} from '../support/nudges';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const SIGN_OUT = `mutation { signOut }`;

/** The signed-in session an access token belongs to (its `sid` claim). */
const sessionOf = (s: Session) =>
  (JSON.parse(Buffer.from(s.accessToken.split('.')[1], 'base64url').toString()) as { sid: string })
    .sid;

describe('push on a shared tablet: one person’s nudges never reach the next one’s lock screen', () => {
  const expo = new FakeExpo();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;
  let dispatcher: NudgeDispatcher;

  beforeAll(async () => {
    const config = testConfig({
      RATE_LIMIT_SIGNIN_PER_IP: '100000',
      EXPO_URL: await expo.start(),
      NUDGE_RETRY_BASE_MS: '100',
    });
    api = await startApi(config);
    worker = await startWorker(config);
    db = api.app.get(Db);
    dispatcher = api.app.get(NudgeDispatcher);
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await expo.stop();
  });

  /** Someone signed in (a new session for an email already known, if given), awake now. */
  const person = async (email?: string): Promise<Session> => {
    const session = await signIn(api, email);
    await api.gql(UPDATE_PREFERENCES, { input: quietHoursAwayFromNow() }, session.accessToken);
    return session;
  };
  const register = async (session: Session, token: string) =>
    expect(
      (await api.gql(REGISTER_DEVICE, { token, platform: 'ANDROID' }, session.accessToken)).data,
    ).toEqual({ registerDevice: true });
  /** A nudge for the person, by push as any event's goes; resolves once its push is settled. */
  const pushTo = async (to: Session, title: string) => {
    const { id } = await dispatcher.send(
      {
        personId: to.personId,
        kind: NudgeKind.WAITLIST_PROMOTED,
        key: `shared-device-${randomUUID()}`,
        dueAt: new Date(),
        title,
        body: 'A place came free at Memory café',
        linkScreen: null,
        linkId: null,
      },
      [NudgeChannel.INBOX, NudgeChannel.PUSH],
    );
    return (await settledDeliveries(db, id)).PUSH;
  };
  const titlesTo = (token: string) =>
    expo.accepted.filter((m) => m.to === token).map((m) => m.title);
  const owners = (token: string) =>
    db.query<{ personId: string }>(`SELECT person_id AS "personId" FROM device WHERE token = $1`, [
      token,
    ]);

  it('sends nothing to the tablet once its member signs out there, whoever signs in next', async () => {
    const tablet = 'ExponentPushToken[centre-tablet-0001]';
    const phone = 'ExponentPushToken[ann-phone-0001]';
    const ann = await person();
    // Ann at the community centre: she signs in on its tablet and lets it notify her.
    const onTablet = await signIn(api, ann.email);
    await register(onTablet, tablet);
    await register(ann, phone);
    expect(await pushTo(ann, 'Before: a place is yours')).toMatchObject({ status: 'SENT' });
    expect(titlesTo(tablet)).toEqual(['Before: a place is yours']);
    // She signs out on the tablet, and Bob signs in on it after her.
    expect((await api.gql(SIGN_OUT, {}, onTablet.accessToken)).data).toEqual({ signOut: true });
    await person();
    // Her next nudge goes to her phone, and nothing of hers to the tablet's lock screen.
    expect(await pushTo(ann, 'After: a place is yours')).toMatchObject({ status: 'SENT' });
    expect(titlesTo(tablet)).toEqual(['Before: a place is yours']);
    expect(titlesTo(phone)).toEqual(['Before: a place is yours', 'After: a place is yours']);
    // The tablet is forgotten, not merely passed over.
    await until('the tablet forgotten', async () =>
      (await owners(tablet)).length === 0 ? true : undefined,
    );
    // A device of an ended session not yet forgotten (the job still to run): no push either.
    const lingering = 'ExponentPushToken[centre-tablet-0002]';
    await db.query(
      `INSERT INTO device (token, person_id, platform, auth_session_id) VALUES ($1, $2, 'ANDROID', $3)`,
      [lingering, ann.personId, sessionOf(onTablet)],
    );
    // Nor to a device that says of no session (one registered before sessions were kept).
    const unknown = 'ExponentPushToken[centre-tablet-0009]';
    await db.query(
      `INSERT INTO device (token, person_id, platform, auth_session_id) VALUES ($1, $2, 'ANDROID', NULL)`,
      [unknown, ann.personId],
    );
    expect(await pushTo(ann, 'Later: a place is yours')).toMatchObject({ status: 'SENT' });
    expect(titlesTo(lingering)).toEqual([]);
    expect(titlesTo(unknown)).toEqual([]);
    expect(titlesTo(phone)).toHaveLength(3);
  });

  it('moves a tablet signed in on by someone else to them, and tells its last owner, never who', async () => {
    const shared = 'ExponentPushToken[centre-tablet-0003]';
    const phone = 'ExponentPushToken[cara-phone-0001]';
    const cara = await person();
    const dev = await person();
    await register(cara, shared);
    await register(cara, phone);
    // Dev signs in on the tablet Cara left signed in, and his app registers it for him.
    await register(dev, shared);
    expect(await owners(shared)).toEqual([{ personId: dev.personId }]);
    const [notice] = await inboxHas(db, cara.personId, 'DEVICE_REASSIGNED');
    expect(notice.title).toBe('Kith notifications stopped on one of your devices');
    expect(notice.body).toContain('Someone else has signed in to Kith');
    const [his] = await db.query<{ displayName: string }>(
      `SELECT display_name AS "displayName" FROM person WHERE id = $1`,
      [dev.personId],
    );
    for (const text of [notice.title, notice.body])
      for (const part of [his.displayName, dev.email, dev.email.split('@')[0]])
        expect(text).not.toContain(part);
    // Told by her other channels: her phone, never the tablet now Dev's.
    await until('the notice pushed to her phone', () =>
      Promise.resolve(titlesTo(phone).includes(notice.title) ? true : undefined),
    );
    expect(titlesTo(shared)).toEqual([]);
    // From now on her nudges go to her phone only, and Dev's to the tablet.
    await pushTo(cara, 'For Cara');
    await pushTo(dev, 'For Dev');
    expect(titlesTo(shared)).toEqual(['For Dev']);
    expect(titlesTo(phone)).toContain('For Cara');
    // Registering again as its owner tells nobody anything more.
    await register(dev, shared);
    await register(cara, phone);
    const [{ told }] = await db.query<{ told: number }>(
      `SELECT count(*)::int AS told FROM job
        WHERE job_name = 'decide-nudge' AND payload->>'event' = 'DEVICE_REASSIGNED'
          AND payload->>'personId' = $1`,
      [cara.personId],
    );
    expect(told).toBe(1);
    // Her signing out forgets what she registered, not the tablet that is Dev's now.
    await api.gql(SIGN_OUT, {}, cara.accessToken);
    await until('her phone forgotten', async () =>
      (await owners(phone)).length === 0 ? true : undefined,
    );
    expect(await owners(shared)).toEqual([{ personId: dev.personId }]);
  });
});
