import { AreaService } from '@kith/areas';
import { Db, distanceBand } from '@kith/platform';
import { PersonService, Role } from '@kith/identity';
import { startApi } from '../support/api';
import type { RunningApi } from '../support/api';
import { importShippedAreas } from '../support/areas';
import { UPDATE_PROFILE } from '../support/community';
import { testConfig } from '../support/config';
import {
  APPROVE,
  ASK,
  ASSIGN,
  COMPLETE,
  CREDITS,
  HelpFixtures,
  OFFER,
  RESPOND,
} from '../support/help';
import { signIn } from '../support/sign-in';
import type { Session } from '../support/sign-in';

type Errors = { errors?: { extensions: { code: string; rules?: string[] } }[] };
const codeOf = (result: Errors) => result.errors?.[0].extensions.code;
/** An eligibility refusal: BAD_USER_INPUT naming the failed rules. */
const refusedFor = (result: Errors) => [codeOf(result), result.errors?.[0].extensions.rules];

describe('help: helpers, requests, assignments and time credits over HTTP', () => {
  let api: RunningApi;
  let db: Db;
  let coordinator: Session;
  let skills: Record<string, string>;
  let fixtures: HelpFixtures;

  beforeAll(async () => {
    api = await startApi(testConfig({ RATE_LIMIT_SIGNIN_PER_IP: '100000' }));
    db = api.app.get(Db);
    await importShippedAreas(api.app.get(AreaService));
    fixtures = await HelpFixtures.create(api);
    ({ coordinator, skills } = fixtures);
  });

  afterAll(() => api?.close());

  const member = () => fixtures.member();
  const helper = (approve = true, skill = 'gardening') => fixtures.helper(approve, skill);
  const accepted = (asker: Session, helping: Session, skill = 'gardening') =>
    fixtures.accepted(asker, helping, skill);
  const askWeeding = (asker: Session, atHome = true) => fixtures.askWeeding(asker, atHome);

  const zeroSum = async () =>
    (
      await db.query<{ sum: number }>(
        `SELECT COALESCE(sum(minutes), 0)::int AS sum FROM time_credit_entry`,
      )
    )[0].sum;
  const unbalancedTransfers = async () =>
    (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT transfer_id FROM time_credit_entry GROUP BY transfer_id HAVING sum(minutes) <> 0) t`,
      )
    )[0].n;

  it('walks a request from creation to completion with a rating; balances and the ledger add up', async () => {
    const asker = await member();
    const gardener = await helper();
    const request = await api.gql<{ createHelpRequest: { id: string; status: string } }>(
      ASK,
      {
        input: {
          skillId: skills.gardening,
          description: 'The front garden needs weeding',
          durationMinutes: 90,
          atHome: true,
          preferredWindows: [{ weekday: 'SAT', start: '10:00', end: '12:00' }],
        },
      },
      asker.accessToken,
    );
    expect(request.data).toMatchObject({ createHelpRequest: { status: 'OPEN' } });
    const requestId = request.data!.createHelpRequest.id;

    const assigned = await api.gql<{ assignHelper: { id: string; request: { status: string } } }>(
      ASSIGN,
      { r: requestId, h: gardener.personId },
      asker.accessToken,
    );
    expect(assigned.data!.assignHelper.request.status).toBe('ASSIGNED');
    const assignmentId = assigned.data!.assignHelper.id;
    expect(
      (await api.gql(RESPOND, { id: assignmentId, a: true }, gardener.accessToken)).data,
    ).toEqual({ respondToAssignment: { status: 'ACCEPTED', request: { status: 'ACCEPTED' } } });
    expect(
      (await api.gql(COMPLETE, { id: assignmentId, m: 75 }, gardener.accessToken)).data,
    ).toEqual({
      completeAssignment: { status: 'COMPLETED', minutes: 75, request: { status: 'DONE' } },
    });
    const rated = await api.gql(
      `mutation($id: ID!) { rateAssignment(id: $id, rating: 5, comment: "Lovely job") { rating } }`,
      { id: assignmentId },
      asker.accessToken,
    );
    expect(rated.data).toEqual({ rateAssignment: { rating: 5 } });

    expect((await api.gql(CREDITS, {}, asker.accessToken)).data).toEqual({
      myTimeCredits: { balanceMinutes: -75, entries: [{ minutes: -75, reason: 'Help given' }] },
    });
    expect((await api.gql(CREDITS, {}, gardener.accessToken)).data).toEqual({
      myTimeCredits: { balanceMinutes: 75, entries: [{ minutes: 75, reason: 'Help given' }] },
    });
    // The same minutes read as help received by the member, help given by the helper.
    const KINDS = `{ me { timeCreditEntries(first: 5) { edges { node { kind minutes } } } } }`;
    expect((await api.gql(KINDS, {}, asker.accessToken)).data).toEqual({
      me: { timeCreditEntries: { edges: [{ node: { kind: 'HELP_RECEIVED', minutes: -75 } }] } },
    });
    expect((await api.gql(KINDS, {}, gardener.accessToken)).data).toEqual({
      me: { timeCreditEntries: { edges: [{ node: { kind: 'HELP_GIVEN', minutes: 75 } }] } },
    });
    expect(await zeroSum()).toBe(0);
    expect(await unbalancedTransfers()).toBe(0);
    const mine = await api.gql<{ myHelpRequests: { status: string }[] }>(
      `{ myHelpRequests { id status } }`,
      {},
      asker.accessToken,
    );
    expect(mine.data!.myHelpRequests).toEqual([{ id: requestId, status: 'DONE' }]);
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`,
      [assignmentId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'assignment.offered',
      'assignment.accepted',
      'assignment.completed',
    ]);
  });

  it('refuses a claim of more than twice the minutes asked for plus 30, moving nothing', async () => {
    const asker = await member();
    const gardener = await helper();
    const assignmentId = await accepted(asker, gardener); // an hour asked for
    const greedy = await api.gql(COMPLETE, { id: assignmentId, m: 151 }, gardener.accessToken);
    expect(greedy.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'minutes', message: expect.stringMatching(/^at most 150 /) as string }],
    });
    expect((await api.gql(CREDITS, {}, asker.accessToken)).data).toEqual({
      myTimeCredits: { balanceMinutes: 0, entries: [] },
    });
    // The member's account can pay the most allowed (the floor alone would stop 150).
    await api.gql(
      `mutation($p: ID!) { grantTimeCredits(personId: $p, minutes: 100, reason: "Budget") }`,
      { p: asker.personId },
      coordinator.accessToken,
    );
    expect(
      (await api.gql(COMPLETE, { id: assignmentId, m: 150 }, gardener.accessToken)).data,
    ).toEqual({
      completeAssignment: { status: 'COMPLETED', minutes: 150, request: { status: 'DONE' } },
    });
  });

  it('moves the minutes once when the same assignment is completed twice at once', async () => {
    const asker = await member();
    const gardener = await helper();
    const assignmentId = await accepted(asker, gardener);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.gql(COMPLETE, { id: assignmentId, m: 30 }, gardener.accessToken),
      ),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(
      (
        await api.gql<{ myTimeCredits: { balanceMinutes: number } }>(
          CREDITS,
          {},
          gardener.accessToken,
        )
      ).data!.myTimeCredits.balanceMinutes,
    ).toBe(30);
    expect(await zeroSum()).toBe(0);
  });

  it('never breaks the floor or the zero sum under many concurrent completions against one account', async () => {
    const asker = await member();
    const helpers = await Promise.all(Array.from({ length: 6 }, () => helper()));
    const assignments: string[] = [];
    for (const h of helpers) assignments.push(await accepted(asker, h));
    // Six completions of 50 minutes against a floor of -120: at most two can succeed.
    const results = await Promise.all(
      helpers.map((h, i) => api.gql(COMPLETE, { id: assignments[i], m: 50 }, h.accessToken)),
    );
    const succeeded = results.filter((r) => !r.errors);
    expect(succeeded).toHaveLength(2);
    expect(results.filter((r) => codeOf(r) === 'CONFLICT')).toHaveLength(4);
    const balance = (
      await api.gql<{ myTimeCredits: { balanceMinutes: number } }>(CREDITS, {}, asker.accessToken)
    ).data!.myTimeCredits.balanceMinutes;
    expect(balance).toBe(-100);
    expect(await zeroSum()).toBe(0);
    expect(await unbalancedTransfers()).toBe(0);
  });

  it("refuses minutes out of range and someone else's assignment", async () => {
    const asker = await member();
    const gardener = await helper();
    const stranger = await helper();
    const assignmentId = await accepted(asker, gardener);
    for (const m of [0, 601, -5]) {
      const result = await api.gql(COMPLETE, { id: assignmentId, m }, gardener.accessToken);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'minutes' }],
      });
    }
    expect(codeOf(await api.gql(COMPLETE, { id: assignmentId, m: 30 }, stranger.accessToken))).toBe(
      'FORBIDDEN',
    );
    expect(
      codeOf(await api.gql(RESPOND, { id: assignmentId, a: false }, stranger.accessToken)),
    ).toBe('FORBIDDEN');
    expect(codeOf(await api.gql(COMPLETE, { id: assignmentId, m: 30 }, asker.accessToken))).toBe(
      'FORBIDDEN',
    );
  });

  it('never assigns an unapproved, suspended or blocked helper, and reopens a declined request', async () => {
    const asker = await member();
    const ask = () => askWeeding(asker);
    const noSuchSession = await api.gql(
      ASK,
      {
        input: {
          skillId: skills['first-visit-company'],
          description: 'Come with me',
          durationMinutes: 60,
          atHome: false,
          sessionId: '00000000-0000-4000-8000-000000000000',
        },
      },
      asker.accessToken,
    );
    expect(noSuchSession.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'sessionId' }],
    });
    const unapproved = await helper(false);
    const requestId = await ask();
    // The member who asked learns only that this helper cannot; the coordinator learns why.
    expect(
      refusedFor(
        await api.gql(ASSIGN, { r: requestId, h: unapproved.personId }, asker.accessToken),
      ),
    ).toEqual(['BAD_USER_INPUT', undefined]);
    expect(
      refusedFor(
        await api.gql(ASSIGN, { r: requestId, h: unapproved.personId }, coordinator.accessToken),
      ),
    ).toEqual(['BAD_USER_INPUT', ['NOT_APPROVED', 'DBS_NOT_VALID']]);

    const suspended = await helper();
    const s = await api.gql(
      `mutation($p: ID!) { suspendHelper(personId: $p, reason: "complaint") { status approved } }`,
      { p: suspended.personId },
      coordinator.accessToken,
    );
    expect(s.data).toEqual({ suspendHelper: { status: 'SUSPENDED', approved: false } });
    expect(
      refusedFor(
        await api.gql(ASSIGN, { r: requestId, h: suspended.personId }, coordinator.accessToken),
      ),
    ).toEqual(['BAD_USER_INPUT', ['SUSPENDED']]);

    const blocked = await helper();
    expect(
      (
        await api.gql(
          `mutation($p: ID!) { blockPerson(personId: $p) }`,
          { p: blocked.personId },
          asker.accessToken,
        )
      ).data,
    ).toEqual({ blockPerson: true });
    expect(
      refusedFor(
        await api.gql(ASSIGN, { r: requestId, h: blocked.personId }, coordinator.accessToken),
      ),
    ).toEqual(['BAD_USER_INPUT', ['BLOCKED']]);
    expect(
      codeOf(
        await api.gql(
          `mutation($p: ID!) { blockPerson(personId: $p) }`,
          { p: '5b0a8e3e-5a1f-4c57-9a3e-1b2c3d4e5f60' },
          asker.accessToken,
        ),
      ),
    ).toBe('NOT_FOUND');

    const wrongSkill = await helper(true, 'dog-walking');
    expect(
      refusedFor(
        await api.gql(ASSIGN, { r: requestId, h: wrongSkill.personId }, coordinator.accessToken),
      ),
    ).toEqual(['BAD_USER_INPUT', ['LACKS_SKILL']]);

    const decliner = await helper();
    const offered = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: decliner.personId },
      asker.accessToken,
    );
    expect(
      (
        await api.gql(
          RESPOND,
          { id: offered.data!.assignHelper.id, a: false },
          decliner.accessToken,
        )
      ).data,
    ).toEqual({
      respondToAssignment: { status: 'DECLINED', request: { status: 'OPEN' } },
    });
    const audit = await db.query<{ action: string }>(
      `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id`,
      [suspended.personId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'helper.offered',
      'helper.approved',
      'helper.suspended',
    ]);
  });

  it('lets two offers that each fit the week not both be accepted past it, accepted at once', async () => {
    const busy = await helper();
    const capped = await api.gql(
      OFFER,
      {
        input: {
          skillIds: [skills.gardening],
          base: { lat: 51.506, lng: -0.1 },
          travelRadiusMetres: 3000,
          availability: [{ weekday: 'SAT', start: '09:00', end: '17:00' }],
          maxMinutesPerWeek: 60,
        },
      },
      busy.accessToken,
    );
    expect(capped.errors).toBeUndefined();
    const offers: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const asker = await member();
      const requestId = await askWeeding(asker);
      const offered = await api.gql<{ assignHelper: { id: string } }>(
        ASSIGN,
        { r: requestId, h: busy.personId },
        asker.accessToken,
      );
      expect(offered.errors).toBeUndefined();
      offers.push(offered.data!.assignHelper.id);
    }
    const answers = await Promise.all(
      offers.map((id) => api.gql(RESPOND, { id, a: true }, busy.accessToken)),
    );
    expect(answers.map((a) => a.errors?.[0]?.extensions.code ?? 'ACCEPTED').sort()).toEqual([
      'ACCEPTED',
      'CONFLICT',
    ]);
  });

  it('withdraws accepted help when the member blocks the helper, in Postgres, reopening it', async () => {
    const asker = await member();
    const requestId = await askWeeding(asker);
    const kept = await helper();
    const offered = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: kept.personId },
      asker.accessToken,
    );
    const id = offered.data!.assignHelper.id;
    await api.gql(RESPOND, { id, a: true }, kept.accessToken);
    await api.gql(
      `mutation($p: ID!) { blockPerson(personId: $p) }`,
      { p: kept.personId },
      asker.accessToken,
    );
    const [row] = await db.query<{ assignment: string; request: string }>(
      `SELECT a.status AS assignment, r.status AS request
         FROM help_assignment a JOIN help_request r ON r.id = a.request_id WHERE a.id = $1`,
      [id],
    );
    expect(row).toEqual({ assignment: 'WITHDRAWN', request: 'OPEN' });
  });

  it('reads DBS dates as London dates, and gives them back as dates', async () => {
    const h = await helper(false);
    // Half past midnight in London, in summer: still 30 June in UTC.
    const approved = await api.gql<{ approveHelper: { dbsExpiresOn: string } }>(
      APPROVE,
      { p: h.personId, c: '2026-05-01T23:30:00Z', e: '2029-06-30T23:30:00Z' },
      coordinator.accessToken,
    );
    expect(approved.data).toEqual({
      approveHelper: expect.objectContaining({
        dbsExpiresOn: '2029-06-30T23:00:00.000Z',
      }) as unknown,
    });
    const me = await api.gql(
      `{ me { helperProfile { dbsCheckedOnDate dbsExpiresOnDate } } }`,
      {},
      h.accessToken,
    );
    expect(me.data).toEqual({
      me: { helperProfile: { dbsCheckedOnDate: '2026-05-02', dbsExpiresOnDate: '2029-07-01' } },
    });
  });

  it('refuses a DBS expiry before the check, and approval by a member or a coordinator elsewhere', async () => {
    const h = await helper(false);
    const bad = await api.gql(
      APPROVE,
      { p: h.personId, c: '2026-05-01T00:00:00Z', e: '2026-04-01T00:00:00Z' },
      coordinator.accessToken,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'dbsExpiresOn' }],
    });
    const asMember = await member();
    expect(
      codeOf(
        await api.gql(APPROVE, { p: h.personId, c: '2026-05-01T00:00:00Z' }, asMember.accessToken),
      ),
    ).toBe('FORBIDDEN');
    const elsewhere = await signIn(api);
    await api.app.get(PersonService).grantRole(elsewhere.email, Role.COORDINATOR, 'K09000002');
    expect(
      codeOf(
        await api.gql(APPROVE, { p: h.personId, c: '2026-05-01T00:00:00Z' }, elsewhere.accessToken),
      ),
    ).toBe('FORBIDDEN');
    const me = await api.gql(`{ me { helperProfile { approved status } } }`, {}, h.accessToken);
    expect(me.data).toEqual({ me: { helperProfile: { approved: false, status: 'PENDING' } } });
  });

  describe('scope that holds wherever people are', () => {
    const SUSPEND = `mutation($p: ID!) { suspendHelper(personId: $p, reason: "Concerns raised") { status } }`;
    const PARIS = { lat: 48.8566, lng: 2.3522 };
    let everywhere: Session;
    let otherBorough: { lat: number; lng: number };

    beforeAll(async () => {
      everywhere = await signIn(api);
      await api.app.get(PersonService).grantRole(everywhere.email, Role.COORDINATOR);
      const [centre] = await db.query<{ lat: number; lng: number }>(
        `SELECT ST_Y(ST_PointOnSurface(boundary::geometry)) AS lat, ST_X(ST_PointOnSurface(boundary::geometry)) AS lng
           FROM area WHERE code = 'K09000002'`,
      );
      otherBorough = centre;
    });

    const moveBase = (session: Session, base: { lat: number; lng: number }) =>
      api.gql<{ updateHelperProfile: { approved: boolean; status: string } }>(
        OFFER,
        {
          input: {
            skillIds: [skills.gardening],
            base,
            travelRadiusMetres: 3000,
            availability: [{ weekday: 'SAT', start: '09:00', end: '17:00' }],
          },
        },
        session.accessToken,
      );

    it('puts a helper who moves their base out of every area back to pending, where they can still be suspended', async () => {
      const mover = await helper();
      expect((await moveBase(mover, PARIS)).data).toEqual({
        updateHelperProfile: expect.objectContaining({
          approved: false,
          status: 'PENDING',
        }) as unknown,
      });
      const [audit] = await db.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE subject_id = $1 ORDER BY id DESC LIMIT 1`,
        [mover.personId],
      );
      expect(audit.action).toBe('helper.approval-lapsed');
      // No home visits: a pending helper is never assigned.
      const asker = await member();
      const requestId = await askWeeding(asker);
      expect(
        refusedFor(await api.gql(ASSIGN, { r: requestId, h: mover.personId }, asker.accessToken)),
      ).toEqual(['BAD_USER_INPUT', undefined]);
      // The approving area's coordinator and a coordinator without an area can still suspend them.
      expect((await api.gql(SUSPEND, { p: mover.personId }, coordinator.accessToken)).data).toEqual(
        {
          suspendHelper: { status: 'SUSPENDED' },
        },
      );
      const another = await helper();
      await moveBase(another, PARIS);
      expect(
        (await api.gql(SUSPEND, { p: another.personId }, everywhere.accessToken)).data,
      ).toEqual({
        suspendHelper: { status: 'SUSPENDED' },
      });
    });

    it('puts a helper who moves to another area back to pending, for that area to approve', async () => {
      const mover = await helper();
      expect((await moveBase(mover, otherBorough)).data).toEqual({
        updateHelperProfile: expect.objectContaining({ status: 'PENDING' }) as unknown,
      });
      // Riverside's coordinator approved them, not the new area: they cannot approve them there.
      expect(
        codeOf(
          await api.gql(
            APPROVE,
            { p: mover.personId, c: '2026-05-01T00:00:00Z' },
            coordinator.accessToken,
          ),
        ),
      ).toBe('FORBIDDEN');
      // Moving within the approving area keeps the approval.
      const stayer = await helper();
      expect((await moveBase(stayer, { lat: 51.5045, lng: -0.0995 })).data).toEqual({
        updateHelperProfile: expect.objectContaining({
          approved: true,
          status: 'APPROVED',
        }) as unknown,
      });
    });

    it('lets a coordinator whose role holds everywhere approve, match and assign where there is no area', async () => {
      const farHelper = await helper(false);
      await moveBase(farHelper, PARIS);
      const approved = await api.gql(
        APPROVE,
        { p: farHelper.personId, c: '2026-05-01T00:00:00Z', e: '2029-05-01T00:00:00Z' },
        everywhere.accessToken,
      );
      expect(approved.data).toMatchObject({ approveHelper: { approved: true } });
      expect(
        codeOf(
          await api.gql(
            APPROVE,
            { p: farHelper.personId, c: '2026-05-01T00:00:00Z' },
            coordinator.accessToken,
          ),
        ),
      ).toBe('FORBIDDEN');

      const farMember = await signIn(api);
      await api.gql(
        UPDATE_PROFILE,
        { input: { home: { lat: 48.857, lng: 2.353 } } },
        farMember.accessToken,
      );
      const requestId = await askWeeding(farMember);
      const matches = await api.gql<{ helperMatches: { helper: { id: string } }[] }>(
        `query($r: ID!) { helperMatches(requestId: $r) { helper { id } } }`,
        { r: requestId },
        everywhere.accessToken,
      );
      expect(matches.errors).toBeUndefined();
      expect(matches.data!.helperMatches.map((m) => m.helper.id)).toContain(farHelper.personId);
      const assigned = await api.gql(
        ASSIGN,
        { r: requestId, h: farHelper.personId },
        everywhere.accessToken,
      );
      expect(assigned.errors).toBeUndefined();
      // A coordinator of Riverside has no say there.
      expect(
        codeOf(
          await api.gql(
            `query($r: ID!) { helperMatches(requestId: $r) { score } }`,
            { r: requestId },
            coordinator.accessToken,
          ),
        ),
      ).toBe('FORBIDDEN');
    });
  });

  it('shows the helper a first name and distance band, and the phone and address only once accepted', async () => {
    const asker = await signIn(api);
    await api.gql(
      UPDATE_PROFILE,
      {
        input: {
          displayName: 'Margaret Brown',
          home: { lat: 51.504, lng: -0.099 },
          phone: '+44 20 7946 0000',
          address: '12 Tanner Street, SE1',
        },
      },
      asker.accessToken,
    );
    const gardener = await helper();
    const requestId = await askWeeding(asker);
    const offered = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: gardener.personId },
      asker.accessToken,
    );
    const view = async () =>
      (
        await api.gql<{ myAssignments: { member: unknown }[] }>(
          `{ myAssignments { status member { firstName distanceBand phone address } } }`,
          {},
          gardener.accessToken,
        )
      ).data!.myAssignments;
    // From the member's coarse home, never the home itself.
    const [{ metres }] = await db.query<{ metres: number }>(
      `SELECT ST_Distance(mp.home_coarse, hp.base) AS metres FROM member_profile mp, helper_profile hp
        WHERE mp.person_id = $1 AND hp.person_id = $2`,
      [asker.personId, gardener.personId],
    );
    const band = distanceBand(metres);
    expect(await view()).toEqual([
      {
        status: 'OFFERED',
        member: { firstName: 'Margaret', distanceBand: band, phone: null, address: null },
      },
    ]);
    await api.gql(RESPOND, { id: offered.data!.assignHelper.id, a: true }, gardener.accessToken);
    expect(await view()).toEqual([
      {
        status: 'ACCEPTED',
        member: {
          firstName: 'Margaret',
          distanceBand: band,
          phone: '+44 20 7946 0000',
          address: '12 Tanner Street, SE1',
        },
      },
    ]);
    await api.gql(COMPLETE, { id: offered.data!.assignHelper.id, m: 60 }, gardener.accessToken);
    expect(await view()).toEqual([
      {
        status: 'COMPLETED',
        member: { firstName: 'Margaret', distanceBand: band, phone: null, address: null },
      },
    ]);
  });

  it('lets a coordinator of the area grant minutes from the time bank, keeping the ledger at zero sum', async () => {
    const asker = await member();
    const grant = (token: string, minutes: number, reason = 'Personal budget, November') =>
      api.gql(
        `mutation($p: ID!, $m: Int!, $r: String!) { grantTimeCredits(personId: $p, minutes: $m, reason: $r) }`,
        { p: asker.personId, m: minutes, r: reason },
        token,
      );
    expect((await grant(coordinator.accessToken, 180)).data).toEqual({ grantTimeCredits: true });
    expect((await api.gql(CREDITS, {}, asker.accessToken)).data).toEqual({
      myTimeCredits: {
        balanceMinutes: 180,
        entries: [{ minutes: 180, reason: 'Granted: Personal budget, November' }],
      },
    });
    expect((await grant(coordinator.accessToken, 0)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'minutes' }],
    });
    expect((await grant(coordinator.accessToken, 10, '  ')).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'reason' }],
    });
    expect(codeOf(await grant(asker.accessToken, 60))).toBe('FORBIDDEN');
    // A coordinator who is also a member of the area cannot grant to themselves.
    await api.gql(
      UPDATE_PROFILE,
      { input: { home: { lat: 51.504, lng: -0.099 } } },
      coordinator.accessToken,
    );
    const toSelf = await api.gql(
      `mutation($p: ID!) { grantTimeCredits(personId: $p, minutes: 6000, reason: "mine") }`,
      { p: coordinator.personId },
      coordinator.accessToken,
    );
    expect(toSelf.errors?.[0]).toMatchObject({
      message: 'Nobody grants time credits to themselves; ask another coordinator',
      extensions: { code: 'FORBIDDEN' },
    });
    const elsewhere = await signIn(api);
    await api.app.get(PersonService).grantRole(elsewhere.email, Role.COORDINATOR, 'K09000002');
    expect(codeOf(await grant(elsewhere.accessToken, 60))).toBe('FORBIDDEN');
    expect(await zeroSum()).toBe(0);
    expect(await unbalancedTransfers()).toBe(0);
  });

  it('lets the member cancel a request, withdrawing the offer, and not someone else', async () => {
    const asker = await member();
    const gardener = await helper();
    const requestId = await askWeeding(asker);
    const offered = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN,
      { r: requestId, h: gardener.personId },
      asker.accessToken,
    );
    const cancel = (token: string) =>
      api.gql(
        `mutation($id: ID!) { cancelHelpRequest(id: $id) { status } }`,
        { id: requestId },
        token,
      );
    expect(codeOf(await cancel(gardener.accessToken))).toBe('FORBIDDEN');
    expect((await cancel(asker.accessToken)).data).toEqual({
      cancelHelpRequest: { status: 'CANCELLED' },
    });
    expect((await cancel(asker.accessToken)).data).toEqual({
      cancelHelpRequest: { status: 'CANCELLED' },
    });
    const mine = await api.gql<{ myAssignments: { id: string; status: string }[] }>(
      `{ myAssignments { id status } }`,
      {},
      gardener.accessToken,
    );
    expect(mine.data!.myAssignments).toEqual([
      { id: offered.data!.assignHelper.id, status: 'WITHDRAWN' },
    ]);
    expect(
      codeOf(
        await api.gql(
          RESPOND,
          { id: offered.data!.assignHelper.id, a: true },
          gardener.accessToken,
        ),
      ),
    ).toBe('CONFLICT');
  });

  it('never assigns a helper whose DBS check has expired; a coordinator of the area may assign', async () => {
    const asker = await member();
    const requestId = await askWeeding(asker);
    const lapsed = await helper(false);
    const approved = await api.gql(
      APPROVE,
      { p: lapsed.personId, c: '2021-01-10T00:00:00Z', e: '2024-01-10T00:00:00Z' },
      coordinator.accessToken,
    );
    expect(approved.data).toMatchObject({ approveHelper: { approved: true } });
    const refused = await api.gql(
      ASSIGN,
      { r: requestId, h: lapsed.personId },
      coordinator.accessToken,
    );
    expect(refusedFor(refused)).toEqual(['BAD_USER_INPUT', ['DBS_NOT_VALID']]);
    expect(refused.errors?.[0]).toMatchObject({
      message: 'This helper cannot be assigned: this helper has no DBS check in date',
      extensions: {
        fields: [
          { path: 'helperId', message: 'DBS_NOT_VALID: this helper has no DBS check in date' },
        ],
      },
    });

    const current = await helper();
    const assigned = await api.gql<{ assignHelper: { request: { status: string } } }>(
      ASSIGN,
      { r: requestId, h: current.personId },
      coordinator.accessToken,
    );
    expect(assigned.data!.assignHelper.request.status).toBe('ASSIGNED');
    const bystander = await member();
    const other = await askWeeding(bystander, false);
    expect(
      codeOf(await api.gql(ASSIGN, { r: other, h: current.personId }, asker.accessToken)),
    ).toBe('FORBIDDEN');
  });
  it('refuses a helper failing a soft rule unless a coordinator overrides it with a reason, recorded; helperMatchGaps says why none match', async () => {
    const asker = await member();
    const ASSIGN_OVER = `mutation($r: ID!, $h: ID!, $o: String) { assignHelper(requestId: $r, helperId: $h, overrideReason: $o) { id status } }`;
    const GAPS = `query($r: ID!) { helperMatchGaps(requestId: $r) }`;
    const MATCHES = `query($r: ID!) { helperMatches(requestId: $r) { helper { id } } }`;
    const askSewing = async () => {
      const result = await api.gql<{ createHelpRequest: { id: string } }>(
        ASK,
        {
          input: {
            skillId: skills['sewing-repairs'],
            description: 'A hem to take up',
            durationMinutes: 60,
            atHome: true,
            preferredWindows: [{ weekday: 'TUE', start: '10:00', end: '12:00' }],
          },
        },
        asker.accessToken,
      );
      return result.data!.createHelpRequest.id;
    };
    const early = await askSewing();
    expect((await api.gql(GAPS, { r: early }, asker.accessToken)).data).toEqual({
      helperMatchGaps: ['NO_APPROVED_HELPER_WITH_SKILL'],
    });

    // Free on Saturdays only: the Tuesday morning asked for does not fit.
    const sewer = await helper(true, 'sewing-repairs');
    const requestId = await askSewing();
    expect((await api.gql(MATCHES, { r: requestId }, coordinator.accessToken)).data).toEqual({
      helperMatches: [],
    });
    expect((await api.gql(GAPS, { r: requestId }, coordinator.accessToken)).data).toEqual({
      helperMatchGaps: ['NONE_AVAILABLE_IN_WINDOWS'],
    });

    const refused = await api.gql(
      ASSIGN_OVER,
      { r: requestId, h: sewer.personId },
      asker.accessToken,
    );
    // To the member who asked: only that this helper cannot (the helper's week is theirs).
    expect(refused.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'helperId', message: 'this helper cannot take this request' }],
    });
    expect(
      (await api.gql(ASSIGN_OVER, { r: requestId, h: sewer.personId }, coordinator.accessToken))
        .errors?.[0].extensions,
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      rules: ['NOT_AVAILABLE_IN_WINDOWS'],
      overridable: true,
      fields: [{ path: 'helperId' }],
    });
    // The member cannot override; a coordinator's reason goes through the text rule.
    expect(
      codeOf(
        await api.gql(
          ASSIGN_OVER,
          { r: requestId, h: sewer.personId, o: 'I asked them' },
          asker.accessToken,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      (
        await api.gql(
          ASSIGN_OVER,
          { r: requestId, h: sewer.personId, o: 'x'.repeat(501) },
          coordinator.accessToken,
        )
      ).errors?.[0].extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'overrideReason' }] });

    const reason = 'Agreed by phone: Saturday suits the member too';
    const assigned = await api.gql<{ assignHelper: { id: string; status: string } }>(
      ASSIGN_OVER,
      { r: requestId, h: sewer.personId, o: reason },
      coordinator.accessToken,
    );
    expect(assigned.data!.assignHelper.status).toBe('OFFERED');
    const id = assigned.data!.assignHelper.id;
    const [row] = await db.query<{ override: unknown }>(
      `SELECT override FROM help_assignment WHERE id = $1`,
      [id],
    );
    expect(row.override).toEqual({ reason, rules: ['NOT_AVAILABLE_IN_WINDOWS'] });
    const [audit] = await db.query<{ details: { override?: unknown } }>(
      `SELECT details FROM audit_log WHERE subject_id = $1 AND action = 'assignment.offered'`,
      [id],
    );
    expect(audit.details.override).toEqual({ reason, rules: ['NOT_AVAILABLE_IN_WINDOWS'] });
    expect((await api.gql(GAPS, { r: requestId }, coordinator.accessToken)).data).toEqual({
      helperMatchGaps: ['REQUEST_NOT_OPEN'],
    });

    // An eligible helper needs no reason, and none is recorded.
    const plain = await helper();
    const weeding = await askWeeding(asker);
    const ok = await api.gql<{ assignHelper: { id: string } }>(
      ASSIGN_OVER,
      { r: weeding, h: plain.personId, o: 'not needed' },
      asker.accessToken,
    );
    const [none] = await db.query<{ override: unknown }>(
      `SELECT override FROM help_assignment WHERE id = $1`,
      [ok.data!.assignHelper.id],
    );
    expect(none.override).toBeNull();
  });
});
