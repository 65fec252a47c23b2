import type { INestApplicationContext } from '@nestjs/common';
import { AreaService } from '@kith/areas';
import { Db, londonToUtc, londonWallTime } from '@kith/platform';
import { startApi, startWorker } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { JumpingClock } from '../support/clock';
import { CREATE_ACTIVITY, interestIds, JOIN, LEAVE, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { HelpFixtures } from '../support/help';
import { UPDATE_PREFERENCES, until } from '../support/nudges';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';
import { SmtpSink } from '../support/smtp-sink';

const INBOX = `{ myInbox { edges { node { kind title body link { screen id } } } } }`;
const HOUR = 3600_000;

interface InboxNode {
  kind: string;
  title: string;
  body: string;
  link: { screen: string; id: string } | null;
}

/**
 * The "done when", over HTTP with a clock the test moves: a booked session's reminders
 * come a day and two hours before, in the inbox and by SMTP, at those times and not before; the
 * booking given up never hears of them; the member promoted off the waitlist hears at once.
 */
describe('session reminders on time, by inbox and by email, and never for a place given up', () => {
  const smtp = new SmtpSink();
  const clock = new JumpingClock();
  let api: RunningApi;
  let worker: INestApplicationContext;
  let db: Db;

  /** The session: three days on, at 14:00 London time. */
  const w = londonWallTime(new Date(clock.now().getTime() + 3 * 24 * HOUR));
  const startsAt = londonToUtc(w.year, w.month, w.day, 14, 0);

  const inbox = async (member: Session): Promise<InboxNode[]> =>
    (
      await api.gql<{ myInbox: { edges: { node: InboxNode }[] } }>(INBOX, {}, member.accessToken)
    ).data!.myInbox.edges.map((e) => e.node);
  const reminders = async (member: Session) =>
    (await inbox(member)).filter((n) => n.kind === 'SESSION_REMINDER');
  const mailsTo = (member: Session, subject: RegExp) =>
    smtp.received.filter(
      (m) => m.to.includes(member.email) && subject.test(/^Subject: (.*)$/m.exec(m.raw)?.[1] ?? ''),
    );
  /** Moves the clock, then lets the relay (polling every 50 ms) see it. */
  const moveTo = async (at: Date) => {
    clock.jumpTo(at);
    await new Promise((resolve) => setTimeout(resolve, 400));
  };

  /**
   * A member awake whenever this test looks (a one-minute quiet window well away from now and
   * from the reminders' times), taking no prompts: only their booking's own news comes.
   */
  const member = async (): Promise<Session> => {
    const session = await signIn(api);
    const now = londonWallTime(clock.now());
    let start = (now.hour * 60 + now.minute + 300) % 1440;
    while ([12 * 60, 14 * 60].some((t) => Math.abs(t - start) < 10)) start = (start + 30) % 1440;
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    await api.gql(
      UPDATE_PREFERENCES,
      {
        input: {
          quietHoursStart: hhmm(start),
          quietHoursEnd: hhmm(start + 1),
          weeklyLimit: 0,
          channels: ['INBOX', 'EMAIL'],
        },
      },
      session.accessToken,
    );
    return session;
  };

  beforeAll(async () => {
    const config = testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000', MAIL_URL: await smtp.start() });
    api = await startApi(config, clock);
    worker = await startWorker(config, clock);
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
  });

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
  });

  it('reminds a day and two hours before, tells the promoted at once, and never the one who left', async () => {
    const { coordinator } = await HelpFixtures.create(api);
    const interests = await interestIds(api, coordinator.accessToken, 'choir');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      {
        input: weeklyActivity(interests, {
          title: 'Community choir',
          capacity: 2,
          firstStartsAt: startsAt.toISOString(),
        }),
      },
      coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    const [staying, leaving, waiting] = [await member(), await member(), await member()];
    for (const who of [staying, leaving, waiting])
      await api.gql(JOIN, { id: sessionId }, who.accessToken);

    const bookingOf = async (who: Session) =>
      (
        await db.query<{ id: string }>(
          `SELECT id FROM booking WHERE session_id = $1 AND person_id = $2`,
          [sessionId, who.personId],
        )
      )[0].id;
    const remindersPlanned = async (who: Session) =>
      db.query<{ status: string; skipReason: string | null; sentAt: Date | null }>(
        `SELECT status, skip_reason AS "skipReason", sent_at AS "sentAt" FROM nudge
          WHERE subject_id = $1 AND kind = 'SESSION_REMINDER' ORDER BY key`,
        [await bookingOf(who)],
      );
    // The leaving member's two reminders are planned (rows due later) before they leave.
    await until('the reminders planned', async () =>
      (await remindersPlanned(leaving)).length === 2 ? true : undefined,
    );

    // A place given up: the first waiting is promoted, and hears at once, in the app and by mail.
    await api.gql(LEAVE, { id: sessionId }, leaving.accessToken);
    await until('the promotion by mail', () =>
      Promise.resolve(
        mailsTo(waiting, /^A place is yours: Community choir$/).length === 1 ? true : undefined,
      ),
    );
    expect((await inbox(waiting)).map((n) => n.kind)).toEqual(['WAITLIST_PROMOTED']);

    // A minute before the day-before reminder falls due: nothing yet.
    await moveTo(new Date(startsAt.getTime() - 24 * HOUR - 60_000));
    expect(await reminders(staying)).toEqual([]);

    // Due: the day-before reminder, in the inbox and by mail, for both who hold a place.
    await moveTo(new Date(startsAt.getTime() - 24 * HOUR + 1000));
    for (const who of [staying, waiting]) {
      await until('the day-before reminder', async () =>
        (await reminders(who)).length === 1 ? true : undefined,
      );
      await until('the day-before mail', () =>
        Promise.resolve(
          mailsTo(who, /^(See you at|Tomorrow:) Community choir$/).length === 1 ? true : undefined,
        ),
      );
    }
    expect(await reminders(staying)).toEqual([
      expect.objectContaining({
        title: expect.stringMatching(/^(See you at|Tomorrow:) Community choir$/) as unknown,
        link: { screen: 'SESSION', id: sessionId },
      }),
    ]);

    // Not the two-hour one until two hours before.
    await moveTo(new Date(startsAt.getTime() - 2 * HOUR - 60_000));
    expect(await reminders(staying)).toHaveLength(1);
    await moveTo(new Date(startsAt.getTime() - 2 * HOUR + 1000));
    await until('the two-hour reminder', async () =>
      (await reminders(staying)).length === 2 ? true : undefined,
    );
    expect((await reminders(staying))[0]).toMatchObject({
      title: 'Community choir starts at 14:00',
    });
    await until('the two-hour mail', () =>
      Promise.resolve(
        mailsTo(staying, /^Community choir starts at 14:00$/).length === 1 ? true : undefined,
      ),
    );

    // The one who left: no reminder, ever; their planned ones were called off unrun.
    await moveTo(new Date(startsAt.getTime() - 60_000));
    expect(await reminders(leaving)).toEqual([]);
    expect(mailsTo(leaving, /Community choir/)).toEqual([]);
    const planned = await remindersPlanned(leaving);
    // Called off before their time, with the reason, never sent.
    const calledOff = { status: 'CANCELLED', skipReason: 'the booking was given up', sentAt: null };
    expect(planned).toEqual([calledOff, calledOff]);
    // Each reminder once, in the inbox and by mail.
    expect(mailsTo(staying, /Community choir/)).toHaveLength(2);
  });
});
