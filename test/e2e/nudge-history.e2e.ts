import { AreaService } from '@kith/areas';
import { PersonService, Role } from '@kith/identity';
import { differenceInterval, NudgeChannel, NudgeDispatcher, NudgeKind } from '@kith/nudges';
import { Db } from '@kith/platform';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { CREATE_ACTIVITY, interestIds, JOIN, weeklyActivity } from '../support/community';
import { testConfig } from '../support/config';
import { HelpFixtures } from '../support/help';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

const HISTORY = `query($p: ID!, $f: Int) { nudgeHistory(personId: $p, first: $f) { channel status reason nudge { kind title } } }`;
const REPORT = `query($k: NudgeKind!, $a: ID!) { nudgeVariantReport(kind: $k, areaId: $a) { variant reminded attended attendedShare differenceCiLow differenceCiHigh } }`;

describe("what coordinators see of nudges: a member's history, and which wording works", () => {
  let api: RunningApi;
  let db: Db;
  let help: HelpFixtures;
  let outsider: Session;
  let areaId: string;
  let serial = 0;

  const nudge = (personId: string, extra: { variant?: string; subjectId?: string } = {}) =>
    api.app.get(NudgeDispatcher).send(
      {
        personId,
        kind: NudgeKind.SESSION_REMINDER,
        // Keyed as a day-before reminder is: the reminders whose wording has variants.
        key: `history:SESSION_REMINDER:x:DAY_BEFORE-${(serial += 1)}`,
        dueAt: new Date(),
        title: `Reminder ${serial}`,
        body: 'See you there',
        linkScreen: null,
        linkId: null,
        ...extra,
      },
      [NudgeChannel.INBOX, NudgeChannel.EMAIL],
    );

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    help = await HelpFixtures.create(api);
    outsider = await signIn(api);
    await api.app.get(PersonService).grantRole(outsider.email, Role.COORDINATOR, 'K09000002');
    [{ id: areaId }] = await db.query<{ id: string }>(
      `SELECT id FROM area WHERE code = 'K09000001'`,
    );
  });

  afterAll(() => api?.close());

  it("shows the area's coordinator each channel of a member's nudges, and why one did not go", async () => {
    const member = await help.member();
    await nudge(member.personId);
    await db.query(
      `INSERT INTO nudge (person_id, kind, key, due_at, status, skip_reason, title, body)
       VALUES ($1, 'RE_ENGAGE', $2, now(), 'SKIPPED', 'WEEKLY_LIMIT', 'Something you might enjoy', 'x')`,
      [member.personId, `skipped-${member.personId}`],
    );
    // A coordinator's news about someone else never shows in that coordinator's own history.
    await db.query(
      `INSERT INTO nudge (person_id, kind, key, due_at, status, sent_at, title, body)
       VALUES ($1, 'CHECK_IN', $2, now() - interval '1 day', 'SENT', now() - interval '1 day', 'A check-in call: Someone Else', 'x')`,
      [member.personId, `checkin-${member.personId}`],
    );
    const seen = await api.gql<{ nudgeHistory: unknown[] }>(
      HISTORY,
      { p: member.personId },
      help.coordinator.accessToken,
    );
    expect(seen.data?.nudgeHistory).toEqual([
      {
        channel: 'INBOX',
        status: 'SUPPRESSED',
        reason: 'WEEKLY_LIMIT',
        nudge: { kind: 'RE_ENGAGE', title: 'Something you might enjoy' },
      },
      {
        channel: 'INBOX',
        status: 'SENT',
        reason: null,
        nudge: expect.objectContaining({ kind: 'SESSION_REMINDER' }) as unknown,
      },
      {
        channel: 'EMAIL',
        status: 'QUEUED',
        reason: null,
        nudge: expect.objectContaining({ kind: 'SESSION_REMINDER' }) as unknown,
      },
    ]);
    // Another area's coordinator, and the member themself, are refused.
    const codes = async (token: string, variables: Record<string, unknown>) =>
      (await api.gql(HISTORY, variables, token)).errors?.map((e) => e.extensions?.code);
    expect(await codes(outsider.accessToken, { p: member.personId })).toEqual(['FORBIDDEN']);
    expect(await codes(member.accessToken, { p: member.personId })).toEqual(['FORBIDDEN']);
    expect(
      await codes(help.coordinator.accessToken, { p: '2b0a8e3e-5a1f-4c57-9a3e-1b2c3d4e5f60' }),
    ).toEqual(['NOT_FOUND']);
    for (const f of [0, 201])
      expect(await codes(help.coordinator.accessToken, { p: member.personId, f })).toEqual([
        'BAD_USER_INPUT',
      ]);
    // A million asked for is refused by the query's cost before anything is read.
    expect(await codes(help.coordinator.accessToken, { p: member.personId, f: 1_000_000 })).toEqual(
      ['GRAPHQL_VALIDATION_FAILED'],
    );
  });

  it('compares the share who came under each wording, with the interval for the difference', async () => {
    const interests = await interestIds(api, help.coordinator.accessToken, 'choir');
    const created = await api.gql<{ createActivity: { sessions: { id: string }[] } }>(
      CREATE_ACTIVITY,
      { input: weeklyActivity(interests, { title: 'Choir', capacity: 30 }) },
      help.coordinator.accessToken,
    );
    const sessionId = created.data!.createActivity.sessions[0].id;
    // A: 6 of 8 came; B: 9 of 10 came; one B booking with no attendance recorded is left out.
    const plan = [
      ...Array.from({ length: 8 }, (_, i) => ({ variant: 'A', came: i < 6 })),
      ...Array.from({ length: 10 }, (_, i) => ({ variant: 'B', came: i < 9 })),
      { variant: 'B', came: null },
    ];
    for (const { variant, came } of plan) {
      const member = await signIn(api);
      await api.gql(JOIN, { id: sessionId }, member.accessToken);
      const [{ id: bookingId }] = await db.query<{ id: string }>(
        `SELECT id FROM booking WHERE session_id = $1 AND person_id = $2`,
        [sessionId, member.personId],
      );
      await nudge(member.personId, { variant, subjectId: bookingId });
      if (came !== null)
        await db.query(`UPDATE booking SET status = $2 WHERE id = $1`, [
          bookingId,
          came ? 'ATTENDED' : 'NO_SHOW',
        ]);
    }
    const report = await api.gql<{ nudgeVariantReport: Record<string, unknown>[] }>(
      REPORT,
      { k: 'SESSION_REMINDER', a: areaId },
      help.coordinator.accessToken,
    );
    const ci = differenceInterval(9, 10, 6, 8)!;
    expect(report.data?.nudgeVariantReport).toEqual([
      {
        variant: 'A',
        reminded: 8,
        attended: 6,
        attendedShare: 0.75,
        differenceCiLow: null,
        differenceCiHigh: null,
      },
      {
        variant: 'B',
        reminded: 10,
        attended: 9,
        attendedShare: 0.9,
        differenceCiLow: ci.low,
        differenceCiHigh: ci.high,
      },
    ]);
    expect(ci.low).toBeLessThan(0);
    const refused = await api.gql(
      REPORT,
      { k: 'SESSION_REMINDER', a: areaId },
      outsider.accessToken,
    );
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const wrongKind = await api.gql(
      REPORT,
      { k: 'DBS_EXPIRING', a: areaId },
      help.coordinator.accessToken,
    );
    expect(wrongKind.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
